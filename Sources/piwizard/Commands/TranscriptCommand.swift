import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard transcript show|export FILE`.
struct TranscriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transcript", abstract: "Read a session transcript.",
                                                    subcommands: [Show.self, Export.self])

    /// `transcript show FILE...` or `--run LESSON`: a readable summary of each session, in order.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Summarise transcripts: what was typed, the commands, the checks, how each step ended.")
        @Argument(help: "One or more .cast transcript files, shown in the order given.") var files: [String] = []
        @Option(name: .customLong("run"), help: ArgumentHelp("Every session of this lesson's saved run, the first first (a run quit and resumed has several).", valueName: "lesson"))
        var savedRun: String?
        @OptionGroup var state: StateOptions
        @Flag(help: "Print the summary as JSON (format: docs/json-output.md); an array of them for several sessions.") var json = false

        func validate() throws {
            guard files.isEmpty != (savedRun == nil) else { throw ValidationError("Give transcript files or --run LESSON (one of the two).") }
        }

        func run() throws {
            let paths = try savedRun.map(sessions(of:)) ?? files
            let summaries = try paths.map { TranscriptSummary(try TranscriptCommand.read($0)) }
            if json {
                print(summaries.count == 1 && savedRun == nil ? JSONOutput.text(summaries[0]) : JSONOutput.text(summaries))
                return
            }
            for (index, (path, summary)) in zip(paths, summaries).enumerated() {
                if summaries.count > 1 { Platform.show((index > 0 ? "\n" : "") + "Session \(index + 1) of \(summaries.count): \(path)") }
                Platform.show(summary.text, terminator: "")
            }
        }

        /// The transcripts of the lesson's saved run, the first first.
        private func sessions(of lesson: String) throws -> [String] {
            guard let saved = try state.store().load(lessonID: lesson) else {
                throw RuntimeFailure(message: "no saved run of \(lesson) (piwizard status lists the saved runs)", status: RuntimeFailure.Status.notFound)
            }
            return saved.sessionTranscripts
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
        do { return try Transcript(contentsOf: URL(fileURLWithPath: file)) } catch let error as Transcript.ReadError {
            throw RuntimeFailure(message: "\(file): \(error)", status: RuntimeFailure.Status.badData)
        } catch {
            throw RuntimeFailure(message: "cannot read \(file): \(FileFailure.reason(error))", status: RuntimeFailure.Status.notFound)
        }
    }
}

extension TranscriptReport.Format: ExpressibleByArgument {}
