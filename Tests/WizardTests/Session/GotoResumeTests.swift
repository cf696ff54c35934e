import Lessons
import Testing
@testable import Wizard

/// `goto` a later step, then `quit`: the run resumes at that step, as the quit message says; the steps
/// jumped over count as skipped (issue 31, bug 7: resume went back to the first step not done).
@Suite struct GotoResumeTests {
    static let lesson = """
    ---
    id: three
    title: Three steps
    summary: One, two, three.
    ---
    ## One {#one}
    ```sh {run readonly}
    step-one
    ```
    ## Two {#two}
    ```sh {run readonly}
    step-two
    ```
    ## Three {#three}
    ```sh {run readonly}
    step-three
    ```
    """

    @Test func quittingAfterAJumpResumesWhereTheLearnerWent() throws {
        let runner = FakeRunner()
        let (session, _) = try WizardSessionTests.make(Self.lesson, id: "three", answers: [.type("goto three"), .type("quit")], runner: runner)
        #expect(session.run() == .quit(step: "three"))
        let lesson = try TestLessons.load(Self.lesson, id: "three").lesson
        #expect(SavedRun.resumeIndex(of: session.state, in: lesson) == 2)
        #expect(session.state.status("one") == .skipped && session.state.status("two") == .skipped)
        #expect(runner.commands.isEmpty, "nothing ran")
    }
}
