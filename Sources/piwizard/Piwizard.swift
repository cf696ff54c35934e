import ArgumentParser
import Foundation
import WizardSystem

/// The `piwizard` command: a guided setup wizard that walks you through a lesson.
@main
struct Piwizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "piwizard",
        abstract: "A guided setup wizard: walks you through a lesson step by step, checking each step.",
        discussion: "Lessons are Markdown files, found by id in --lessons folders, PIWIZARD_LESSONS, ./lessons and the installed share folder, or given as a path to a .md file.",
        version: "0.1.0",
        subcommands: [StartCommand.self, ResumeCommand.self, StatusCommand.self, ResetCommand.self, ListCommand.self, ShowCommand.self,
                      LintCommand.self, TestCommand.self, GraphCommand.self, TranscriptCommand.self, ReplayCommand.self, CheckCommand.self, ExportCommand.self, LabCommand.self]
    )

    /// Parses and runs a command; a runtime error becomes its message and exit status (`RuntimeFailure`),
    /// the only place piwizard ends with an error. Usage errors are the argument parser's.
    static func main() {
        ChildGroups.endWithPiwizard()
        SSHSessionConnections.closeWhenPiwizardEnds()
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            try command.run()
        } catch {
            guard let failure = RuntimeFailure(error) else { exit(withError: error) }
            Platform.writeError("piwizard: \(failure.message)")
            Foundation.exit(failure.status)
        }
    }
}
