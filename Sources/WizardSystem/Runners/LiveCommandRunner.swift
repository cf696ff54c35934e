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
        var result = request.interactive ? try interactive.run(request, output: output) : try background.run(request, output: output)
        // ssh refused a host whose key changed: say so with both fingerprints, and what to do.
        if result.exitStatus == 255, let change = HostKeyChange(output: result.output) {
            let listing = try? background.run(CommandRequest(command: change.knownFingerprintCommand, timeout: 10)) { _ in }
            let explanation = change.explanation(known: HostKeyChange.fingerprints(in: listing?.output ?? "")) + "\n"
            output(explanation)
            result.output += (result.output.hasSuffix("\n") ? "" : "\n") + explanation
        }
        return result
    }

    /// A probe from this machine connects itself (a check of 32 nodes then starts 64 programs fewer);
    /// one that runs elsewhere (as another user, on a host) runs its shell text there.
    public func probe(_ request: CommandRequest, connectingTo host: String, port: Int) throws -> CommandResult {
        guard request.host == nil, request.user == nil else { return try run(request, output: { _ in }) }
        return TCPConnectProbe.attempt(host: host, port: port, timeout: TCPConnectProbe.timeout)
    }
}
