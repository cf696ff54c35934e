/// The lesson's self-test (`piwizard test`): a drill names one of its step's hints and breaks something
/// where the step's checks look; a repair follows a drill; a solution and a drill need checks to prove
/// anything; `may-pass-before` tests what a condition may test.
enum SelfTestRule: LintRule {
    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            let checks = step.blocks(.check)
            for (offset, block) in step.blocks.enumerated() {
                switch block.kind {
                case .drill:
                    if checks.isEmpty {
                        diagnostics.append(.error("a drill proves that the step's checks catch a fault, but step '\(step.id)' has no {check}", at: block.location))
                    } else if !checksLook(checks, at: block.target) {
                        let places = Set(checks.map(\.target.rawValue)).sorted().joined(separator: ", ")
                        diagnostics.append(.warning("this drill breaks something on=\(block.target.rawValue), but the step's checks look on=\(places): run it where they look", at: block.location))
                    }
                    if let condition = block.condition {
                        diagnostics += LoopAndTargetRule.problems(in: condition, attribute: "when", of: step, lesson: lesson, at: block.location)
                    }
                    if let hint = block.drillHint, hint > step.hints.count {
                        let has = step.hints.isEmpty ? "has no hints" : "has \(step.hints.count) hint\(step.hints.count == 1 ? "" : "s")"
                        diagnostics.append(.error("hint=\(hint): step '\(step.id)' \(has); a drill names the hint (from 1) that explains its fault", at: block.location))
                    }
                case .repair:
                    let previous = step.blocks[..<offset].last { $0.kind.isSelfTest || $0.kind == .run }
                    if previous?.kind != .drill {
                        diagnostics.append(.error("a {repair} undoes the {drill} just before it: put it right after one", at: block.location))
                    }
                case .solve:
                    if checks.isEmpty {
                        diagnostics.append(.error("a solution must make the step's checks pass, but step '\(step.id)' has no {check}", at: block.location))
                    }
                    if step.blocks(.solve).first?.location != block.location {
                        diagnostics.append(.error("step '\(step.id)' has more than one {solve} block: write the learner's command as one", at: block.location))
                    }
                default:
                    break
                }
            }
            if let condition = step.checksMayPassBefore {
                let location = step.checksMayPassBeforeLocation ?? step.location
                if checks.isEmpty {
                    diagnostics.append(.warning("may-pass-before says the step's checks may hold before it runs, but it has no {check}", at: location))
                }
                diagnostics += LoopAndTargetRule.problems(in: condition, attribute: "may-pass-before", of: step, lesson: lesson, at: location)
            }
        }
        return diagnostics
    }

    /// Whether a check looks where `target` is: one runs there, or a validator on the master or this
    /// machine reaches the nodes itself.
    private static func checksLook(_ checks: [Block], at target: Target) -> Bool {
        checks.contains { check in
            check.target == target || (check.validator != nil && target == .node && (check.target == .master || check.target == .local))
        }
    }
}
