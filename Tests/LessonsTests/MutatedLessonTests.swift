import Foundation
import Lessons
import MutationTestSupport
import Testing
import Wizard

/// Broken variants of the shipped lessons, made by a seeded mutator, go through the parser and lint
/// as `piwizard lint` reads them: each is read to the end without a crash, and every problem found is
/// a diagnostic on a line of the file. (`fuzz/run` searches the same readers with libFuzzer.)
@Suite struct MutatedLessonTests {
    static let tokens = ["\n```sh {run}\n", "\n```\n", "\n~~~\n", "\n---\n", "\n...\n", "\n## ", "\n# ", "{{", "}}",
                         "{{ nodes.0.ip }}", "{{#each nodes}}", " foreach=nodes", " when=", " on=node", " {run}",
                         ": ", "\n- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "\t", "\r\n", "\r", "\n> ", "\n<!-- ", "`"]

    @Test(arguments: ["tour.md", "expand-cluster.md"])
    func everyVariantIsReadToTheEndWithItsProblemsOnItsLines(lesson: String) throws {
        let original = Array(try Data(contentsOf: Paths.lessons.appendingPathComponent(lesson)))
        var mutator = SeededMutator(seed: 0x5EED_0000 &+ UInt64(lesson.utf8.count), tokens: Self.tokens)
        for round in 0..<400 {
            let text = String(decoding: mutator.mutate(original), as: UTF8.self)
            let result = LessonLinter.lint(text, file: lesson, validators: ValidatorRegistry.specs)
            let lines = Self.lineCount(text)
            let outside = result.diagnostics.filter { $0.location.line < 1 || $0.location.line > lines + 1 || $0.location.file != lesson }
            #expect(outside.isEmpty, "variant \(round) of \(lesson): \(outside)")
        }
    }

    /// At most as many lines as CommonMark counts: a line ends at `\n`, `\r\n` or a lone `\r`.
    static func lineCount(_ text: String) -> Int {
        text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
    }

    /// Found by `fuzz/run`: cmark ends a line at a lone `\r` and the parser did not, so a block's lines
    /// were past the parser's last line and the range between them trapped.
    @Test func aLessonWithCarriageReturnLineEndingsReadsAsWithNewlines() throws {
        let original = try String(contentsOf: Paths.lessons.appendingPathComponent("tour.md"), encoding: .utf8)
        let unix = LessonLinter.lint(original, file: "tour.md", validators: ValidatorRegistry.specs)
        let classicMac = LessonLinter.lint(original.replacingOccurrences(of: "\n", with: "\r"), file: "tour.md", validators: ValidatorRegistry.specs)
        #expect(classicMac.lesson.steps.map(\.id) == unix.lesson.steps.map(\.id))
        #expect(classicMac.diagnostics.map(\.description) == unix.diagnostics.map(\.description))
        #expect(!unix.lesson.steps.isEmpty)
        // The fuzzer's input that trapped: now read, with its problem on one of its three lines.
        let probe = LessonLinter.lint("\r\r#", file: "cr.md", validators: ValidatorRegistry.specs)
        #expect(probe.diagnostics.contains { $0.severity == .error }, "a file without front matter is an error")
        #expect(probe.diagnostics.allSatisfy { (1...3).contains($0.location.line) }, "\(probe.diagnostics)")
    }

    @Test func anUnterminatedFenceAddedAnywhereIsAnError() throws {
        let original = try String(contentsOf: Paths.lessons.appendingPathComponent("tour.md"), encoding: .utf8)
        let text = original + "\n```sh {run}\necho never closed\n"
        let result = LessonLinter.lint(text, file: "tour.md", validators: ValidatorRegistry.specs)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("fence") })
    }
}
