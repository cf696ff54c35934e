/// Runs every lint rule over a lesson and returns all findings, sorted by location.
public enum LessonLinter {
    static var rules: [any LintRule.Type] { [
        DuplicateStepRule.self,
        VariableRule.self,
        ShellTemplateRule.self,
        LoopAndTargetRule.self,
        RequiresRule.self,
        ReachabilityRule.self,
        SafetyRule.self,
        SelfTestRule.self,
        HintRule.self,
        WatchRule.self,
        AnsibleRule.self,
    ] }

    /// Parse diagnostics and rule findings for a lesson's text; `validators` are the built-in
    /// validators a block may name (the Wizard target's registry).
    public static func lint(_ text: String, file: String, validators: [ValidatorSpec]) -> (lesson: Lesson, diagnostics: [Diagnostic]) {
        let result = LessonParser.parse(text, file: file)
        return (result.lesson, (result.diagnostics + lint(result.lesson, validators: validators)).sortedByLocation())
    }

    /// The semantic findings for a parsed lesson.
    public static func lint(_ lesson: Lesson, validators: [ValidatorSpec]) -> [Diagnostic] {
        let graph = StepGraph(lesson: lesson)
        return rules.flatMap { $0.diagnose(lesson, graph: graph) } + ValidatorRule.diagnose(lesson, validators: validators)
    }
}
