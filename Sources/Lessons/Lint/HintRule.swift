/// Hints bound to checks (`> **Hint for ID:**`) name checks of their own step, by ids that are
/// unique there.
enum HintRule: LintRule {
    static func unknownCheck(_ id: String, step: Step, ids: [String], at location: SourceLocation) -> Diagnostic {
        let known = ids.isEmpty ? "it has no check with an id= (give the check one, e.g. {check id=\(id)})" : "its checks are: \(ids.joined(separator: ", "))"
        return .error("this hint explains '\(id)', but step '\(step.id)' has no check with id=\(id)\(Suggestion.didYouMean(id, in: ids)); \(known)", at: location)
    }

    static func duplicateID(_ id: String, step: Step, at location: SourceLocation) -> Diagnostic {
        .error("id=\(id) names another check of step '\(step.id)' already; a hint would not know which it explains", at: location)
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            var ids: [String] = []
            for block in step.blocks {
                guard let id = block.checkID else { continue }
                if ids.contains(id) { diagnostics.append(duplicateID(id, step: step, at: block.location)) } else { ids.append(id) }
            }
            for hint in step.hints {
                for id in hint.checks where !ids.contains(id) {
                    diagnostics.append(unknownCheck(id, step: step, ids: ids, at: hint.location))
                }
            }
        }
        return diagnostics
    }
}
