import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard replay FILE`: re-run the engine against a transcript and compare every event.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Replay a transcript through the lesson's engine; exit 1 with a diff when it diverges.")

    @OptionGroup var options: LessonOptions
    @Argument(help: "A .cast transcript file.") var file: String
    @Option(help: "The lesson to replay against (default: the one the transcript names).") var lesson: String?
    @Flag(help: "Re-execute the recorded session's commands for real (e.g. against the practice lab); the steps must end the same way.")
    var live = false

    func run() throws {
        let transcript = try TranscriptCommand.read(file)
        let recorded = transcript.header.piwizard
        let loaded = try lesson.map(options.library.load) ?? options.library.load(file: recorded.lessonFile, id: recorded.lesson)
        let result = try TranscriptReplay.replay(transcript, lesson: loaded, live: live ? LiveCommandRunner() : nil)
        if result.matches {
            print("replay matches: \(result.recorded) events" + (live ? " (steps and statuses, commands run for real)" : ""))
        } else {
            print(result.diff)
            throw ExitCode.failure
        }
    }
}
