import Lessons

/// Every built-in validator, in the order of the docs' table: the one list lint, the session,
/// `piwizard check` and docs/lesson-format.md are made from.
public enum ValidatorRegistry {
    public static let all: [any Validator.Type] = [
        BlockDeviceValidator.self,
        ImageMatchesDeviceValidator.self,
        SameContentValidator.self,
        FileContainsValidator.self,
        HostnameIsValidator.self,
        UniqueAcrossNodesValidator.self,
        UniqueHostKeysValidator.self,
        AddressFreeValidator.self,
        SameSubnetValidator.self,
        ReachableValidator.self,
        SSHKeyExistsValidator.self,
        SSHKeyLoginValidator.self,
        AuthorizedKeyOnceValidator.self,
        KnownHostValidator.self,
        MachinefileValidator.self,
        MPIHostnamesValidator.self,
        OutputMatchesValidator.self,
    ]

    /// What lint is handed.
    public static var specs: [ValidatorSpec] { all.map { $0.spec } }

    public static func validator(named name: String) -> (any Validator.Type)? {
        all.first { $0.spec.name == name }
    }

    /// Runs the validator `name` with `arguments` (templates filled in). A validator that cannot run
    /// (an argument of the wrong kind, a tool missing, an unreadable answer) fails with what it found;
    /// this never throws.
    public static func check(_ name: String, _ arguments: [String: String], context: ValidatorContext) -> CheckOutcome {
        guard let type = validator(named: name) else {
            return .fail(name, expected: "a built-in validator", found: "no validator named '\(name)'")
        }
        do {
            return try type.init(ValidatorArguments(arguments, spec: type.spec)).check(context)
        } catch {
            return .fail(name, expected: "the check to run", found: "\(error)")
        }
    }

    /// The docs' table of built-in validators (docs/lesson-format.md holds exactly this).
    public static var markdownTable: String {
        var lines = ["| validator | arguments | passes when |", "|-----------|-----------|-------------|"]
        for spec in specs { lines.append("| `\(spec.name)` | \(spec.argumentsCell) | \(spec.summary) |") }
        return lines.joined(separator: "\n")
    }
}
