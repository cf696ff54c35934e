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
        @Flag(help: "Print the summary as JSON (format: docs/json-output.md).") var json = false

        func run() throws {
            let summary = TranscriptSummary(try TranscriptCommand.read(file))
            print(json ? JSONOutput.text(summary) + "\n" : summary.text, terminator: "")
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
