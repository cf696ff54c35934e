import Yams

/// `{ansible}` fences: a step's Ansible tasks, with where they run (`on=`) and for which values (`when=`).
extension LessonParser {
    /// The Ansible tasks of a fence whose braces start with `ansible`; nil for any other fence.
    mutating func parseAnsibleFence(info cmarkInfo: String, literal: String, fenceLine: String, at start: SourceLocation) -> AnsibleTasks? {
        let (info, infoColumn) = Self.writtenInfo(of: fenceLine) ?? (cmarkInfo, 1)
        let (languagePart, attributes) = AttributeList.split(info, column: start.column + infoColumn - 1)
        guard let attributes, let first = attributes.attributes.first, first.key == AnsibleTasks.kindWord, first.value == nil else { return nil }
        report(attributes.problems, line: start.line)
        let body = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        var tasks = AnsibleTasks(body: body, target: .local, location: start)
        var wroteTarget = false
        for attribute in attributes.attributes.dropFirst() {
            let here = start.at(column: attribute.column)
            switch (attribute.key, attribute.value) {
            case ("on", let value?):
                wroteTarget = true
                guard let target = Target(rawValue: value), AnsibleTasks.targets.contains(target) else {
                    error("Ansible tasks run on=\(AnsibleTasks.targets.map(\.rawValue).joined(separator: ", on=")), not on=\(value)", at: here)
                    continue
                }
                tasks.target = target
            case ("when", let value?):
                guard let condition = Condition(parsing: value) else {
                    error("cannot read the condition '\(value)' of when=; write when=\"VAR == VALUE\" (several joined with 'and')", at: here)
                    continue
                }
                tasks.condition = condition
            case ("on", nil), ("when", nil):
                error("block attribute '\(attribute.key)' needs a value, e.g. \(attribute.key)=...", at: here)
            default:
                error("an {ansible} block takes on= (node, master or local) and when=, not '\(attribute.key)'", at: here)
            }
        }
        if !wroteTarget { error("say where the tasks run: on=node (each of the step's records), on=master or on=local", at: start) }
        let language = languagePart.split(separator: " ").first.map(String.init) ?? ""
        if language != "yaml" && language != "yml" { error("an {ansible} block holds YAML: open it with ```yaml {ansible …}", at: start) }
        checkTaskList(tasks)
        return tasks
    }

    /// The body must be a YAML list of tasks (mappings), each with at least one key.
    private mutating func checkTaskList(_ tasks: AnsibleTasks) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: tasks.body)
        } catch {
            let failure = YAMLFailure(error)
            let lines = tasks.body.split(separator: "\n", omittingEmptySubsequences: false).count
            let line = min(failure.line, lines)
            self.error("the Ansible tasks are not valid YAML: \(failure.problem)",
                       at: tasks.bodyLocation.offset(lines: line - 1, column: line == failure.line ? failure.column : 1))
            return
        }
        guard let list = node?.sequence, !list.isEmpty else {
            error("an {ansible} block holds a list of tasks ('- name: …' lines), as a playbook's tasks: section does", at: tasks.bodyLocation)
            return
        }
        for task in list where (task.mapping?.count ?? 0) == 0 {
            error("each task of an {ansible} block is a mapping ('- name: …' then the module, e.g. 'ansible.builtin.copy:')",
                  at: tasks.bodyLocation.offset(lines: (task.mark?.line ?? 1) - 1, column: task.mark?.column ?? 1))
        }
    }
}
