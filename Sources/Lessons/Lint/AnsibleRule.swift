/// `{ansible}` blocks: they run where the lesson has hosts (`on=node` in a loop, `on=master` with a
/// declared master), their conditions test choices, and every variable their Jinja reads is an input
/// (never a secret: piwizard does not export secrets), the loop's record, Ansible's own, or one the
/// tasks make.
enum AnsibleRule: LintRule {
    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            for tasks in step.ansible {
                diagnostics += placeProblems(tasks, step: step, lesson: lesson)
                if let condition = tasks.condition {
                    diagnostics += LoopAndTargetRule.problems(in: condition, attribute: "when", of: step, lesson: lesson, at: tasks.location)
                    if tasks.target != .node, let loop = step.loop, condition.terms.contains(where: { $0.variable.root == loop.variable }) {
                        diagnostics.append(.error("when=\"\(condition)\" tests the step's record, and tasks on=\(tasks.target.rawValue) run once, not for each record: test it in the tasks, or run them on=node", at: tasks.location))
                    }
                }
                guard let list = AnsibleTaskList(tasks.body) else { continue }
                diagnostics += nameProblems(list, tasks: tasks, step: step, lesson: lesson)
            }
        }
        return diagnostics
    }

    /// The inputs the tasks read: in their Jinja (an input `admin-group` is `admin_group` there) and in
    /// their `when=`.
    static func inputsRead(by tasks: AnsibleTasks, lesson: Lesson) -> Set<String> {
        var names = Set((tasks.condition?.terms ?? []).map(\.variable.root))
        for reference in AnsibleTaskList(tasks.body)?.references ?? [] {
            if let input = input(named: reference.name, in: lesson) { names.insert(input.name) }
        }
        return names
    }

    /// The input Ansible knows by `name`.
    static func input(named name: String, in lesson: Lesson) -> InputDeclaration? {
        lesson.inputs.first { AnsibleYAML.name($0.name) == name }
    }

    private static func placeProblems(_ tasks: AnsibleTasks, step: Step, lesson: Lesson) -> [Diagnostic] {
        switch tasks.target {
        case .node where step.loop == nil:
            return [LoopAndTargetRule.targetOutsideLoop(.node, at: tasks.location)]
        case .master where lesson.metadata.hosts.master == nil:
            return [.error("on=master needs the lesson to say which record is the master (front matter: hosts: { master: LIST.FIELD == VALUE }): the playbook's master group is made from it", at: tasks.location)]
        default:
            return []
        }
    }

    private static func nameProblems(_ list: AnsibleTaskList, tasks: AnsibleTasks, step: Step, lesson: Lesson) -> [Diagnostic] {
        var known = list.definedNames.union(AnsibleTaskList.ansibleNames)
        if tasks.target == .node, let loop = step.loop { known.insert(loop.variable) }
        var reported: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for reference in list.references where !known.contains(reference.name) && !reference.name.hasPrefix("ansible_") {
            let here = tasks.bodyLocation.offset(lines: reference.line - 1)
            guard reported.insert(reference.name).inserted else { continue }
            if let input = input(named: reference.name, in: lesson) {
                if input.type == .secret {
                    diagnostics.append(.error("'\(reference.name)' is a secret: piwizard never exports it; for sudo write become: true (Ansible asks for the password with -K)", at: here))
                }
                continue
            }
            if reference.name == step.loop?.variable {
                diagnostics.append(.error("'\(reference.name)' is the step's record, which only tasks on=node have; tasks on=\(tasks.target.rawValue) run once: loop over the list yourself (loop: \"{{ \(step.loop?.list ?? "") }}\" with loop_control: { loop_var: \(reference.name) })", at: here))
                continue
            }
            let candidates = (step.loop.map { [$0.variable] } ?? []) + lesson.inputs.map(\.name)
            diagnostics.append(.error("'\(reference.name)' in the Ansible tasks is no input of the lesson\(Suggestion.didYouMean(reference.name, in: candidates)) and nothing the tasks make (register:, vars:, loop_var:, set_fact:); Ansible would stop at it as undefined", at: here))
        }
        return diagnostics
    }
}
