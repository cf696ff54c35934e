import Lessons
import Testing
@testable import Wizard

/// Which hints a failing check shows: its own (`Hint for ID:`), else the step's unbound hints.
@Suite struct BoundHintTests {
    static let lesson = """
    ---
    id: hints
    title: Hints
    summary: Hints bound to checks.
    ---
    ## Log in {#login}

    ```sh {run}
    true
    ```

    ```sh {check id=key}
    test -f key
    ```

    ```sh {check id=login}
    ssh host true
    ```

    ```sh {check}
    test -d .ssh
    ```

    > **Hint for key:** Make the key with ssh-keygen.

    > **Hint for key, login:** Is the key's public half on the host?

    > **Hint:** Ask for help.
    """

    func shown(_ failing: [String?]) throws -> [String] {
        let step = try TestLessons.load(Self.lesson, id: "hints").lesson.steps[0]
        let failures = failing.map { id -> CheckOutcome in
            var outcome = CheckOutcome(passed: false, title: "t", expected: "e", found: "f")
            outcome.check = id
            return outcome
        }
        return SessionTransition.hints(of: step, explaining: failures).map(\.text)
    }

    @Test func aFailingCheckShowsItsOwnHintsElseTheStepsHints() throws {
        let step = try TestLessons.load(Self.lesson, id: "hints").lesson.steps[0]
        #expect(step.hints.map(\.checks) == [["key"], ["key", "login"], []])
        #expect(try shown(["login"]) == ["Is the key's public half on the host?"])
        #expect(try shown(["key"]) == ["Make the key with ssh-keygen.", "Is the key's public half on the host?"])
        #expect(try shown([nil]) == ["Ask for help."], "a check without hints of its own: the step's")
        #expect(try shown([]).count == 3, "nothing failed (the hint command): every hint")
    }
}
