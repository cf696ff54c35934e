import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard reset LESSON [--step ID]`: forget saved progress.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Forget a lesson's saved progress (or one step's).")

    @OptionGroup var state: StateOptions
    @Argument(help: "The lesson id.") var lesson: String
    @Option(help: "Forget only this step (it becomes pending again).") var step: String?

    func run() throws {
        let store = try state.store()
        guard var run = try store.load(lessonID: lesson) else {
            throw RuntimeFailure(message: "no saved run of '\(lesson)'", status: RuntimeFailure.Status.notFound)
        }
        guard let step else {
            try store.remove(lessonID: lesson)
            Platform.show("Forgot the saved run of \(lesson).")
            return
        }
        guard run.state.statuses[step] != nil || run.stepHashes[step] != nil else {
            throw RuntimeFailure(message: "the saved run of '\(lesson)' has no step '\(step)'", status: RuntimeFailure.Status.notFound)
        }
        run.state.removeStatuses(of: step)
        run.marks[step] = nil
        run.finished = false
        try store.save(run)
        Platform.show("Step \(step) of \(lesson) is pending again.")
    }
}
