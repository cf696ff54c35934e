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
            // Given values are checked as a session checks them, and fill the commands in.
            let setUp = try SessionSetUp(loaded, given: session.values, options: SessionOptions())
            _ = try setUp.checkedInputs()
            let style = TextStyle(colour: Platform.useColour)
            print(DisplayWalk(loaded: loaded, width: session.width ?? Platform.terminalWidth, style: style, given: setUp.sources.provided).render(), terminator: "")
            return
        }
        try session.run(loaded, resume: restart ? .startOver : .ask)
    }
}
