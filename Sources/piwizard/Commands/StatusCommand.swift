import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard status`: every saved run and where it stands.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show every saved run and where it stands.")

    @OptionGroup var state: StateOptions
    @OptionGroup var options: LessonOptions
    @Flag(help: "Print the runs as JSON (format: docs/json-output.md).") var json = false

    func run() throws {
        let summaries = try state.store().all().map { run in
            RunSummary(run, lesson: try? options.library.load(file: run.lessonFile, id: run.lessonID).lesson)
        }
        if json {
            print(StatusReport(runs: summaries).json)
            return
        }
        guard !summaries.isEmpty else {
            Platform.show("No saved runs. Start one with: \(Platform.commandName) start LESSON")
            return
        }
        for summary in summaries { Platform.show(summary.text) }
    }
}
