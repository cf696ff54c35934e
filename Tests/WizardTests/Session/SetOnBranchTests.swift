import Lessons
import Testing
@testable import Wizard

/// `set` at the prompt of a branch step, with a value that takes the other branch: the session leaves
/// the branch not taken and goes on to the one that applies (issue 31, bug 1: it stayed, and ran it).
@Suite struct SetOnBranchTests {
    static let lesson = """
    ---
    id: branches
    title: Branches
    summary: Two ways to give a user admin rights.
    inputs:
      group: { type: choice, choices: [wheel, sudo], default: wheel }
    ---
    ## Start {#start}
    ```sh {run readonly}
    true
    ```
    ## With wheel {#wheel when="group == wheel"}
    ```sh {run}
    add-to wheel
    ```
    ```sh {check}
    in-group wheel
    ```
    ## With sudo {#sudo when="group == sudo"}
    ```sh {run}
    add-to sudo
    ```
    ```sh {check}
    in-group sudo
    ```
    """

    @Test func settingTheChoiceAtABranchGoesToTheBranchThatApplies() throws {
        let runner = FakeRunner()
        runner.on("in-group wheel", exits: [1])
        runner.on("in-group sudo", exits: [1, 0])
        let answers: [ScriptedTerminal.Answer] = [.type(""), .type("set group sudo"), .type("")]
        let (session, terminal) = try WizardSessionTests.make(Self.lesson, id: "branches", answers: answers, runner: runner)
        let outcome = session.run()
        #expect(outcome.message.hasPrefix("Lesson finished"), "\(terminal.output)")
        #expect(terminal.output.contains("With that value, step 'wheel' does not apply: going on."))
        #expect(!runner.commands.contains("add-to wheel"), "the branch not taken does not run")
        #expect(runner.commands.contains("add-to sudo"))
        #expect(session.state.status("wheel") == .notApplicable)
        #expect(session.state.status("sudo") == .done)
    }
}
