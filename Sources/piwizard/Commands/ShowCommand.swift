import ArgumentParser
import Foundation
import Lessons

/// `piwizard show LESSON`: the lesson rendered for reading in the terminal.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a lesson rendered for the terminal.")

    @OptionGroup var options: LessonOptions
    @Argument(help: "A lesson id or a path to a lesson .md file.") var lesson: String
    @Option(help: "Wrap to this many columns (default: the terminal's width).") var width: Int?

    func run() throws {
        let library = options.library
        let url = try library.resolve(lesson)
        let (parsed, diagnostics) = try library.lint(url)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let renderer = LessonRenderer(width: width ?? Platform.terminalWidth, style: TextStyle(colour: Platform.useColour))
        print(renderer.render(parsed, fileText: text), terminator: "")
        if diagnostics.hasErrors {
            Platform.writeError("note: \(library.displayPath(url)) has lint errors; run 'piwizard lint \(lesson)'")
        }
    }
}
