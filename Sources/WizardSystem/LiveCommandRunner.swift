import Wizard

/// The runner a real session uses: interactive commands in a pseudo-terminal attached to the learner's
/// terminal, everything else (checks, detection) through pipes.
public struct LiveCommandRunner: CommandRunner {
    public var interactive: PTYCommandRunner
    public var background: PipeCommandRunner

    public init(builder: CommandLineBuilder = CommandLineBuilder()) {
        interactive = PTYCommandRunner(builder: builder)
        background = PipeCommandRunner(builder: builder)
    }

    public func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
        request.interactive ? try interactive.run(request, output: output) : try background.run(request, output: output)
    }
}
