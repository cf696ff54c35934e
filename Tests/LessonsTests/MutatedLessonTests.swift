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
                         ": ", "\n- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "\t", "\r\n", "\n> ", "\n<!-- ", "`"]

    @Test(arguments: ["tour.md", "expand-cluster.md"])
    func everyVariantIsReadToTheEndWithItsProblemsOnItsLines(lesson: String) throws {
        let original = Array(try Data(contentsOf: Paths.lessons.appendingPathComponent(lesson)))
        var mutator = SeededMutator(seed: 0x5EED_0000 &+ UInt64(lesson.utf8.count), tokens: Self.tokens)
        for round in 0..<400 {
            let text = String(decoding: mutator.mutate(original), as: UTF8.self)
            let result = LessonLinter.lint(text, file: lesson, validators: ValidatorRegistry.specs)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let outside = result.diagnostics.filter { $0.location.line < 1 || $0.location.line > lines + 1 || $0.location.file != lesson }
            #expect(outside.isEmpty, "variant \(round) of \(lesson): \(outside)")
        }
    }

    @Test func anUnterminatedFenceAddedAnywhereIsAnError() throws {
        let original = try String(contentsOf: Paths.lessons.appendingPathComponent("tour.md"), encoding: .utf8)
        let text = original + "\n```sh {run}\necho never closed\n"
        let result = LessonLinter.lint(text, file: "tour.md", validators: ValidatorRegistry.specs)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("fence") })
    }
}
