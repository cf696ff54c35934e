/// A step whose condition can never hold, or that requires such a step, can never run.
enum ReachabilityRule: LintRule {
    static func impossible(_ step: Step, _ condition: Condition.Term, choices: [String], at location: SourceLocation) -> Diagnostic {
        .error("step '\(step.id)' is unreachable: \(condition.variable) is never '\(condition.value)' (it is one of: \(choices.joined(separator: ", ")))", at: location)
    }

    static func blocked(_ step: Step, by required: String, at location: SourceLocation) -> Diagnostic {
        .error("step '\(step.id)' is unreachable: it requires '\(required)', which can never run", at: location)
    }

    /// The values a condition's variable can take, or nil when they are not known (lint reports that elsewhere).
    static func possibleValues(of path: TemplatePath, in step: Step, lesson: Lesson) -> [String]? {
        let declaration: InputDeclaration?
        if let loop = step.loop, path.root == loop.variable {
            declaration = path.field.flatMap { lesson.input(named: loop.list)?.field(named: $0) }
        } else {
            declaration = path.field == nil ? lesson.input(named: path.root) : nil
        }
        switch declaration?.type {
        case .choice?: return declaration?.choices
        case .bool?: return ["true", "false"]
        default: return nil
        }
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var unreachable = Set<String>()
        var diagnostics: [Diagnostic] = []
        for step in graph.steps {
            for term in step.condition?.terms ?? [] {
                guard let values = possibleValues(of: term.variable, in: step, lesson: lesson),
                      !values.contains(where: { term.holds(for: $0) }) else { continue }
                unreachable.insert(step.id)
                diagnostics.append(impossible(step, term, choices: values, at: step.conditionLocation ?? step.location))
            }
        }
        // Anything that requires an unreachable step is unreachable too.
        var changed = true
        while changed {
            changed = false
            for step in graph.steps where !unreachable.contains(step.id) {
                if let reference = step.requires.first(where: { unreachable.contains($0.id) }) {
                    unreachable.insert(step.id)
                    diagnostics.append(blocked(step, by: reference.id, at: reference.location))
                    changed = true
                }
            }
        }
        return diagnostics
    }
}
