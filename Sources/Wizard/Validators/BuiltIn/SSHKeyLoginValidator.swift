import Foundation
import Lessons

/// `ssh-key-login`: ssh logs in as the user without a password (`BatchMode=yes`), with a given key or
/// ssh's own; with `ssh-config` and `known-hosts`, through the lesson's own ssh files (`SSHClientFiles`).
/// Without `user`, as the one ssh chooses (the configuration's `User`, else the login name).
public struct SSHKeyLoginValidator: Validator {
    public static let spec = ValidatorSpec("ssh-key-login", arguments: [.required("host", .host), .optional("user"), .optional("key"), .optional("port", .number(1...65535), default: "22")]
                                               + SSHClientFiles.arguments,
                                           summary: "`ssh -o BatchMode=yes` logs in without a password")

    public var host: String
    public var user: String?
    public var key: String?
    public var port: Int
    public var files: SSHClientFiles

    public init(_ arguments: ValidatorArguments) throws {
        host = try arguments.text("host")
        user = try arguments.optional("user")
        key = try arguments.optional("key")
        port = try arguments.number("port")
        files = try SSHClientFiles(arguments)
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        // A login of its own (never an open connection), which then serves the checks that follow.
        let identity = (key.map { ["-o", "IdentitiesOnly=yes", "-i", $0] } ?? []) + ValidatorContext.portOptions(port) + files.options
        let destination = user.map { "\($0)@\(host)" } ?? host
        let result = try context.run("\(context.ssh(destination, run: "true", login: .fresh, options: identity)) 2>&1")
        let place = ValidatorContext.hostAndPort(destination, port)
        let title = "ssh-key-login \(place)"
        let expected = "ssh to log in as \(place) with a key, without a password"
        return result.exitStatus == 0
            ? .pass(title, expected: expected, found: "it does")
            : .fail(title, expected: expected, found: OutputSummary.lastLines(result.output, count: 2))
    }
}
