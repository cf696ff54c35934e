import Foundation
import Lessons
import Testing
import Wizard

/// What the step header counts: the steps that apply (a branch not taken is not one of them, an input
/// not given yet counts with its default) and, in a loop, the items the step applies to.
@Suite struct StepCountTests {
    static let lesson = """
    ---
    id: counts
    title: Counts
    summary: Two branches, and a loop that applies to one record.
    inputs:
      mode:
        type: choice
        prompt: Which way
        choices: [a, b]
        default: a
      nodes:
        type: list
        prompt: The nodes
        fields:
          hostname: { type: hostname }
          role: { type: choice, choices: [master, worker] }
        default:
          - { hostname: n1, role: master }
          - { hostname: n2, role: worker }
          - { hostname: n3, role: worker }
    ---
    ## First {#first}

    ```sh {run}
    first-command
    ```

    ## The master only {#master foreach=nodes as=node when="node.role == master"}

    ```sh {run}
    master-command {{node.hostname}}
    ```

    ## The workers {#workers foreach=nodes as=node when="node.role == worker"}

    ```sh {run}
    worker-command {{node.hostname}}
    ```

    ## Way a {#way-a when="mode == a"}

    ```sh {run}
    way-a-command
    ```

    ## Way b {#way-b when="mode == b"}

    ```sh {run}
    way-b-command
    ```

    ## Last {#last}

    ```sh {run}
    last-command
    ```
    """

    private func walk(_ answers: [ScriptedTerminal.Answer]) throws -> String {
        let (session, terminal) = try WizardSessionTests.make(Self.lesson, id: "counts", answers: answers, runner: FakeRunner())
        _ = session.run()
        return terminal.output
    }

    @Test func aBranchNotTakenIsNotCountedAndALoopCountsTheItemsItAppliesTo() throws {
        let output = try walk(Array(repeating: .type(""), count: 12) + [.type("quit")])
        #expect(output.contains("Step 1 of 5 · First"), "\(output)")
        #expect(output.contains("Step 2 of 5 · The master only"))
        #expect(output.contains("  node n1\n"), "one item: no '(1 of 3)'")
        #expect(!output.contains("node n1 (1 of 3)"))
        #expect(output.contains("Step 3 of 5 · The workers"))
        #expect(output.contains("  node n2 (1 of 2)") && output.contains("  node n3 (2 of 2)"))
        #expect(output.contains("Step 4 of 5 · Way a"))
        #expect(output.contains("Step 5 of 5 · Last"))
        #expect(!output.contains("of 6"))
    }

    @Test func theCountFollowsAChangedInput() throws {
        let output = try walk([.type("set mode b"), .type(""), .type(""), .type(""), .type(""), .type(""), .type(""), .type("quit")])
        #expect(output.contains("Step 4 of 5 · Way b"), "\(output)")
        #expect(!output.contains("Way a"))
    }

    /// `list` and a resumed session count as the step header does: 5 steps here, not the file's 6.
    @Test func listAndResumeCountAsTheSessionDoes() throws {
        let values = StepValues(lesson: try TestLessons.load(Self.lesson, id: "counts").lesson, assets: "", inputs: try TestLessons.load(Self.lesson, id: "counts").defaultInputs)
        #expect(values.position(ofStep: 0) == (1, 5))
        #expect(values.position(ofStep: 3) == (4, 5), "way a")
        #expect(values.position(ofStep: 4) == (5, 6), "a step not taken counts itself when the learner stands on it")
        #expect(values.position(ofStep: 5) == (5, 5))
    }
}
