import Foundation

/// A runner that runs nothing: it returns the results a transcript recorded, in order. A command that
/// differs from the recorded one still gets the recorded result; the event comparison reports it.
public final class ReplayRunner: CommandRunner, @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CommandResult]

    public init(transcript: Transcript) {
        results = transcript.events.compactMap { if case .result(let result) = $0.event { return result } else { return nil } }
    }

    public func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
        let next = lock.withLock { results.isEmpty ? nil : results.removeFirst() }
        guard let next else {
            return CommandResult(exitStatus: 127, output: "replay: the recording has no more commands\n", duration: 0)
        }
        if !next.output.isEmpty { output(next.output) }
        return next
    }

    /// The recorded results of a parallel batch, in the order they were recorded (the requests' order).
    public func runAll(_ requests: [CommandRequest], jobs: Int) -> [Result<CommandResult, Error>] {
        requests.map { request in Result { try run(request, output: { _ in }) } }
    }
}
