import ArgumentParser
import Foundation
import Lessons
import Wizard

/// `piwizard list`: the lessons that can be started.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the lessons: id, title, steps (as a session with the defaults counts them) and time.")

    @OptionGroup var options: LessonOptions
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let library = options.library
        let entries = library.lessonFiles().map { file -> LessonListing.Entry in
            do {
                let (lesson, diagnostics) = try library.lint(file.url)
                // As many steps as a session with the lesson's defaults counts (a branch not taken is none).
                let steps = StepValues(lesson: lesson, assets: "", inputs: lesson.defaultInputs).position(ofStep: 0).total
                return LessonListing.Entry(lesson: lesson, path: library.displayPath(file.url),
                                           errors: diagnostics.filter { $0.severity == .error }.count, steps: lesson.steps.isEmpty ? 0 : steps)
            } catch {
                return LessonListing.Entry(id: file.id, title: "(unreadable)", summary: "\(error)", steps: 0, time: nil,
                                           path: library.displayPath(file.url), errors: 1)
            }
        }
        if json {
            print(LessonListing.json(entries))
        } else if entries.isEmpty {
            Platform.writeError("no lessons found; looked in: \(library.searched.map(library.displayPath).joined(separator: ", ")) (use --lessons DIR)")
        } else {
            Platform.show(LessonListing.table(entries, style: TextStyle(colour: Platform.useColour)), terminator: "")
        }
    }
}
