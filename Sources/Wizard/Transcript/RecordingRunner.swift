/// A runner that records each command (its final text and where it ran) and its result into a
/// transcript; output an interactive command shows on the terminal is recorded as terminal output.
public struct RecordingRunner: CommandRunner {
    let base: CommandRunner
    let recorder: TranscriptRecorder

    public init(_ base: CommandRunner, recorder: TranscriptRecorder) {
        self.base = base
        self.recorder = recorder
    }

    public func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
        recorder.append(.command(request))
        let recorder = self.recorder
        let result = try base.run(request) { chunk in
            if request.interactive { recorder.append(.output(chunk)) }
            output(chunk)
        }
        recorder.append(.result(result))
        return result
    }

    /// Runs the requests at the same time, then records each with its result in the requests' order, so
    /// a transcript does not depend on which node answered first.
    public func runAll(_ requests: [CommandRequest], jobs: Int) -> [Result<CommandResult, Error>] {
        let results = base.runAll(requests, jobs: jobs)
        for (request, result) in zip(requests, results) {
            recorder.append(.command(request))
            if case .success(let result) = result { recorder.append(.result(result)) }
        }
        return results
    }

    /// Records a probe as the shell request it stands for.
    public func probe(_ request: CommandRequest, connectingTo host: String, port: Int) throws -> CommandResult {
        recorder.append(.command(request))
        let result = try base.probe(request, connectingTo: host, port: port)
        recorder.append(.result(result))
        return result
    }
}
