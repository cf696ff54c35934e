import Foundation
import Lessons

/// `unique-host-keys`: every node's ssh host key differs. Asked with `ssh-keyscan` (no login, so it works
/// before any key is trusted), every node at once.
public struct UniqueHostKeysValidator: Validator {
    public static let spec = ValidatorSpec("unique-host-keys", arguments: [
        .required("nodes", .words), .optional("type", .choice(["ed25519", "ecdsa", "rsa"]), default: "ed25519"),
        .optional("port", .number(1...65535), default: "22"),
    ], summary: "every node shows a different ssh host key, asked with `ssh-keyscan` (no login, so it works before any key is trusted, and on a clone the master refuses)")

    public var nodes: [String]
    public var type: String
    public var port: Int

    public init(_ arguments: ValidatorArguments) throws {
        nodes = try arguments.words("nodes")
        type = try arguments.text("type")
        port = try arguments.number("port")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let scripts: [ShellText] = nodes.map { node in
            "ssh-keyscan -T 5 -p \(port) -t \(type) -- \(node) 2>/dev/null | ssh-keygen -lf - | cut -d' ' -f2"
        }
        let fingerprints = context.runAll(scripts).map { (try? $0.get())?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        return Self.judge(nodes: nodes, fingerprints: fingerprints, type: type)
    }

    /// The verdict on each node's fingerprint (`SHA256:…`, or anything else for no key).
    public static func judge(nodes: [String], fingerprints: [String], type: String) -> CheckOutcome {
        var values: [(node: String, value: String)] = []
        var failures: [String] = []
        for (node, fingerprint) in zip(nodes, fingerprints) {
            if fingerprint.hasPrefix("SHA256:") {
                values.append((node, fingerprint))
            } else {
                failures.append("\(node): no \(type) host key (is its ssh server running?)")
            }
        }
        let title = "unique-host-keys (\(type))"
        let expected = "a different host key on each of \(nodes.count) nodes"
        let verdict = DistinctAnswers.duplicates(values)
        if !failures.isEmpty || !verdict.isEmpty { return .fail(title, expected: expected, found: (verdict + failures).joined(separator: "; ")) }
        return .pass(title, expected: expected, found: "\(values.count) different keys")
    }
}
