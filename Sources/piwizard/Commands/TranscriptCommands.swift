import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard transcript show|export FILE`.
struct TranscriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transcript", abstract: "Read a session transcript.",
                                                    subcommands: [Show.self, Export.self])

    /// `transcript show FILE`: a readable summary.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Summarise a transcript: steps, commands, results, failures.")
        @Argument(help: "A .cast transcript file.") var file: String

        func run() throws {
            let transcript = try TranscriptCommand.read(file)
            print(TranscriptReport.summary(transcript), terminator: "")
        }
    }

    /// `transcript export FILE --format asciicast|markdown`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a clean asciicast or a Markdown report of a session.")
        @Argument(help: "A .cast transcript file.") var file: String
        @Option(help: "asciicast (terminal output and markers only) or markdown.") var format: TranscriptReport.Format = .markdown

        func run() throws {
            let transcript = try TranscriptCommand.read(file)
            print(try TranscriptReport.export(transcript, format: format), terminator: "")
        }
    }

    static func read(_ file: String) throws -> Transcript {
        do { return try Transcript(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw ValidationError("\(file): \(error)")
        }
    }
}

extension TranscriptReport.Format: ExpressibleByArgument {}

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
        let name = lesson ?? (FileManager.default.fileExists(atPath: transcript.header.piwizard.lessonFile) ? transcript.header.piwizard.lessonFile : transcript.header.piwizard.lesson)
        let loaded = try options.library.load(name)
        let result = try TranscriptReplay.replay(transcript, lesson: loaded, live: live ? LiveCommandRunner() : nil)
        if result.matches {
            print("replay matches: \(result.recorded) events" + (live ? " (steps and statuses, commands run for real)" : ""))
        } else {
            print(result.diff)
            throw ExitCode.failure
        }
    }
}
