import Foundation
import Lessons

/// `known-host`: the host's key is in the known_hosts of where the check runs, and it is the key the host
/// shows now (`ssh-keygen -F` against `ssh-keyscan`): first contact was made and confirmed, and no stale
/// key from a clone or an earlier cluster is left. `known-hosts` names the file (default: the user's own).
public struct KnownHostValidator: Validator {
    public static let spec = ValidatorSpec("known-host", arguments: [.required("host", .host), .optional("port", .number(1...65535), default: "22"), .optional("known-hosts")],
                                           summary: "known_hosts (where the check runs) holds the host's current key: first contact was confirmed, and no stale key (from a clone or an earlier node) is left")

    public var host: String
    public var port: Int
    /// The known_hosts file, when not the user's own.
    public var knownHosts: String?

    public init(_ arguments: ValidatorArguments) throws {
        host = try arguments.text("host")
        port = try arguments.number("port")
        knownHosts = try arguments.optional("known-hosts")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        // known_hosts names a host on another port than 22 as [host]:port.
        let entry = port == 22 ? host : "[\(host)]:\(port)"
        let portOption: ShellText = port == 22 ? "" : "-p \(port) "
        let file: ShellText = knownHosts.map { " -f \($0)" } ?? ""
        let result = try context.run("ssh-keygen -F \(entry)\(file) 2>/dev/null | grep -v '^#'; echo --; ssh-keyscan -T 5 \(portOption)-t ed25519 -- \(host) 2>/dev/null")
        return Self.judge(output: result.output, host: entry)
    }

    /// The verdict on the known entries, `--`, then the scanned key lines (pure, unit-tested).
    public static func judge(output: String, host: String) -> CheckOutcome {
        let title = "known-host \(host)"
        let expected = "\(host)'s current host key in known_hosts"
        let parts = output.components(separatedBy: "--\n")
        func keys(_ text: String) -> [String] {
            // Comment lines (OpenSSH 10's ssh-keyscan prints the server's version as one) hold no key.
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
                let fields = line.split(separator: " ")
                return fields.count >= 3 ? "\(fields[1]) \(fields[2])" : nil
            }
        }
        let known = keys(parts.first ?? "")
        let scanned = keys(parts.count > 1 ? parts[1] : "")
        guard let current = scanned.first else { return .fail(title, expected: expected, found: "\(host) shows no host key (is its ssh server running?)") }
        if known.isEmpty { return .fail(title, expected: expected, found: "no entry for \(host): nobody has confirmed its key yet") }
        let type = current.split(separator: " ")[0]
        let knownOfType = known.filter { $0.hasPrefix(type + " ") }
        if knownOfType.isEmpty { return .fail(title, expected: expected, found: "known_hosts has no \(type) key for \(host)") }
        if !knownOfType.contains(current) {
            return .fail(title, expected: expected, found: "known_hosts holds another key for \(host) (a clone's or an earlier node's): ssh will refuse it")
        }
        return .pass(title, expected: expected, found: "the key it shows")
    }
}
