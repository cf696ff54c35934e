import Foundation
import Lessons

/// `unique-across-nodes`: a command prints a different value on every node; all asked at once.
public struct UniqueAcrossNodesValidator: Validator {
    public static let spec = ValidatorSpec("unique-across-nodes", arguments: [.required("nodes", .words), .required("command")],
                                           summary: "the command prints a different value on every node (hostnames, IPs, machine-id); every node is asked at once (`--jobs`), and one that does not answer is named, not skipped")

    public var nodes: [String]
    /// Shell code the lesson's author wrote, run on each node.
    public var command: String

    public init(_ arguments: ValidatorArguments) throws {
        nodes = try arguments.words("nodes")
        command = try arguments.text("command")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        // Every node at once (at most `jobs`); one that does not answer does not hold up the others.
        let answers = context.runAll(nodes.map { context.onHost($0, ShellText(authored: command), login: .own) })
        return Self.judge(nodes: nodes, answers: answers, command: command)
    }

    /// The verdict on every node's answer, in the nodes' order.
    public static func judge(nodes: [String], answers: [Result<CommandResult, Error>], command: String) -> CheckOutcome {
        let title = "unique-across-nodes: \(command)"
        var values: [(node: String, value: String)] = []
        var failures: [String] = []
        for (node, answer) in zip(nodes, answers) {
            switch answer {
            case .success(let result) where result.exitStatus == 0:
                values.append((node, result.output.trimmingCharacters(in: .whitespacesAndNewlines)))
            case .success(let result):
                failures.append("\(node): no answer (\(OutputSummary.lastLines(result.output, count: 1)))")
            case .failure(let error):
                failures.append("\(node): no answer (\(error))")
            }
        }
        let verdict = DistinctAnswers.duplicates(values)
        let expected = "a different answer from each of \(nodes.count) nodes"
        if !failures.isEmpty { return .fail(title, expected: expected, found: (failures + verdict).joined(separator: "; ")) }
        return verdict.isEmpty
            ? .pass(title, expected: expected, found: "\(values.count) different answers")
            : .fail(title, expected: expected, found: verdict.joined(separator: "; "))
    }
}
