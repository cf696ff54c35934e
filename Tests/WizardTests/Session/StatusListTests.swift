import Lessons
import Testing
@testable import Wizard

/// One numbering: `status` lists the steps the session counts in its headers (`Step 2 of 3`), with
/// the same numbers, marks a node a step will not apply to as `–`, and leaves out the steps of a
/// choice not made, saying how many.
@Suite struct StatusListTests {
    static let branches = """
    ---
    id: branches
    title: Branches
    summary: One choice, two ways.
    inputs:
      style: { type: choice, choices: [plain, fancy], default: plain }
    ---
    ## First {#first}

    ```sh {run}
    first-command
    ```

    ## The plain way {#plain when="style == plain"}

    ```sh {run}
    plain-command
    ```

    ## The fancy way {#fancy when="style == fancy"}

    ```sh {run}
    fancy-command
    ```

    ## Last {#last}

    ```sh {run}
    last-command
    ```
    """

    @Test func statusCountsAndNumbersAsTheHeaderDoes() throws {
        let runner = FakeRunner()
        let (session, terminal) = try WizardSessionTests.make(Self.branches, id: "branches", answers: [.type(""), .type("status"), .type("quit")],
                                                              runner: runner, width: 200)
        #expect(session.run() == .quit(step: "plain"))
        let output = terminal.output
        #expect(output.contains("Step 2 of 3 · The plain way"), "\(output)")
        #expect(output.contains("1 of 3 steps behind you"), "\(output)")
        #expect(output.contains("  ✓ 1. First [first]"))
        #expect(output.contains("→ · 2. The plain way [plain]"))
        #expect(output.contains("  · 3. Last [last]"), "numbered without the step of the choice not made: \(output)")
        #expect(!output.contains("[fancy]"))
        #expect(output.contains("Not listed: 1 step for choices this run did not make."))
    }

    @Test func aNodeAStepWillNotApplyToIsMarkedNotApplicable() throws {
        let (session, terminal) = try WizardSessionTests.make(answers: [.type("status"), .type("quit")], runner: WizardSessionTests.freshCluster(), width: 200)
        #expect(session.run() == .quit(step: "prepare"))
        #expect(terminal.output.contains("  · 3. With dhcpcd [dhcpcd]  n1 · n2 –"), "\(terminal.output)")
        #expect(terminal.output.contains("  · 4. With interfaces [interfaces]  n1 – n2 ·"))
        #expect(!terminal.output.contains("Not listed"), "both ways apply, to one node each")
    }
}

/// "Done already?" in a loop: the other nodes still to do are looked up too, and one question covers
/// every node that looks done.
@Suite struct DoneAlreadyTests {
    @Test func oneQuestionForEveryNodeThatLooksDone() throws {
        let runner = WizardSessionTests.freshCluster()
        runner.on("pi@10.9.0.1 hostname", exits: [0], output: "n1\n")
        runner.on("pi@10.9.0.2 hostname", exits: [0], output: "n2\n")
        let answers: [ScriptedTerminal.Answer] = [.type(""), .type("y"), .type("quit")]
        let (session, terminal) = try WizardSessionTests.make(answers: answers, runner: runner, width: 200)
        _ = session.run()
        let output = terminal.output
        #expect(output.contains("✓ Its checks pass already for n1 and n2: they look done."), "\(output)")
        #expect(terminal.prompts.filter { $0.prompt.contains("Mark them done and go on?") }.count == 1, "\(terminal.prompts.map(\.prompt))")
        #expect(!terminal.prompts.contains { $0.prompt.contains("Mark it done") })
        #expect(session.state.status("name", item: "n1") == .done && session.state.status("name", item: "n2") == .done)
        #expect(!runner.commands.contains { $0.contains("set-name") }, "nothing ran for the nodes marked done")
    }

    @Test func onlyTheNodesThatLookDoneAreNamedAndNoMeansDoItNow() throws {
        let runner = WizardSessionTests.freshCluster()
        runner.on("pi@10.9.0.1 hostname", exits: [0, 0, 0], output: "n1\n")
        let answers: [ScriptedTerminal.Answer] = [.type(""), .type("n"), .type("quit")]
        let (session, terminal) = try WizardSessionTests.make(answers: answers, runner: runner, width: 200)
        #expect(session.run() == .quit(step: "name"))
        #expect(terminal.output.contains("✓ Its checks pass already: this looks done."), "n2 does not look done: \(terminal.output)")
        #expect(session.state.status("name", item: "n1") != .done, "no: the learner does it")
    }
}
