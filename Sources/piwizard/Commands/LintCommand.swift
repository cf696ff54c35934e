import ArgumentParser
import Foundation
import Lessons

/// `piwizard lint [LESSON...]`: every problem in the lessons, as `file:line:column: severity: message`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lessons and report every problem at once; exits 1 on errors.",
        discussion: "Without arguments, checks every lesson that 'piwizard list' shows. Lint runs nothing."
    )

    @OptionGroup var options: LessonOptions
    @Argument(help: "Lesson ids or paths to lesson .md files.") var lessons: [String] = []
    @Flag(help: "Do not print warnings.") var quiet = false

    func run() throws {
        let library = options.library
        let urls = lessons.isEmpty ? library.lessonFiles().map(\.url) : try lessons.map(library.resolve)
        var errors = 0
        var warnings = 0
        for url in urls {
            let (_, diagnostics) = try library.lint(url)
            for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
                Platform.show("\(diagnostic)")
            }
            errors += diagnostics.filter { $0.severity == .error }.count
            warnings += diagnostics.filter { $0.severity == .warning }.count
        }
        fflush(nil)  // the findings before the count, when both go to one terminal
        Platform.writeError("\(urls.count) lesson\(urls.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode.failure }
    }
}
