import Foundation
import Lessons
import Testing
import Wizard

/// Commands at a step's prompt that change what runs: `edit N` numbers what the screen shows, a
/// command's own question (`confirm=`), Ctrl-C during a command, and `set` refusing a value that breaks
/// a rule relating inputs.
@Suite struct StepPromptTests {
    @Test func setRefusesAValueThatBreaksARuleWithAnotherInput() throws {
        let answers: [ScriptedTerminal.Answer] = [
            .type("set gateway 10.9.0.1"), .type("set subnet 10.8.0.0/24"), .type("set nodes.2.ip 10.9.0.254"),
            .type("set image cards/../x.img"), .type("set image ../x.img"), .type("quit"),
        ]
        let (session, terminal) = try WizardSessionTests.make(answers: answers, runner: WizardSessionTests.freshCluster(), width: 400)
        #expect(session.run() == .quit(step: "prepare"))
        let output = terminal.output
        #expect(output.contains("✗ nodes record 1 (n1): ip 10.9.0.1 is also gateway (ip must not be gateway); nothing changed."), "\(output)")
        #expect(output.contains("✗ gateway 10.9.0.254 is outside the subnet 10.8.0.0/24 (gateway must be in subnet); nothing changed."))
        #expect(output.contains("✗ nodes record 2 (n2): ip 10.9.0.254 is also gateway (ip must not be gateway); nothing changed."))
        #expect(output.contains("✓ image = ~/x.img"))
        #expect(output.contains("✗ '../x.img' climbs out of the home folder"))
        #expect(session.state.inputs["gateway"] == .text("10.9.0.254") && session.state.inputs["subnet"] == .text("10.9.0.0/24"), "unchanged")
        #expect(session.state.inputs["image"] == .text("~/x.img"))
    }

    @Test func setWithoutAValueAsksAndChecksTheAnswerAsSetWithAValueDoes() throws {
        let answers: [ScriptedTerminal.Answer] = [
            .type("set gateway"), .type("10.9.0.1"), .type("10.9.0.254"), .type("set gateway"), .type("10.9.0.253"), .type("quit"),
        ]
        let (session, terminal) = try WizardSessionTests.make(answers: answers, runner: WizardSessionTests.freshCluster())
        #expect(session.run() == .quit(step: "prepare"))
        let output = terminal.output
        #expect(output.contains("gateway [ipv4]: 10.9.0.1\n✗ nodes record 1 (n1): ip 10.9.0.1 is also gateway (ip must not be gateway)\ngateway [ipv4]: 10.9.0.254\nUnchanged."), "refused, asked again: \(output)")
        #expect(output.contains("✓ gateway = 10.9.0.253"))
        #expect(session.state.inputs["gateway"] == .text("10.9.0.253"))
    }

    @Test func aCommandStoppedWithCtrlCIsInterruptedNotFailed() throws {
        let runner = WizardSessionTests.freshCluster()
        runner.on("mkdir -p /tmp/mini", results: [CommandResult(exitStatus: 130, output: "^C", duration: 1, interrupted: true),
                                                  CommandResult(exitStatus: 0, output: "", duration: 0.01)])
        let (session, terminal) = try WizardSessionTests.make(answers: [.type(""), .type("quit")], runner: runner, width: 400)
        #expect(session.run() == .quit(step: "prepare"))
        #expect(terminal.output.contains("Interrupted (Ctrl-C): the command stopped before it finished. The step is not done, and not failed either"))
        #expect(!terminal.output.contains("✗ command") && !terminal.output.contains("exit status 130"), "\(terminal.output)")
        #expect(session.state.status("prepare") == .pending, "resume treats it as not yet done, not as failed")
        let (again, _) = try WizardSessionTests.make(answers: [.type(""), .type("quit")], runner: runner, state: { _ in session.state })
        #expect(again.run() == .quit(step: "name"), "run again, it finishes")
        #expect(again.state.status("prepare") == .done)
    }

    @Test func editNumbersTheCommandsAsTheScreenShowsThem() throws {
        let lesson = """
        ---
        id: two-commands
        title: Two commands
        summary: A step with two commands and a check.
        ---
        ## Both {#both}

        ```sh {run}
        first-command
        ```

        ```sh {check}
        test -f /tmp/nothing
        ```

        ```sh {run}
        second-command
        ```
        """
        let answers: [ScriptedTerminal.Answer] = [.type("edit 3"), .type("edit 2"), .edit { ($0 ?? "") + " --changed" }, .type("quit")]
        let runner = FakeRunner()
        runner.on("test -f /tmp/nothing", exits: [1])
        let (session, terminal) = try WizardSessionTests.make(lesson, id: "two-commands", answers: answers, runner: runner, state: nil, width: 400)
        _ = session.run()
        #expect(terminal.output.contains("run 1 of 2:\n    first-command"), "\(terminal.output)")
        #expect(terminal.output.contains("run 2 of 2:\n    second-command"))
        #expect(terminal.output.contains("This step has 2 commands to edit, numbered on the screen (run 1 of 2, …): type edit N, N from 1 to 2 (checks and commands typed by hand are not edited"))
        #expect(terminal.prompts.contains { $0.prefill == "second-command" }, "edit 2 is the second command shown")
    }

    @Test func aCommandWithAQuestionRunsOnlyAfterYes() throws {
        let lesson = """
        ---
        id: trust
        title: Trust
        summary: A command that asks first.
        ---
        ## Trust the key {#trust}

        ```sh {run readonly}
        show-fingerprint
        ```

        ```sh {run confirm="Are the two fingerprints the same?"}
        trust-key
        ```

        ```sh {check}
        key-trusted
        ```

        > **Hint:** The fingerprints differ: do not trust this machine.
        """
        let runner = FakeRunner()
        runner.on("key-trusted", exits: [1, 0])
        let answers: [ScriptedTerminal.Answer] = [.type(""), .type("n"), .type("run"), .type("maybe"), .type("y"), .type("quit")]
        let (session, terminal) = try WizardSessionTests.make(lesson, id: "trust", answers: answers, runner: runner, state: nil)
        #expect(session.run() == .finished(done: 1, skipped: 0))
        #expect(terminal.prompts.filter { $0.prompt == "Are the two fingerprints the same? [y/N] " }.count == 3, "asked, asked again after run, and once more for an unclear answer")
        #expect(terminal.output.contains("Not run, as you answered no."))
        #expect(terminal.output.contains("Hint: The fingerprints differ: do not trust this machine."))
        #expect(runner.commands.filter { $0 == "trust-key" }.count == 1, "only after yes")
        #expect(runner.commands.filter { $0 == "show-fingerprint" }.count == 2)
    }

    @Test func theLabsPartOfAStepRunsWhenTheLearnerRunsIt() throws {
        let lesson = """
        ---
        id: scene
        title: Scene
        summary: The lab sets the scene, then the learner looks.
        ---
        ## Find the card {#find}

        ```sh {run on=lab}
        piwizard lab card insert node1
        ```

        ```sh {run readonly}
        lsblk
        ```

        ```sh {check}
        card-is-in
        ```
        """
        let loaded = try TestLessons.load(lesson, id: "scene")
        let runner = FakeRunner()
        runner.on("card-is-in", exits: [0])   // it would pass at once: the scene must not be set before the learner acts
        var options = SessionOptions()
        options.practiceLab = true
        let terminal = ScriptedTerminal([.type(""), .type("quit")], interactive: true)
        let session = WizardSession(loaded: loaded, terminal: terminal, runner: runner, options: options)
        _ = session.run()
        #expect(terminal.prompts.first?.prompt == "find> ", "the learner sees the step before the lab acts: \(terminal.output)")
        #expect(terminal.output.components(separatedBy: "piwizard lab card insert node1").count == 2, "shown with the step, not again as it runs")
        #expect(terminal.output.contains("▶ run 1 of 2 in the practice lab, for you (shown above)"), "which one runs now: \(terminal.output)")
        #expect(runner.commands.first == "piwizard lab card insert node1", "the lab acts first when the learner runs the step")
        // The learner ran the step: its commands run and its checks follow; it is not offered as done.
        #expect(!terminal.output.contains("this looks done") && !terminal.prompts.contains { $0.prompt.contains("Mark it done") }, "\(terminal.output)")
        #expect(runner.commands == ["piwizard lab card insert node1", "lsblk", "card-is-in"], "the learner's commands, then the check")
        #expect(terminal.output.contains("✓ Done."), "\(terminal.output)")
    }
}

/// The practice lab's part in a session (`SessionLab`): it sets a step's scene once, before the
/// learner's first command that needs it, and types console blocks; outside the lab neither happens.
@Suite struct SessionLabTests {
    static let lesson = """
    ---
    id: scene
    title: Scene
    summary: The lab sets the scene; a block is typed at a node's console.
    inputs:
      nodes:
        type: list
        fields:
          name: { type: hostname }
        default: [{ name: n1 }]
    ---
    ## Switch it on {#power foreach=nodes as=node}

    ```sh {run on=lab}
    lab-power-on {{node.name}}
    ```

    ```sh {show on=console}
    console-setup {{node.name}}
    ```

    ```sh {check}
    node-answers {{node.name}}
    ```
    """

    static func run(lab: Bool, answers: [String]) throws -> (SessionOutcome, ScriptedTerminal, FakeRunner) {
        let loaded = try TestLessons.load(Self.lesson, id: "scene")
        let runner = FakeRunner()
        runner.on("node-answers n1", exits: [1, 0, 0, 0])
        var options = SessionOptions()
        options.practiceLab = lab
        let terminal = ScriptedTerminal(answers.map { .type($0) }, interactive: true)
        let session = WizardSession(loaded: loaded, terminal: terminal, runner: runner, options: options, state: WizardSessionTests.defaults(loaded))
        return (session.run(), terminal, runner)
    }

    @Test func theSceneIsSetOnceBeforeTheFirstCommandThatNeedsIt() throws {
        let (_, terminal, runner) = try Self.run(lab: true, answers: ["hint", "check", "run", "quit"])
        #expect(terminal.prompts.first?.prompt.hasSuffix("> ") == true)
        // `hint` needs no scene; `check` does: the lab acts, then the check; `run` does not set it again.
        #expect(runner.commands.filter { $0 == "lab-power-on n1" }.count == 1, "\(runner.commands)")
        #expect(runner.commands.first == "lab-power-on n1")
        #expect(runner.commands.contains("console-setup n1"), "the lab types the console block: \(runner.commands)")
        #expect(terminal.output.contains("(the practice lab types it)"), "\(terminal.output)")
    }

    @Test func outsideTheLabItsBlocksAreNotCommandsAndTheConsoleIsTypedByHand() throws {
        let (_, terminal, runner) = try Self.run(lab: false, answers: ["run", "quit"])
        #expect(!runner.commands.contains("lab-power-on n1"), "\(runner.commands)")
        #expect(!runner.commands.contains("console-setup n1"), "\(runner.commands)")
        #expect(terminal.output.contains("Do this by hand, then type done."), "\(terminal.output)")
        #expect(!terminal.output.contains("practice lab"), "\(terminal.output)")
    }
}
