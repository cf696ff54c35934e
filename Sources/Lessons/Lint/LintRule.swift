/// One semantic check of a parsed lesson. Rules are pure: they read the lesson and its graph, run nothing.
protocol LintRule {
    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic]
}
