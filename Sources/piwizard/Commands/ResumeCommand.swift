import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard resume [LESSON]`: continue the last unfinished run.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Continue an unfinished run where it stopped (the most recent one without LESSON), or a finished one with new values.")

    @OptionGroup var options: LessonOptions
    @OptionGroup var session: SessionArguments
    @Argument(help: "A lesson id or path; default: the most recently saved unfinished run.") var lesson: String?

    func run() throws {
        let saved = try session.state.store().all()
        let runs = saved.filter { !$0.finished }
        let loaded: LoadedLesson
        if let lesson, let run = runs.first(where: { $0.lessonID == lesson }) ?? saved.first(where: { $0.lessonID == lesson }) {
            loaded = try options.library.load(file: run.lessonFile, id: run.lessonID)   // its file, wherever it is
        } else if let lesson {
            loaded = try options.library.load(lesson)
        } else if let latest = runs.first {
            loaded = try options.library.load(file: latest.lessonFile, id: latest.lessonID)
        } else {
            throw RuntimeFailure(message: "no unfinished run to resume; start one with: \(Platform.commandName) start LESSON", status: RuntimeFailure.Status.notFound)
        }
        let id = loaded.lesson.id
        if saved.contains(where: { $0.lessonID == id && $0.finished }) {
            // A finished run goes on with new values (a longer list of nodes, a lab grown since).
            let given = try session.values.provided(for: loaded.lesson)
            guard session.lab || !given.values.isEmpty else {
                throw RuntimeFailure(message: "the run of '\(id)' has finished; to grow or change it, give the new values (--var NAME=VALUE, --vars FILE), or start it again with: \(Platform.commandName) start \(id)",
                                     status: RuntimeFailure.Status.notFound)
            }
        } else if !runs.contains(where: { $0.lessonID == id }) {
            throw RuntimeFailure(message: "no unfinished run of '\(id)'; start it with: \(Platform.commandName) start \(id)", status: RuntimeFailure.Status.notFound)
        }
        try session.run(loaded, resume: .resume)
    }
}
