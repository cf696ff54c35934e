import Lessons
import Testing
@testable import Wizard

/// The step's header on a narrow screen: the progress bar and its count stay together, beside the
/// title when both fit, else on a line of their own.
@Suite struct StepHeaderTests {
    static func header(title: String, width: Int) throws -> [String] {
        let lesson = try TestLessons.load(TestLessons.cluster, id: "mini-cluster").lesson
        var step = lesson.steps[0]
        step.title = title
        let presenter = SessionPresenter(lesson: lesson, style: .plain, width: width)
        let text = presenter.header(step: step, number: 1, total: 4, settled: 0, item: nil, itemNumber: nil)
        return ScreenWrap.fit(text, width: width).split(separator: "\n").map(String.init)
    }

    @Test(arguments: [20, 21, 22, 23, 24, 40])
    func theBarAndItsCountAreNeverParted(titleLength: Int) throws {
        // `Step 1 of 4 · ` and a title of this length: at 60 columns the bar fits after the shorter ones
        // only, and its count would fit after it only for some.
        let lines = try Self.header(title: String(repeating: "x", count: titleLength), width: 60)
        let bar = try #require(lines.first { $0.contains("[░") })
        #expect(bar.hasSuffix("] 0/4"), "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 60 })
    }

    @Test func theBarIsBesideTheTitleWhenBothFit() throws {
        #expect(try Self.header(title: "Prepare", width: 80) == ["Step 1 of 4 · Prepare  [░░░░░░░░░░░░░░░░░░░░] 0/4"])
        #expect(try Self.header(title: String(repeating: "x", count: 40), width: 60)
                    == ["Step 1 of 4 · " + String(repeating: "x", count: 40), "  [░░░░░░░░░░░░░░░░░░░░] 0/4"])
    }
}
