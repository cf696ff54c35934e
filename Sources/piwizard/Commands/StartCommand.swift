import ArgumentParser
import Foundation
import Lessons

/// `piwizard start LESSON`: walk through a lesson. Until the interactive wizard lands this is the
/// display-only walk: every step with its commands filled in from the defaults; nothing is run.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Walk through a lesson (display-only for now: shows each step's commands, runs nothing)."
    )

    @OptionGroup var options: LessonOptions
    @Argument(help: "A lesson id or a path to a lesson .md file.") var lesson: String
    @Option(help: "Wrap to this many columns (default: the terminal's width).") var width: Int?

    func run() throws {
        let loaded = try options.library.load(lesson)
        let walk = DisplayWalk(loaded: loaded, width: width ?? Platform.terminalWidth, style: TextStyle(colour: Platform.useColour))
        print(walk.render(), terminator: "")
    }
}
