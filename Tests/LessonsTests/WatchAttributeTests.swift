import Lessons
import Wizard
import Testing

/// `watch` on a `{show}` block: how often the step's checks are looked at, where it may be written,
/// and that the step has checks to watch.
@Suite struct WatchAttributeTests {
    static func lint(_ blocks: String) -> (Lesson, [Diagnostic]) {
        let text = """
        ---
        id: watching
        title: Watching
        summary: One step done by hand.
        ---
        ## By hand {#by-hand}

        \(blocks)
        """
        let result = LessonLinter.lint(text, file: "watching.md", validators: ValidatorRegistry.specs)
        return (result.lesson, result.diagnostics)
    }

    static let check = "```sh {check}\ntest -f /tmp/x\n```"

    @Test func watchAloneLooksEveryFiveSecondsAndANumberSetsHowOften() {
        let (plain, plainDiagnostics) = Self.lint("```sh {show watch}\ntouch /tmp/x\n```\n\n" + Self.check)
        #expect(plainDiagnostics.isEmpty, "\(plainDiagnostics)")
        #expect(plain.steps[0].blocks[0].watchSeconds == 5)
        let (timed, _) = Self.lint("```sh {show on=console watch=30}\ntouch /tmp/x\n```\n\n" + Self.check)
        #expect(timed.steps[0].blocks[0].watchSeconds == 30)
        #expect(timed.steps[0].blocks[0].target == .console)
    }

    @Test(arguments: [
        ("```sh {run watch}\ntouch /tmp/x\n```\n\n" + check,
         "watching.md:8: watch says that piwizard watches the step's checks while the learner types a {show} block by hand; a {run} block is not one"),
        ("```sh {show watch=0}\ntouch /tmp/x\n```\n\n" + check,
         "watching.md:8: watch= takes a whole number of seconds from 1 to 600 (how often the checks run), not '0'"),
        ("```sh {show watch=often}\ntouch /tmp/x\n```\n\n" + check,
         "watching.md:8: watch= takes a whole number of seconds from 1 to 600 (how often the checks run), not 'often'"),
        ("```sh {show watch}\ntouch /tmp/x\n```",
         "watching.md:8: watch re-runs the step's checks until they pass, and step 'by-hand' has none: add a {check} that proves what the learner does by hand, or remove watch"),
        ("```sh {show watch}\ntouch /tmp/x\n```\n\n```sh {show watch=9}\ntouch /tmp/y\n```\n\n" + check,
         "watching.md:12: step 'by-hand' watches its checks every 5 s at line 8 and every 9 s here: give one number"),
    ])
    func aWatchThatCannotWorkIsAnErrorThatSaysWhy(blocks: String, message: String) {
        let (_, diagnostics) = Self.lint(blocks)
        #expect(diagnostics.filter { $0.severity == .error }.map { "\($0.location.file):\($0.location.line): \($0.message)" } == [message])
    }
}
