import Lessons
import Testing
@testable import Wizard

/// What only a person may do: a `{run person}` command stops an unattended run (exit 3), and a
/// `confirm: true` secret is asked twice and taken only when both agree.
@Suite struct PersonAndConfirmTests {
    static let lesson = """
    ---
    id: person
    title: Person
    summary: A new password.
    inputs:
      password: { type: secret, confirm: true }
    ---
    ## Prepare {#prepare}

    ```sh {run}
    true
    ```

    ## New password {#new-password}

    ```sh {run person}
    passwd
    ```

    ```sh {check}
    password-changed
    ```
    """

    @Test func anUnattendedRunStopsAtACommandOnlyAPersonMayRun() throws {
        let runner = FakeRunner()
        runner.on("password-changed", exits: [1])
        let (session, _) = try WizardSessionTests.make(Self.lesson, id: "person", answers: [], runner: runner, unattended: true,
                                                       state: { _ in SessionState() })
        #expect(session.run() == .needsHands(step: "new-password", reason: "a person must run `passwd` (it asks what only a person can answer)"))
        #expect(!runner.commands.contains { $0.contains("passwd") }, "\(runner.commands)")
        #expect(SessionOutcome.needsHands(step: "", reason: "").exitStatus == 3)
    }

    @Test func aConfirmedSecretIsAskedTwiceUntilBothAgree() throws {
        let input = try #require(try TestLessons.load(Self.lesson, id: "person").lesson.input(named: "password"))
        #expect(input.confirmsTwice)
        let terminal = ScriptedTerminal(lines: ["first", "other", "s3cret", "s3cret"])
        let value = InputPrompter(terminal: terminal, style: .plain).askScalar(input, prefill: nil) { _ in nil }
        #expect(value == "s3cret")
        #expect(terminal.output.contains("✗ the two differ; type it twice again"))
        #expect(!terminal.output.contains("s3cret"), "a secret is never shown")
    }
}
