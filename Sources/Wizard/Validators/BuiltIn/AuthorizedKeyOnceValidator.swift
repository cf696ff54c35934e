import Foundation
import Lessons

/// `authorized-key-once`: the key's public half is in `user@host`'s `~/.ssh/authorized_keys` exactly once,
/// and the modes are the ones sshd insists on (home not writable by others, `~/.ssh` 700, the file 600).
public struct AuthorizedKeyOnceValidator: Validator {
    public static let spec = ValidatorSpec("authorized-key-once", arguments: [.required("host", .host), .required("user"), .required("key"), .optional("port", .number(1...65535), default: "22")]
                                               + SSHClientFiles.arguments,
                                           summary: "`key.pub` is in the host's `~/.ssh/authorized_keys` exactly once (no duplicate appends), `~/.ssh` is 700, `authorized_keys` 600, the home folder not writable by others")

    public var host: String
    public var user: String
    /// The private key's path; its `.pub` is looked for.
    public var key: String
    public var port: Int
    /// The lesson's own ssh configuration and known_hosts, when it names them.
    public var files: SSHClientFiles

    public init(_ arguments: ValidatorArguments) throws {
        host = try arguments.text("host")
        user = try arguments.text("user")
        key = try arguments.text("key")
        port = try arguments.number("port")
        files = try SSHClientFiles(arguments)
    }

    /// Reads the key's blob here, then asks the node for the modes and the count. The blob is checked to
    /// be base64 before it becomes a word of the remote command.
    func script(_ context: ValidatorContext) -> ShellText {
        let remote: ShellText = "stat -c '%a %n' . .ssh .ssh/authorized_keys; echo count $(grep -cF -- \"$1\" .ssh/authorized_keys)"
        return "blob=$(cut -d' ' -f2 -- \(key + ".pub")) || exit 2; "
            + "case $blob in ''|*[!A-Za-z0-9+/=]*) echo \("no public key in " + key + ".pub"); exit 2;; esac; "
            + "\(context.ssh("\(user)@\(host)", run: "sh -c \(word: remote) sh", arguments: "\"$blob\"", options: ["-o", "IdentitiesOnly=yes", "-i", key] + ValidatorContext.portOptions(port) + files.options)) 2>&1"
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let result = try context.run(script(context))
        return Self.judge(output: result.output, host: ValidatorContext.hostAndPort(host, port), user: user, key: key)
    }

    /// The verdict on `stat -c '%a %n' . .ssh .ssh/authorized_keys` and `count N` (pure, unit-tested).
    public static func judge(output: String, host: String, user: String, key: String) -> CheckOutcome {
        let title = "authorized-key-once \(user)@\(host)"
        let expected = "\(key).pub once in authorized_keys, ~/.ssh mode 700, authorized_keys 600"
        var modes: [String: Int] = [:]
        var count: Int?
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2 else { continue }
            if words[0] == "count" { count = Int(words[1]) } else if let mode = Int(words[0], radix: 8) { modes[words[1]] = mode }
        }
        guard let count, let home = modes["."], let folder = modes[".ssh"], let file = modes[".ssh/authorized_keys"] else {
            return .fail(title, expected: expected, found: OutputSummary.lastLines(output))
        }
        var problems: [String] = []
        if count == 0 { problems.append("the key is not in authorized_keys") }
        if count > 1 { problems.append("the key is in authorized_keys \(count) times (appended more than once)") }
        if home & 0o022 != 0 { problems.append("the home folder can be written by others (mode \(String(home, radix: 8))), so sshd ignores the keys") }
        if folder & 0o077 != 0 { problems.append("~/.ssh has mode \(String(folder, radix: 8)), not 700") }
        if file & 0o077 != 0 { problems.append("authorized_keys has mode \(String(file, radix: 8)), not 600") }
        return problems.isEmpty
            ? .pass(title, expected: expected, found: "once, modes \(String(folder, radix: 8)) and \(String(file, radix: 8))")
            : .fail(title, expected: expected, found: problems.joined(separator: "; "))
    }
}
