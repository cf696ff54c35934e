/// `requires` must name existing steps and must not make the graph circular.
enum RequiresRule: LintRule {
    static func dangling(_ id: String, steps: [String], at location: SourceLocation) -> Diagnostic {
        .error("requires '\(id)', but no step has that id\(Suggestion.didYouMean(id, in: steps))", at: location)
    }

    static func cycle(_ path: [String], at location: SourceLocation) -> Diagnostic {
        .error("steps depend on each other in a cycle: \(path.joined(separator: " → ")); a step can only require steps that come before it", at: location)
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        let ids = graph.steps.map(\.id)
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            for reference in step.requires where graph.step(reference.id) == nil {
                diagnostics.append(dangling(reference.id, steps: ids, at: reference.location))
            }
        }
        var reported = Set<Set<String>>()
        for path in graph.cycles() where reported.insert(Set(path)).inserted {
            // Report where the closing `requires` was written.
            let closing = zip(path, path.dropFirst()).lazy.compactMap { from, to in
                graph.step(to)?.requires.first { $0.id == from }?.location
            }.first
            diagnostics.append(cycle(path, at: closing ?? graph.step(path[0])?.location ?? SourceLocation(file: lesson.file, line: 1)))
        }
        return diagnostics
    }
}
