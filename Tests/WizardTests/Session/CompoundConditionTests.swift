import Foundation
import Lessons
import Testing
@testable import Wizard

/// A `when=` condition of several comparisons joined with `and`: the step applies to an item only
/// where all of them hold (a worker-only step on one of two paths).
@Suite struct CompoundConditionTests {
    static let lesson = """
    ---
    id: paths
    title: Paths
    summary: A worker-only step on the card path.
    inputs:
      setup: { type: choice, choices: [card, console], default: card }
      nodes:
        type: list
        fields:
          name: { type: hostname }
          role: { type: choice, choices: [master, worker] }
        default:
          - { name: one, role: master }
          - { name: two, role: worker }
    ---
    ## Personalise {#personalise foreach=nodes as=node when="node.role == worker and setup == card"}

    ```sh {run}
    personalise {{node.name}}
    ```
    """

    @Test(arguments: ["card", "console"])
    func theStepRunsOnlyWhereEveryComparisonHolds(setup: String) throws {
        var drive = try SessionMachineTests.Drive(Self.lesson, id: "paths", unattended: true, interactive: false) { loaded in
            var inputs = loaded.defaultInputs
            inputs["setup"] = .text(setup)
            return inputs
        }
        drive.send(.begin)
        if setup == "card" {
            #expect(drive.request?.command == "personalise two", "\(drive.effects)")
            #expect(drive.state.session.status("personalise", item: "one") == .notApplicable)
        } else {
            #expect(drive.request == nil)
            #expect(drive.state.session.status("personalise", item: "two") == .notApplicable)
        }
    }

    @Test func parsesEveryComparisonAndRefusesAPartItCannotRead() {
        let step = LessonParser.parse(Self.lesson, file: "paths.md").lesson.steps[0]
        #expect(step.condition?.terms == [
            Condition.Term(variable: TemplatePath(root: "node", field: "role"), comparison: .equal, value: "worker"),
            Condition.Term(variable: TemplatePath(root: "setup"), comparison: .equal, value: "card"),
        ])
        #expect(step.condition?.description == "node.role == worker and setup == card")
        let broken = LessonParser.parse(Self.lesson.replacingOccurrences(of: "and setup == card", with: "and setup"), file: "paths.md")
        #expect(broken.diagnostics.contains { $0.message.contains("cannot read the condition") && $0.location.line == 16 }, "\(broken.diagnostics)")
    }

    @Test func lintFindsAComparisonThatCanNeverHold() {
        let text = Self.lesson.replacingOccurrences(of: "setup == card", with: "setup == reader")
        let diagnostics = LessonLinter.lint(text, file: "paths.md", validators: ValidatorRegistry.specs).diagnostics
        #expect(diagnostics.contains { $0.message.contains("unreachable: setup is never 'reader'") }, "\(diagnostics)")
    }
}
