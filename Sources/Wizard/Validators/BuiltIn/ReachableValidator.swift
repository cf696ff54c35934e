import Foundation
import Lessons

/// `reachable`: the host accepts connections on a port (ssh's by default) within `wait` seconds, trying
/// each second (a node that has just restarted, a neighbour cache that still remembers nobody); once
/// when the context is not patient.
public struct ReachableValidator: Validator {
    public static let spec = ValidatorSpec("reachable", arguments: [
        .required("host"), .optional("port", .number(1...65535), default: "22"), .optional("wait", .number(0...600), default: "10"),
    ], summary: "the host answers (ssh port by default) within `wait` seconds, trying each second (a node that just restarted)")

    public var host: String
    public var port: Int
    public var wait: Int

    public init(_ arguments: ValidatorArguments) throws {
        host = try arguments.text("host")
        port = try arguments.number("port")
        wait = try arguments.number("wait")
    }

    func script(waiting wait: Int) -> ShellText {
        let attempt = TCPProbe.script(host, port: port)
        if wait == 0 { return attempt }
        return "end=$(( $(date +%s) + \(wait) )); while :; do \(attempt); status=$?; "
            + "if [ $status = 0 ] || [ $(date +%s) -ge $end ]; then exit $status; fi; sleep 1; done"
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        // One attempt is a probe, which a live runner answers without starting a program.
        let wait = context.patient ? self.wait : 0
        let timeout = max(context.timeout ?? 60, Double(wait + 10))
        let result = wait == 0 ? try context.probe(host, port: port, timeout: timeout) : try context.run(script(waiting: wait), timeout: timeout)
        let title = "reachable \(host):\(port)"
        let expected = "\(host) to accept connections on port \(port)"
        return result.exitStatus == 0
            ? .pass(title, expected: expected, found: "it does")
            : .fail(title, expected: expected, found: result.exitStatus == 124 ? "no answer within \(max(wait, 5)) s" : OutputSummary.lastLines(result.output, count: 1))
    }
}
