import Testing
import Wizard
import WizardSystem
#if canImport(Glibc)
import Glibc
#endif

/// The two live runners, for behaviour both must show; the pseudo-terminal one gets `/dev/null` as
/// its learner's terminal (so its window is 80x24 and nothing is shown).
enum RunnerKind: String, CaseIterable, CustomTestStringConvertible {
    case pty
    case pipe

    var testDescription: String { rawValue }

    /// Runs `request` with this runner.
    func run(
        _ request: CommandRequest,
        builder: CommandLineBuilder = CommandLineBuilder(),
        output: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> CommandResult {
        switch self {
        case .pipe:
            return try PipeCommandRunner(builder: builder).run(request, output: output)
        case .pty:
            let null = openNullDevice()
            defer { close(null) }
            return try PTYCommandRunner(builder: builder, input: null, output: null).run(request, output: output)
        }
    }

    /// Runs `command` on this machine, non-interactively.
    func run(_ command: String, timeout: Double? = 20, output: @escaping @Sendable (String) -> Void = { _ in }) throws -> CommandResult {
        try run(CommandRequest(command: command, timeout: timeout), output: output)
    }
}
