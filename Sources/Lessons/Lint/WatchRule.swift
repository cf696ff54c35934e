/// A `{show watch}` block makes piwizard re-run its step's checks until they pass: the step needs a
/// check to watch, and one watch per step (there is one set of checks to watch).
enum WatchRule: LintRule {
    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            let watched = step.blocks.filter { $0.watchSeconds != nil }
            guard let first = watched.first else { continue }
            if step.blocks(.check).isEmpty {
                diagnostics.append(.error("watch re-runs the step's checks until they pass, and step '\(step.id)' has none: add a {check} that proves what the learner does by hand, or remove watch", at: first.location))
            }
            for other in watched.dropFirst() where other.watchSeconds != first.watchSeconds {
                diagnostics.append(.error("step '\(step.id)' watches its checks every \(first.watchSeconds!) s at line \(first.location.line) and every \(other.watchSeconds!) s here: give one number", at: other.location))
            }
        }
        return diagnostics
    }
}
