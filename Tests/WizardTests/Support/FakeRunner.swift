import Foundation
import Wizard

/// A runner that runs nothing: it records every request and answers from rules. The newest rule whose
/// text occurs in the command answers; a rule with several results gives them in turn, then repeats
/// its last. Without a matching rule: exit 0, no output.
final class FakeRunner: CommandRunner, @unchecked Sendable {
    private struct Rule {
        var contains: String
        var results: [CommandResult]
    }

    private let lock = NSLock()
    private var rules: [Rule] = []
    private var recorded: [CommandRequest] = []

    var requests: [CommandRequest] { lock.withLock { recorded } }
    var commands: [String] { requests.map(\.command) }

    /// Answers commands containing `text` with these exit statuses in turn (and `output` each time).
    func on(_ text: String, exits: [Int32] = [0], output: String = "") {
        lock.withLock {
            rules.insert(Rule(contains: text, results: exits.map { CommandResult(exitStatus: $0, output: output, duration: 0.01) }), at: 0)
        }
    }

    /// Answers commands containing `text` with these results in turn.
    func on(_ text: String, results: [CommandResult]) {
        lock.withLock { rules.insert(Rule(contains: text, results: results), at: 0) }
    }

    func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
        let result = lock.withLock { () -> CommandResult in
            recorded.append(request)
            guard let index = rules.firstIndex(where: { request.command.contains($0.contains) }) else {
                return CommandResult(exitStatus: 0, output: "", duration: 0.01)
            }
            let first = rules[index].results[0]
            if rules[index].results.count > 1 { rules[index].results.removeFirst() }
            return first
        }
        if !result.output.isEmpty { output(result.output) }
        return result
    }
}

/// Runs commands for real on this machine with /bin/sh (no pty, no ssh): for validator tests.
struct LocalShellRunner: CommandRunner {
    func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", request.command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        output(text)
        return CommandResult(exitStatus: process.terminationStatus, output: text, duration: Date().timeIntervalSince(start))
    }
}
