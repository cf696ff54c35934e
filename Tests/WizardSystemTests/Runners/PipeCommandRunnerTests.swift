import Testing
import Wizard
import WizardSystem

/// What only the pipe runner does: no terminal, empty input, stderr merged into the output.
@Suite("PipeCommandRunner")
struct PipeCommandRunnerTests {
    private func run(_ command: String) throws -> CommandResult {
        try RunnerKind.pipe.run(command)
    }

    @Test func stdoutAndStderrAreMergedInOrder() throws {
        let result = try run("echo out; echo err >&2; echo out2")
        #expect(result.output == "out\nerr\nout2\n")
        #expect(result.exitStatus == 0)
    }

    @Test func standardInputIsEmpty() throws {
        #expect(try run("cat; echo done").output == "done\n")
    }

    @Test func thereIsNoTerminal() throws {
        #expect(try run("test -t 0 || test -t 1 || echo no-tty").output == "no-tty\n")
    }
}
