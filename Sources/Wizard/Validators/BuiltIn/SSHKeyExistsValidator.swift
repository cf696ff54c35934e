import Foundation
import Lessons

/// `ssh-key-exists`: a private key and its matching `.pub` exist with modes ssh accepts.
public struct SSHKeyExistsValidator: Validator {
    public static let spec = ValidatorSpec("ssh-key-exists", arguments: [.required("path")],
                                           summary: "a private key and its matching `.pub` exist with modes 600 / 644 or stricter")

    public var path: String

    public init(_ arguments: ValidatorArguments) throws {
        path = try arguments.text("path")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let pub = path + ".pub"
        let result = try context.run("stat -c '%a %n' -- \(path) \(pub) && echo derived $(ssh-keygen -y -f \(path) </dev/null | cut -d' ' -f1,2) && echo stored $(cut -d' ' -f1,2 \(pub))")
        return Self.judge(path: path, output: result.output, exitStatus: result.exitStatus)
    }

    /// The verdict on the modes, and the public half derived from the private one against the stored one.
    public static func judge(path: String, output: String, exitStatus: Int32) -> CheckOutcome {
        let title = "ssh-key-exists \(path)"
        let expected = "a private key \(path) (mode 600 or stricter) and its matching .pub (not writable by others)"
        guard exitStatus == 0 else { return .fail(title, expected: expected, found: OutputSummary.lastLines(output)) }
        var modes: [Int] = []
        var derived = ""
        var stored = ""
        for line in output.split(separator: "\n") {
            if line.hasPrefix("derived ") { derived = String(line.dropFirst(8)) }
            else if line.hasPrefix("stored ") { stored = String(line.dropFirst(7)) }
            else if let mode = line.split(separator: " ").first.flatMap({ Int($0, radix: 8) }) { modes.append(mode) }
        }
        guard modes.count == 2 else { return .fail(title, expected: expected, found: OutputSummary.lastLines(output)) }
        if modes[0] & 0o077 != 0 { return .fail(title, expected: expected, found: "the private key has mode \(String(modes[0], radix: 8)); run chmod 600 \(path)") }
        if modes[1] & 0o022 != 0 { return .fail(title, expected: expected, found: "\(path).pub can be written by others (mode \(String(modes[1], radix: 8)))") }
        if derived.isEmpty { return .fail(title, expected: expected, found: "ssh-keygen cannot read the private key (a passphrase, or not a key)") }
        if derived != stored { return .fail(title, expected: expected, found: "\(path).pub does not belong to \(path)") }
        let type = derived.split(separator: " ").first.map(String.init) ?? "key"
        return .pass(title, expected: expected, found: "\(type) key, modes \(String(modes[0], radix: 8)) and \(String(modes[1], radix: 8))")
    }
}
