import Lessons
import Foundation
import Wizard
import WizardSystem

/// Runs the system programs the lab is made of (`ip`, `mkfs.ext4`, `ssh-keygen`, …) without a
/// terminal, every value quoted.
struct LabShell: Sendable {
    var runner = PipeCommandRunner()

    /// `arguments` as one shell line, each word quoted.
    static func line(_ arguments: [String]) -> String {
        arguments.map(ShellQuote.word).joined(separator: " ")
    }

    /// Runs a program; throws `LabError.failed` with its output when it fails.
    @discardableResult
    func run(_ arguments: [String], timeout: Double = 60) throws -> String {
        try script(Self.line(arguments), timeout: timeout)
    }

    /// Runs shell text; throws `LabError.failed` with its output when it fails, naming it `name` (the
    /// text itself by default: name a text that defines shell functions by the call it makes).
    @discardableResult
    func script(_ text: String, timeout: Double = 60, named name: String? = nil) throws -> String {
        let result = try runner.run(CommandRequest(command: text, timeout: timeout), output: { _ in })
        guard result.succeeded else { throw LabError.failed(command: name ?? text, output: result.output) }
        return result.output
    }

    /// Runs a program and tells whether it succeeded, with its output.
    func attempt(_ arguments: [String], timeout: Double = 60) -> (succeeded: Bool, output: String) {
        guard let result = try? runner.run(CommandRequest(command: Self.line(arguments), timeout: timeout), output: { _ in }) else {
            return (false, "")
        }
        return (result.succeeded, result.output)
    }
}
