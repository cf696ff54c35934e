import Foundation
import Lessons

/// `mpi-hostnames`: `mpiexec -f machinefile -n count hostname` prints the expected hostnames.
public struct MPIHostnamesValidator: Validator {
    public static let spec = ValidatorSpec("mpi-hostnames", arguments: [.required("machinefile"), .required("count", .number(1...100_000)), .required("expected", .words)],
                                           summary: "`mpiexec -f machinefile -n count hostname` prints the expected hostnames")

    public var machinefile: String
    public var count: Int
    public var expected: [String]

    public init(_ arguments: ValidatorArguments) throws {
        machinefile = try arguments.text("machinefile")
        count = try arguments.number("count")
        expected = try arguments.words("expected")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let result = try context.run("cd && mpiexec -f \(machinefile) -n \(count) hostname 2>&1")
        return Self.judge(output: result.output, exitStatus: result.exitStatus, timedOut: result.timedOut, count: count, expected: expected)
    }

    /// The verdict on `mpiexec ... hostname` output: `count` lines naming every expected host.
    public static func judge(output: String, exitStatus: Int32, timedOut: Bool, count: Int, expected: [String]) -> CheckOutcome {
        let title = "mpi-hostnames"
        let wanted = "\(count) processes answering from \(expected.joined(separator: ", "))"
        if timedOut { return .fail(title, expected: wanted, found: "mpiexec did not finish (a node that cannot reach the master hangs it): " + OutputSummary.lastLines(output)) }
        guard exitStatus == 0 else { return .fail(title, expected: wanted, found: "mpiexec failed (exit \(exitStatus)): " + OutputSummary.lastLines(output)) }
        let names = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let missing = expected.filter { !names.contains($0) }
        let strangers = Set(names).subtracting(expected).sorted()
        if names.count != count || !missing.isEmpty || !strangers.isEmpty {
            var found = ["\(names.count) answers: \(names.joined(separator: ", "))"]
            if !missing.isEmpty { found.append("missing \(missing.joined(separator: ", "))") }
            if !strangers.isEmpty { found.append("unexpected \(strangers.joined(separator: ", "))") }
            return .fail(title, expected: wanted, found: found.joined(separator: "; "))
        }
        return .pass(title, expected: wanted, found: names.joined(separator: ", "))
    }
}
