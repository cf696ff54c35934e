import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// `piwizard start LESSON`: a guided session through a lesson at the terminal (or unattended with --yes).
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Walk through a lesson: each step explained, its commands run or shown, its checks run.",
        discussion: """
        At the prompt, press Enter to run the step, or type show, edit, skip, check, hint, why, back, goto STEP, \
        vars, set NAME VALUE, status, graph, help or quit. Progress is saved after every change; an unfinished \
        run is offered for resuming. Exit status: 0 finished or quit, 1 a step failed (--yes), 2 an input is \
        missing (--yes), 3 a step needs a person (--yes).
        """
    )

    @OptionGroup var options: LessonOptions
    @OptionGroup var session: SessionArguments
    @Argument(help: "A lesson id or a path to a lesson .md file.") var lesson: String
    @Flag(help: "Only show every step with its commands filled in from the defaults; run nothing.")
    var preview = false
    @Flag(help: "Start over even if an unfinished run of this lesson is saved.")
    var restart = false

    func run() throws {
        let loaded = try options.library.load(lesson)
        if preview {
            let style = TextStyle(colour: Platform.useColour)
            print(DisplayWalk(loaded: loaded, width: session.width ?? Platform.terminalWidth, style: style).render(), terminator: "")
            return
        }
        try session.run(loaded, resume: restart ? .startOver : .ask)
    }
}

/// `piwizard resume [LESSON]`: continue the last unfinished run.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Continue an unfinished run where it stopped (the most recent one without LESSON).")

    @OptionGroup var options: LessonOptions
    @OptionGroup var session: SessionArguments
    @Argument(help: "A lesson id or path; default: the most recently saved unfinished run.") var lesson: String?

    func run() throws {
        let runs = try session.state.store.all().filter { !$0.finished }
        let name: String
        if let lesson {
            name = lesson
        } else if let latest = runs.first {
            name = FileManager.default.fileExists(atPath: latest.lessonFile) ? latest.lessonFile : latest.lessonID
        } else {
            throw ValidationError("no unfinished run to resume; start one with: piwizard start LESSON")
        }
        let loaded = try options.library.load(name)
        guard runs.contains(where: { $0.lessonID == loaded.lesson.id }) else {
            throw ValidationError("no unfinished run of '\(loaded.lesson.id)'; start it with: piwizard start \(loaded.lesson.id)")
        }
        try session.run(loaded, resume: .resume)
    }
}

/// The options of a live session, shared by `start` and `resume`.
struct SessionArguments: ParsableArguments {
    @OptionGroup var state: StateOptions
    @Flag(name: [.customShort("y"), .long], help: "Run unattended: every step that can run without a person, with default or given inputs.")
    var yes = false
    @Option(name: .customLong("var"), help: ArgumentHelp("Give an input: NAME=VALUE (repeatable). A list: records separated by ';', fields by spaces.", valueName: "name=value"))
    var assignments: [String] = []
    @Option(name: .customLong("vars"), help: ArgumentHelp("Read inputs from a YAML or JSON file.", valueName: "file"))
    var varsFile: String?
    @Option(name: .customLong("confirm-device"), help: ArgumentHelp("Allow destructive commands on this device when unattended (repeatable).", valueName: "device"))
    var confirmedDevices: [String] = []
    @Option(help: "Wrap to this many columns (default: the terminal's width).") var width: Int?

    func run(_ loaded: LoadedLesson, resume: LiveSession.ResumeChoice) throws {
        let given: [String: InputValue]
        do {
            given = try ProvidedValues.resolve(for: loaded.lesson, assignments: assignments, file: varsFile, environment: Platform.environment)
        } catch {
            throw ValidationError("\(error)")
        }
        let terminal = TerminalFactory.makeTerminal(historyFile: TerminalFactory.historyFile(environment: Platform.environment))
        let options = SessionOptions(
            unattended: yes, confirmedDevices: Set(confirmedDevices), localAddresses: LocalAddresses.current(),
            style: TextStyle(colour: terminal.isInteractive && Platform.useColour), width: width ?? Platform.terminalWidth
        )
        let live = LiveSession(loaded: loaded, given: given, options: options, stateFolder: state.url, resume: resume)
        let (outcome, transcript) = try live.run(on: terminal)
        switch outcome {
        case .finished: break
        case .quit: terminal.write(outcome.message + " Continue with: piwizard resume \(loaded.lesson.id)\n")
        default: Platform.writeError("piwizard: " + outcome.message)
        }
        Platform.writeError("transcript: \(transcript.path)")
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }
}
