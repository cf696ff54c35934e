import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard reset LESSON [--step ID] [--item NAME]`: forget saved progress — all of it, one step's, or
/// one node's (a worker whose card is replaced: `ItemReset`).
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Forget a lesson's saved progress (or one step's, or one node's).",
        discussion: """
        --item NAME forgets what was done for one node of the list (its name): its part of every step that goes \
        over the list, and every step without a loop whose commands use the whole list; the other nodes keep \
        theirs. Then `resume` does that node again, and only it (a worker whose card was replaced).
        """
    )

    @OptionGroup var options: LessonOptions
    @OptionGroup var state: StateOptions
    @Argument(help: "The lesson id.") var lesson: String
    @Option(help: "Forget only this step (it becomes pending again).") var step: String?
    @Option(help: ArgumentHelp("Forget only what was done for this node (its name in the list); with --step, only in that step.", valueName: "name"))
    var item: String?

    func run() throws {
        let store = try state.store()
        guard var run = try store.load(lessonID: lesson) else {
            throw RuntimeFailure(message: "no saved run of '\(lesson)'", status: RuntimeFailure.Status.notFound)
        }
        if let step, run.state.statuses[step] == nil, run.stepHashes[step] == nil {
            throw RuntimeFailure(message: "the saved run of '\(lesson)' has no step '\(step)'", status: RuntimeFailure.Status.notFound)
        }
        switch (step, item) {
        case (nil, nil):
            try store.remove(lessonID: lesson)
            Platform.show("Forgot the saved run of \(lesson).")
            return
        case let (step?, nil):
            run.state.removeStatuses(of: step)
            run.marks[step] = nil
            Platform.show("Step \(step) of \(lesson) is pending again.")
        case let (step, item?):
            try forget(item, onlyIn: step, of: &run)
        }
        run.finished = false
        try store.save(run)
    }

    /// Forgets one node's progress (in one step, or in all of them) and says what.
    private func forget(_ item: String, onlyIn step: String?, of run: inout SavedRun) throws {
        let loaded = try options.library.load(file: run.lessonFile, id: run.lessonID)
        guard var reset = ItemReset(item: item, lesson: loaded.lesson, inputs: run.state.inputs, statuses: run.state.statuses) else {
            let names = ItemReset.itemNames(lesson: loaded.lesson, inputs: run.state.inputs)
            throw RuntimeFailure(message: "the saved run of '\(lesson)' has no node '\(item)'" + (names.isEmpty ? "" : " (its nodes: \(names.joined(separator: ", ")))"),
                                 status: RuntimeFailure.Status.notFound)
        }
        if let step { reset.keys = reset.keys.filter { $0.step == step } }
        guard !reset.keys.isEmpty else {
            Platform.show("Nothing was done for \(item)" + (step.map { " in step \($0)" } ?? "") + " yet: nothing to forget.")
            return
        }
        // Named to the learner: what was done or skipped (a step that did not apply is forgotten too, quietly).
        let named = reset.keys.filter { run.state.statuses[$0.step]?[$0.item] != .notApplicable }
        run.state = reset.applied(to: run.state)
        run.state.stepIndex = SavedRun.resumeIndex(of: run.state, in: loaded.lesson,
                                                   values: StepValues(lesson: loaded.lesson, assets: loaded.assetsFolder.path, inputs: run.state.inputs))
        for key in reset.keys {
            run.marks[key.step]?[key.item] = nil
            if run.marks[key.step]?.isEmpty == true { run.marks[key.step] = nil }
        }
        let perNode = named.filter { !$0.item.isEmpty }.map(\.step)
        let whole = named.filter { $0.item.isEmpty }.map(\.step)
        var text = "Forgot what was done for \(item) in \(perNode.count) step\(perNode.count == 1 ? "" : "s")"
        text += perNode.isEmpty ? "" : " (\(perNode.joined(separator: ", ")))"
        if !whole.isEmpty { text += ", and the steps that work on every node of \(reset.list): \(whole.joined(separator: ", "))" }
        Platform.show(ScreenWrap.fit(text + ". Do them again with: \(Platform.commandName) resume \(lesson)", width: Platform.terminalWidth))
    }
}
