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
    @Option(help: "The lesson to replay against (default: the one the transcript names; with --live, found by its id in the lesson folders).")
    var lesson: String?
    @Flag(help: "Re-execute the recorded session's commands for real (e.g. against the practice lab); the steps must end the same way.")
    var live = false
    @Flag(name: [.customShort("y"), .long], help: "With --live: run without asking first (destructive commands are still confirmed).")
    var yes = false
    @Option(name: .customLong("confirm-device"), help: ArgumentHelp("With --live, for an unattended recording: allow destructive commands on this device (a recorded one is never used).", valueName: "device"))
    var confirmedDevices: [String] = []

    func run() throws {
        let transcript = try TranscriptCommand.read(file)
        let recorded = transcript.header.piwizard
        guard live else {
            let loaded = try lesson.map(options.library.load) ?? recordedLesson(recorded)
            return try report(TranscriptReplay.replay(transcript, lesson: loaded))
        }
        // A transcript is data: live, it runs the lesson the user names or the one its id finds here.
        let loaded = try options.library.load(lesson ?? recorded.lesson)
        let plan = LiveReplayPlan(transcript: transcript, lesson: loaded, lessonPath: options.library.displayPath(loaded.url))
        if !plan.problems.isEmpty {
            throw RuntimeFailure(message: plan.problems.joined(separator: "; ") + " (the lesson \(loaded.lesson.id) refuses it; nothing was run)", status: RuntimeFailure.Status.badInput)
        }
        Platform.show(plan.lines.joined(separator: "\n"))
        let person = TerminalFactory.standardStreamsAreTerminals ? TerminalFactory.makeTerminal(historyFile: nil) : nil
        if !yes {
            guard let person else {
                throw RuntimeFailure(message: "replay --live runs commands for real: run it at a terminal to be asked first, or give --yes", status: RuntimeFailure.Status.badInput)
            }
            let line = person.readLine(prompt: YesNo.prompt("Run them for real?", default: false), prefill: nil)
            guard YesNo.answer(line.map(SessionEvent.line) ?? .endOfInput, default: false) == .yes else {
                Platform.show("Nothing was run.")
                return
            }
        }
        let live = TranscriptReplay.Live(runner: LiveCommandRunner(), confirmer: person, confirmedDevices: Set(confirmedDevices))
        try report(TranscriptReplay.replay(transcript, lesson: loaded, live: live))
    }

    /// The lesson the transcript was recorded with: of its recorded file and the lesson of its id here,
    /// the one whose text is the recorded one (its fingerprint), else the file, else the id's. (A
    /// transcript shipped in a checkout names the file where it was recorded, which may be another
    /// checkout's, changed since.)
    private func recordedLesson(_ recorded: TranscriptHeader.Session) throws -> LoadedLesson {
        let file = FileManager.default.fileExists(atPath: recorded.lessonFile) ? try options.library.load(recorded.lessonFile) : nil
        let candidates = [file, try? options.library.load(recorded.lesson)].compactMap { $0 }
        if let same = candidates.first(where: { LessonFingerprint.of($0.lesson) == recorded.lessonFingerprint }) { return same }
        return try candidates.first ?? options.library.load(recorded.lesson)
    }

    private func report(_ result: TranscriptReplay.Result) throws {
        if result.matches {
            Platform.show("replay matches: \(result.recorded) events" + (live ? " (steps and statuses, commands run for real)" : ""))
        } else {
            print(result.diff)
            throw ExitCode.failure
        }
    }
}
