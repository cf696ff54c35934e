/// Runs commands for the wizard. The live runners use a pseudo-terminal or pipes and ssh; tests and
/// transcript replays use runners that return recorded results.
public protocol CommandRunner: Sendable {
    /// Runs the request to its end (or its timeout) and returns the result. `output` receives what the
    /// command prints as it prints it (for interactive requests the runner also shows it itself).
    /// Throws only when the command could not be started at all.
    func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult

    /// Runs non-interactive requests at the same time, at most `jobs` at once (a check on every node);
    /// results in the requests' order. Runners that record or replay keep that order in the transcript.
    func runAll(_ requests: [CommandRequest], jobs: Int) -> [Result<CommandResult, Error>]

    /// Whether `host` accepts a TCP connection on `port`, as the shell probe `request` (`TCPProbe`)
    /// answers it: exit status 0 when it does, 124 when nothing answered in time. By default the
    /// request runs; a live runner connects from this machine itself, without starting a program, and
    /// a recording runner records it as the request, so transcripts and replays do not change.
    func probe(_ request: CommandRequest, connectingTo host: String, port: Int) throws -> CommandResult
}

extension CommandRunner {
    public func runAll(_ requests: [CommandRequest], jobs: Int) -> [Result<CommandResult, Error>] {
        NodeFanOut(jobs: jobs).map(requests) { request in Result { try run(request, output: { _ in }) } }
    }

    public func probe(_ request: CommandRequest, connectingTo host: String, port: Int) throws -> CommandResult {
        try run(request, output: { _ in })
    }
}

/// Why a runner could not start a command.
public enum CommandRunnerError: Error, Sendable, CustomStringConvertible {
    case cannotStart(command: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotStart(command, reason): return "cannot start '\(command)': \(reason)"
        }
    }
}
