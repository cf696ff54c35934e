import Foundation
import Lessons
import Testing
@testable import Wizard

@Suite struct SavedRunTests {
    @Test func recordsMarksAndNeverSecrets() throws {
        let loaded = try TestLessons.load(TestLessons.cluster, id: "mini-cluster")
        var run = SavedRun(lesson: loaded.lesson, lessonFile: "/l.md", state: SessionState(inputs: loaded.defaultInputs), now: Date(timeIntervalSince1970: 0), transcript: nil)
        var state = run.state
        _ = state.takeChanges()
        state.setStatus(.done, step: "prepare")
        state.setStatus(.done, step: "prepare")
        let changes = state.takeChanges()
        #expect(changes.statuses == [StatusKey(step: "prepare", item: "")], "a status set twice is one change")
        let update = ProgressUpdate(lesson: loaded.lesson, state: state, changes: changes, now: Date(timeIntervalSince1970: 10), transcriptEvent: 42)
        #expect(update.inputs == nil && update.edits == nil, "only what changed")
        #expect(update.stepHashes.keys.sorted() == ["prepare"])
        run = update.applied(to: run)
        #expect(run.marks["prepare"]?[""] == SavedRun.Mark(status: .done, at: Date(timeIntervalSince1970: 10), transcriptEvent: 42))
        #expect(run.updatedAt == Date(timeIntervalSince1970: 10))
        state.removeStatuses(of: "prepare")
        let removal = ProgressUpdate(lesson: loaded.lesson, state: state, changes: state.takeChanges(), now: Date(timeIntervalSince1970: 11), transcriptEvent: 43)
        #expect(removal.removed == [StatusKey(step: "prepare", item: "")])
        run = removal.applied(to: run)
        #expect(run.marks["prepare"] == nil && run.state.status("prepare") == .pending)
    }

    @Test func aStepThatChangedSinceItWasDoneIsCheckedAgain() throws {
        let loaded = try TestLessons.load(TestLessons.cluster, id: "mini-cluster")
        var state = SessionState(inputs: loaded.defaultInputs, stepIndex: 2)
        state.setStatus(.done, step: "prepare")
        state.setStatus(.done, step: "name", item: "n1")
        state.setStatus(.done, step: "name", item: "n2")
        let run = SavedRun(lesson: loaded.lesson, lessonFile: "/l.md", state: state, now: Date(), transcript: nil)
        let same = run.resumableState(for: loaded.lesson)
        #expect(same.changed.isEmpty && same.state == state)
        let edited = try TestLessons.load(TestLessons.cluster.replacingOccurrences(of: "set-name {{node.hostname}}", with: "set-name --now {{node.hostname}}"), id: "mini-cluster")
        let resumed = run.resumableState(for: edited.lesson)
        #expect(resumed.changed == ["name"])
        #expect(resumed.state.status("name", item: "n1") == .pending)
        #expect(resumed.state.status("prepare") == .done)
    }

    @Test func resumingContinuesWithOnlyTheNodesStillMissing() throws {
        let runner = WizardSessionTests.freshCluster()
        runner.on("pi@10.9.0.1 hostname", exits: [0], output: "n1\n")
        let (session, _) = try WizardSessionTests.make(answers: [.type(""), .type("quit")], runner: runner) { loaded in
            var state = SessionState(inputs: loaded.defaultInputs, stepIndex: 1)
            state.setStatus(.done, step: "prepare")
            state.setStatus(.done, step: "name", item: "n1")
            return state
        }
        _ = session.run()
        #expect(runner.commands.filter { $0.hasPrefix("set-name") } == ["set-name n2"])
    }

    @Test func aStepThatWasRunningWhenTheSessionDiedIsCheckedNotRerun() throws {
        let runner = WizardSessionTests.freshCluster()
        runner.on("test -f /tmp/x.img", exits: [0])
        let (session, _) = try WizardSessionTests.make(answers: [], runner: runner, unattended: true) { loaded in
            var state = SessionState(inputs: loaded.defaultInputs)
            state.setStatus(.running, step: "prepare")
            return state
        }
        _ = session.run()
        #expect(session.state.status("prepare") == .done)
        #expect(!runner.commands.contains { $0.hasPrefix("mkdir") })
    }

    @Test func stepHashesIgnoreLineNumbers() throws {
        let a = try TestLessons.load(TestLessons.cluster, id: "x").lesson.steps[1]
        let b = try TestLessons.load(TestLessons.cluster.replacingOccurrences(of: "# Mini cluster\n", with: "# Mini cluster\n\nMore intro.\n"), id: "x").lesson.steps[1]
        #expect(a.location.line != b.location.line)
        #expect(StepHasher.hash(a) == StepHasher.hash(b))
    }
}
