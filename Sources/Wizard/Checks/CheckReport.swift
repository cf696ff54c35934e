import Lessons

/// What `piwizard check` found, step by step and node by node: the records its text and its JSON
/// (docs/json-output.md, schema 1) are both made from.
public struct CheckReport: Sendable, Hashable, Codable {
    public static let currentSchema = 1

    /// One step's checks for every item.
    public struct StepResult: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var items: [ItemResult]
        /// Why the step was not checked (its checks look at a card, and the reader holds none); nil when it was.
        public var notChecked: String?
    }

    /// One loop item's (or the step's, `item` nil) checks.
    public struct ItemResult: Sendable, Hashable, Codable {
        public var item: String?
        public var passed: Bool
        public var checks: [CheckOutcome]
    }

    public var schema = Self.currentSchema
    public var lesson: String
    public var steps: [StepResult] = []

    public init(lesson: String) {
        self.lesson = lesson
    }

    public mutating func add(_ step: Step, verdicts: [StepChecker.ItemVerdict]) {
        steps.append(StepResult(id: step.id, title: step.title, items: verdicts.map {
            ItemResult(item: $0.item?.label, passed: $0.passed, checks: $0.outcomes)
        }))
    }

    /// A step whose checks are not asked, and why.
    public mutating func skip(_ step: Step, because reason: String) {
        steps.append(StepResult(id: step.id, title: step.title, items: [], notChecked: reason))
    }

    public var checked: Int { steps.reduce(0) { $0 + $1.items.count } }
    public var failed: Int { steps.reduce(0) { $0 + $1.items.filter { !$0.passed }.count } }

    /// One step's lines: a passed item on one line, a failed one with each check.
    public static func text(_ step: StepResult, style: TextStyle) -> String {
        var lines = [style.apply(.bold, to: step.id) + "  " + step.title]
        if let reason = step.notChecked { lines.append("  – not checked: \(reason)") }
        for item in step.items {
            let label = item.item ?? "-"
            if item.passed {
                lines.append("  " + style.apply(.green, to: "✓") + " \(label)  " + item.checks.map(\.title).joined(separator: " · "))
            } else {
                lines.append("  " + style.apply(.red, to: "✗") + " \(label)")
                for check in item.checks {
                    lines.append("      " + (check.passed ? "✓ " + check.title : "✗ \(check.title): expected \(check.expected), found \(check.found)"))
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    public var verdict: String {
        let skipped = steps.filter { $0.notChecked != nil }.count
        let notChecked = skipped == 0 ? "" : " (\(skipped) step\(skipped == 1 ? "" : "s") not checked: no card in the reader)"
        let stepsChecked = steps.filter { !$0.items.isEmpty }.count
        let stepsFailed = steps.filter { $0.items.contains { !$0.passed } }.count
        let noun = "step\(stepsChecked == 1 ? "" : "s")"
        let perNode = checked == stepsChecked ? "" : failed == 0
            ? ", \(checked) times in all (a step for every node is checked on each)"
            : " (\(failed) of the \(checked) times: a step for every node is checked on each)"
        return (failed == 0 ? "Every check passes: \(stepsChecked) \(noun) checked\(perNode)." : "\(stepsFailed) of \(stepsChecked) \(noun) checked fail\(perNode).") + notChecked
    }
}
