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

    func run() throws {
        let runs = try state.store.all()
        guard !runs.isEmpty else {
            print("No saved runs. Start one with: piwizard start LESSON")
            return
        }
        for run in runs {
            let lesson = try? options.library.load(file: run.lessonFile, id: run.lessonID).lesson
            let total = lesson?.steps.count ?? 0
            let done = lesson?.steps.filter { step in
                let items = run.state.statuses[step.id] ?? [:]
                return !items.isEmpty && items.values.allSatisfy(\.isSettled)
            }.count ?? 0
            let current = lesson.flatMap { run.state.stepIndex < $0.steps.count ? $0.steps[run.state.stepIndex].id : nil } ?? "-"
            let when = ISO8601DateFormatter().string(from: run.updatedAt)
            print("\(run.lessonID)  \(run.finished ? "finished" : "at \(current)")  \(done)/\(total) steps settled  saved \(when)")
            if let transcript = run.transcript { print("  transcript: \(transcript)") }
        }
    }
}
