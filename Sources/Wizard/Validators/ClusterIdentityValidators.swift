import Foundation
import Lessons

/// The validators for what cloning a card silently duplicates or breaks: ssh host keys, the master's
/// key in each node's `authorized_keys`, and the host keys the master remembers.
extension BuiltInValidators {
    /// `unique-host-keys`: every node's ssh host key differs. Asked with `ssh-keyscan` (no login, so it
    /// works before any key is trusted), every node at once.
    static func uniqueHostKeys(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let nodes = try argument("nodes", arguments).split(separator: " ").map(String.init)
        let type = arguments["type"] ?? "ed25519"
        guard ["ed25519", "ecdsa", "rsa"].contains(type) else { throw ValidatorError.badArgument("type '\(type)' is not ed25519, ecdsa or rsa") }
        let port = arguments["port"] ?? "22"
        guard let portNumber = Int(port), (1...65535).contains(portNumber) else { throw ValidatorError.badArgument("port '\(port)' is not a port number") }
        let title = "unique-host-keys (\(type))"
        let commands = nodes.map { node in
            "ssh-keyscan -T 5 -p \(portNumber) -t \(type) -- \(ShellQuote.quote(node)) 2>/dev/null | ssh-keygen -lf - | cut -d' ' -f2"
        }
        var values: [(node: String, value: String)] = []
        var failures: [String] = []
        for (node, answer) in zip(nodes, context.runAll(commands)) {
            let fingerprint = (try? answer.get())?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if fingerprint.hasPrefix("SHA256:") {
                values.append((node, fingerprint))
            } else {
                failures.append("\(node): no \(type) host key (is its ssh server running?)")
            }
        }
        let expected = "a different host key on each of \(nodes.count) nodes"
        let verdict = judgeUnique(values)
        if !failures.isEmpty || !verdict.isEmpty { return .fail(title, expected: expected, found: (verdict + failures).joined(separator: "; ")) }
        return .pass(title, expected: expected, found: "\(values.count) different keys")
    }

    /// `authorized-key-once`: the key's public half is in `user@host`'s `~/.ssh/authorized_keys`
    /// exactly once, and the modes are the ones sshd insists on (home not writable by others, `~/.ssh`
    /// 700, `authorized_keys` 600).
    static func authorizedKeyOnce(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let host = try argument("host", arguments)
        let user = try argument("user", arguments)
        let key = try argument("key", arguments)
        let title = "authorized-key-once \(user)@\(host)"
        let identity = " -o IdentitiesOnly=yes -i \(ShellQuote.quote(key))"
        let script = "blob=$(cut -d' ' -f2 -- \(ShellQuote.quote(key + ".pub"))) || exit 2; "
            + "case $blob in ''|*[!A-Za-z0-9+/=]*) echo \"no public key in \(key).pub\"; exit 2;; esac; "
            + "\(context.ssh)\(identity) \(ShellQuote.quote("\(user)@\(host)")) "
            + "\"stat -c '%a %n' . .ssh .ssh/authorized_keys; echo count \\$(grep -cF -- $blob .ssh/authorized_keys)\" 2>&1"
        let result = try context.run(script)
        return judgeAuthorizedKey(output: result.output, title: title, key: key)
    }

    /// The verdict on `stat -c '%a %n' . .ssh .ssh/authorized_keys` and `count N` (pure, unit-tested).
    public static func judgeAuthorizedKey(output: String, title: String, key: String) -> CheckOutcome {
        let expected = "\(key).pub once in authorized_keys, ~/.ssh mode 700, authorized_keys 600"
        var modes: [String: Int] = [:]
        var count: Int?
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2 else { continue }
            if words[0] == "count" { count = Int(words[1]) } else if let mode = Int(words[0], radix: 8) { modes[words[1]] = mode }
        }
        guard let count, let home = modes["."], let folder = modes[".ssh"], let file = modes[".ssh/authorized_keys"] else {
            return .fail(title, expected: expected, found: lastLines(output))
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

    /// `known-host`: the host's key is in the known_hosts of where the check runs, and it is the key the
    /// host shows now (`ssh-keygen -F` against `ssh-keyscan`): first contact was made and confirmed, and
    /// no stale key from a clone or an earlier cluster is left.
    static func knownHost(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let host = try argument("host", arguments)
        let title = "known-host \(host)"
        let quoted = ShellQuote.quote(host)
        let script = "ssh-keygen -F \(quoted) 2>/dev/null | grep -v '^#'; echo --; ssh-keyscan -T 5 -t ed25519 -- \(quoted) 2>/dev/null"
        let result = try context.run(script)
        return judgeKnownHost(output: result.output, host: host, title: title)
    }

    /// The verdict on the known entries, `--`, then the scanned key lines (pure, unit-tested).
    public static func judgeKnownHost(output: String, host: String, title: String) -> CheckOutcome {
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
        let knownOfType = known.filter { $0.hasPrefix(current.split(separator: " ")[0] + " ") }
        if !knownOfType.isEmpty, !knownOfType.contains(current) {
            return .fail(title, expected: expected, found: "known_hosts holds another key for \(host) (a clone's or an earlier node's): ssh will refuse it")
        }
        if knownOfType.isEmpty { return .fail(title, expected: expected, found: "known_hosts has no \(current.split(separator: " ")[0]) key for \(host)") }
        return .pass(title, expected: expected, found: "the key it shows")
    }
}
