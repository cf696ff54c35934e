import Foundation
import Lessons

/// `machinefile`: the MPI machinefile lists every node exactly once (and, with `reachable`, each listed
/// host answers on ssh from where the check runs, all at once).
public struct MachinefileValidator: Validator {
    public static let spec = ValidatorSpec("machinefile", arguments: [.required("path"), .required("nodes", .words), .optional("reachable", .flag)],
                                           summary: "the file lists every node exactly once, as `host` or `host:n`; with `reachable: true`, each listed host answers on ssh from where the check runs (all at once)")

    public var path: String
    public var nodes: [String]
    public var reachable: Bool

    public init(_ arguments: ValidatorArguments) throws {
        path = try arguments.text("path")
        nodes = try arguments.words("nodes")
        reachable = try arguments.flag("reachable")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let title = "machinefile \(path)"
        let result = try context.run("cat -- \(path)")
        let expected = "every node exactly once: \(nodes.joined(separator: ", "))"
        guard result.exitStatus == 0 else { return .fail(title, expected: expected, found: OutputSummary.lastLines(result.output)) }
        let file = Machinefile(text: result.output)
        var problems = file.problems(expecting: nodes)
        if problems.isEmpty, reachable {
            // mpiexec reaches the hosts over ssh: every one must answer on port 22 from here.
            let hosts = file.entries.map(\.host)
            let answers = context.runAll(hosts.map { TCPProbe.script($0, port: 22) })
            for (host, answer) in zip(hosts, answers) where (try? answer.get())?.exitStatus != 0 {
                problems.append("\(host) does not answer on ssh from here")
            }
        }
        return problems.isEmpty
            ? .pass(title, expected: expected + (reachable ? ", each answering" : ""), found: "\(nodes.count) nodes")
            : .fail(title, expected: expected, found: problems.joined(separator: "; "))
    }
}
