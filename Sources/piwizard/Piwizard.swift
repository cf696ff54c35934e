import ArgumentParser

/// The `piwizard` command: a guided setup wizard that walks you through a lesson.
@main
struct Piwizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "piwizard",
        abstract: "A guided setup wizard: walks you through a lesson step by step, checking each step.",
        discussion: "Lessons are Markdown files, found by id in --lessons folders, PIWIZARD_LESSONS, ./lessons and the installed share folder, or given as a path to a .md file.",
        version: "0.1.0",
        subcommands: [StartCommand.self, ResumeCommand.self, StatusCommand.self, ResetCommand.self, ListCommand.self, ShowCommand.self,
                      LintCommand.self, GraphCommand.self, TranscriptCommand.self, ReplayCommand.self, CheckCommand.self, LabCommand.self]
    )
}
