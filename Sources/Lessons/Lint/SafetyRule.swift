/// Destructive commands need a precondition; steps that change something need a check to prove it.
enum SafetyRule: LintRule {
    static func unguarded(at location: SourceLocation) -> Diagnostic {
        .error("destructive command with no precondition: add a {precondition} block that proves the target is the right one (e.g. validator=block-device)", at: location)
    }

    static func unchecked(_ step: Step) -> Diagnostic {
        .warning("step '\(step.id)' changes something but has no {check} to prove it worked (mark look-only commands readonly)", at: step.location)
    }

    static func empty(_ step: Step) -> Diagnostic {
        .warning("step '\(step.id)' has no commands or checks; the learner can only read it", at: step.location)
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            if step.blocks.isEmpty {
                diagnostics.append(empty(step))
                continue
            }
            let hasPrecondition = !step.blocks(.precondition).isEmpty
            for block in step.blocks where block.destructive && !hasPrecondition {
                diagnostics.append(unguarded(at: block.location))
            }
            if step.blocks.contains(where: \.changesSomething) && step.blocks(.check).isEmpty {
                diagnostics.append(unchecked(step))
            }
        }
        return diagnostics
    }
}
