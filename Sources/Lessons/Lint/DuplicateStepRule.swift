/// Step ids must be unique: saved progress and `requires` find steps by id.
enum DuplicateStepRule: LintRule {
    static func duplicate(_ id: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error("duplicate step id '\(id)' (first used at line \(first.line)); give one of them an explicit {#id}", at: location)
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            if let earlier = first[step.id] {
                diagnostics.append(duplicate(step.id, first: earlier, at: step.location))
            } else {
                first[step.id] = step.location
            }
        }
        return diagnostics
    }
}
