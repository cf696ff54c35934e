import Lessons

/// Runs an input's `detect` command where it belongs (this machine, the master, or a record's node)
/// and keeps its trimmed output when it is a valid value: for the session's questions and unattended
/// runs, and for `check`, which asks nobody.
public struct InputDetection: Sendable {
    public var lesson: Lesson
    public var runner: CommandRunner
    public var hosts: HostResolver

    public init(lesson: Lesson, runner: CommandRunner, hosts: HostResolver) {
        self.lesson = lesson
        self.runner = runner
        self.hosts = hosts
    }

    /// What a scalar input's `detect` command prints, when valid (nil for lists, secrets, none found).
    public func value(of input: InputDeclaration, inputs: [String: InputValue]) -> String? {
        guard input.type != .list, input.type != .secret, let detect = input.detect else { return nil }
        let host = input.detectOn == .master ? hosts.host(for: .master, item: nil, inputs: inputs) : nil
        return valid(run(detect, host: host), as: input)
    }

    /// What a record field's `detect` command prints on the record's node, when valid.
    func value(of field: InputDeclaration, item: LoopItem, inputs: [String: InputValue]) -> String? {
        guard let detect = field.detect else { return nil }
        return valid(run(detect, host: hosts.host(for: .node, item: item, inputs: inputs)), as: field)
    }

    /// Every scalar input with a `detect` command that `given` has no value for, detected.
    public func missing(given: Set<String>, inputs: [String: InputValue]) -> [String: InputValue] {
        var found: [String: InputValue] = [:]
        for input in lesson.inputs where !given.contains(input.name) {
            if let value = value(of: input, inputs: inputs) { found[input.name] = .text(value) }
        }
        return found
    }

    private func valid(_ output: String?, as declaration: InputDeclaration) -> String? {
        guard let output, InputValueChecker.problem(with: output, as: declaration) == nil else { return nil }
        return output
    }

    /// The output of a detection command that succeeded, trimmed.
    private func run(_ command: String, host: RemoteHost?) -> String? {
        guard let result = try? runner.run(CommandRequest(command: command, host: host, timeout: 15), output: { _ in }), result.succeeded else { return nil }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
