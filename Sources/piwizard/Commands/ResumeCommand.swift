import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard resume [LESSON]`: continue the last unfinished run.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Continue an unfinished run where it stopped (the most recent one without LESSON).")

    @OptionGroup var options: LessonOptions
    @OptionGroup var session: SessionArguments
    @Argument(help: "A lesson id or path; default: the most recently saved unfinished run.") var lesson: String?

    func run() throws {
        let runs = try session.state.store().all().filter { !$0.finished }
        let loaded: LoadedLesson
        if let lesson {
            loaded = try options.library.load(lesson)
        } else if let latest = runs.first {
            loaded = try options.library.load(file: latest.lessonFile, id: latest.lessonID)
        } else {
            throw ValidationError("no unfinished run to resume; start one with: piwizard start LESSON")
        }
        guard runs.contains(where: { $0.lessonID == loaded.lesson.id }) else {
            throw ValidationError("no unfinished run of '\(loaded.lesson.id)'; start it with: piwizard start \(loaded.lesson.id)")
        }
        try session.run(loaded, resume: .resume)
    }
}
