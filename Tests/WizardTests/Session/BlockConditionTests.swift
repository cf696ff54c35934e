import Lessons
import Testing
@testable import Wizard

/// A block's own `when=`: of a step's blocks, only those whose condition holds for this run's values
/// (and this loop item) are shown, numbered, run and checked; lint holds the condition to choices.
@Suite struct BlockConditionTests {
    static let lesson = """
    ---
    id: stacks
    title: Stacks
    summary: One step, a block per network stack.
    inputs:
      stack: { type: choice, choices: [netplan, dhcpcd], default: dhcpcd }
    ---
    ## Configure {#configure}

    ```sh {run}
    common-command
    ```

    ```sh {run when="stack == netplan"}
    netplan-command
    ```

    ```sh {run when="stack == dhcpcd"}
    dhcpcd-command
    ```

    ```sh {check when="stack == netplan"}
    netplan-check
    ```

    ```sh {check when="stack == dhcpcd"}
    dhcpcd-check
    ```
    """

    @Test func onlyTheBlocksForThisRunsValuesAreShownRunAndChecked() throws {
        let runner = FakeRunner()
        runner.on("dhcpcd-check", exits: [1, 0])
        let (session, terminal) = try WizardSessionTests.make(Self.lesson, id: "stacks", answers: [.type("dhcpcd"), .type(""), .type("quit")],
                                                              runner: runner, state: nil, width: 200)
        _ = session.run()
        let output = terminal.output
        #expect(output.contains("dhcpcd-command") && !output.contains("netplan-command") && !output.contains("netplan-check"), "\(output)")
        #expect(output.contains("run 2 of 2:\n    dhcpcd-command"), "numbered among the blocks shown: \(output)")
        #expect(runner.commands == ["dhcpcd-check", "common-command", "dhcpcd-command", "dhcpcd-check"], "\(runner.commands)")
        #expect(session.state.status("configure") == .done)
    }

    @Test func lintHoldsABlocksConditionToAChoice() {
        let text = Self.lesson.replacingOccurrences(of: "{run when=\"stack == netplan\"}", with: "{run when=\"stak == netplan\"}")
        let diagnostics = LessonLinter.lint(text, file: "stacks.md", validators: ValidatorRegistry.specs).diagnostics
        #expect(diagnostics.contains { $0.severity == .error && $0.location.line == 14 && $0.message.contains("'stak' is not a declared input") }, "\(diagnostics)")
        #expect(LessonLinter.lint(Self.lesson, file: "stacks.md", validators: ValidatorRegistry.specs).diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
