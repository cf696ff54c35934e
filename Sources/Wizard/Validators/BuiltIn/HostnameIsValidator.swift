import Foundation
import Lessons

/// `hostname-is`: the host, asked over ssh from where the block runs, calls itself the expected name.
public struct HostnameIsValidator: Validator {
    public static let spec = ValidatorSpec("hostname-is", arguments: [.required("host", .host), .required("expected"), .optional("user"), .optional("port", .number(1...65535), default: "22")],
                                           summary: "`hostname` on the host prints `expected` (asked over ssh as `user`, else the lesson's `hosts: login` user)")

    public var host: String
    public var expected: String
    public var user: String?
    public var port: Int

    public init(_ arguments: ValidatorArguments) throws {
        host = try arguments.text("host")
        expected = try arguments.text("expected")
        user = try arguments.optional("user")
        port = try arguments.number("port")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let result = try context.run(context.onHost(host, "hostname", login: .own, user: user, port: port))
        let title = "hostname-is \(ValidatorContext.hostAndPort(host, port))"
        let name = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitStatus == 0 else {
            return .fail(title, expected: "\(host) to answer with the name \(expected)", found: "no answer: " + OutputSummary.lastLines(result.output))
        }
        return name == expected
            ? .pass(title, expected: expected, found: name)
            : .fail(title, expected: "\(host) to be called \(expected)", found: "it is called \(name)")
    }
}
