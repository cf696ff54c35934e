import Foundation
import Lessons

/// `hostname-is`: the host, asked over ssh from where the block runs, calls itself the expected name.
public struct HostnameIsValidator: Validator {
    public static let spec = ValidatorSpec("hostname-is", arguments: [.required("host"), .required("expected")],
                                           summary: "`hostname` on the host prints `expected`")

    public var host: String
    public var expected: String

    public init(_ arguments: ValidatorArguments) throws {
        host = try arguments.text("host")
        expected = try arguments.text("expected")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let result = try context.run(context.onHost(host, "hostname", login: .own))
        let title = "hostname-is \(host)"
        let name = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitStatus == 0 else {
            return .fail(title, expected: "\(host) to answer with the name \(expected)", found: "no answer: " + OutputSummary.lastLines(result.output))
        }
        return name == expected
            ? .pass(title, expected: expected, found: name)
            : .fail(title, expected: "\(host) to be called \(expected)", found: "it is called \(name)")
    }
}
