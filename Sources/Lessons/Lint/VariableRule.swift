/// Every `{{...}}` must name a declared input, a loop variable's field or a built-in; every input must be
/// used. (Where a template sits in a command is `ShellTemplateRule`'s.)
enum VariableRule: LintRule {
    static func undeclared(_ name: String, candidates: [String], at location: SourceLocation) -> Diagnostic {
        .error("undeclared variable '\(name)'\(Suggestion.didYouMean(name, in: candidates)); declare it under inputs: in the front matter", at: location)
    }

    static func notAReference(_ raw: String, at location: SourceLocation) -> Diagnostic {
        .error("'{{\(raw)}}' is not a variable reference; write {{name}} or {{name.field}}", at: location)
    }

    static func badField(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error(message, at: location)
    }

    static func unused(_ input: InputDeclaration) -> Diagnostic {
        .warning("input '\(input.name)' is declared but never used", at: input.location)
    }

    static func listAttached(_ raw: String, at location: SourceLocation) -> Diagnostic {
        .warning("'{{\(raw)}}' becomes one word per record, so text joined to it attaches only to the first or last; put it in a word of its own (e.g. for x in {{\(raw)}}; do ... \"$x\"...; done)", at: location)
    }

    static func secretShown(_ name: String, at location: SourceLocation) -> Diagnostic {
        .warning("secret '\(name)' would be shown on screen here; use it only in commands", at: location)
    }

    /// Where templates are found: text, its location, and whether it becomes a shell command.
    struct Source {
        var text: String
        var location: SourceLocation
        var isShell: Bool
        var isDisplayed: Bool
        var step: Step?
    }

    static func sources(of lesson: Lesson) -> [Source] {
        var sources = lesson.introduction.map { Source(text: $0.markdown, location: $0.location, isShell: false, isDisplayed: true, step: nil) }
        sources += lesson.inputs.map { Source(text: $0.prompt, location: $0.location, isShell: false, isDisplayed: true, step: nil) }
        for step in lesson.steps {
            sources.append(Source(text: step.title, location: step.location, isShell: false, isDisplayed: true, step: step))
            sources += step.prose.map { Source(text: $0.markdown, location: $0.location, isShell: false, isDisplayed: true, step: step) }
            sources += step.hints.map { Source(text: $0.text, location: $0.location, isShell: false, isDisplayed: true, step: step) }
            for block in step.blocks {
                let isShell = block.templateQuoting == .shell
                sources.append(Source(text: block.body, location: block.bodyLocation, isShell: isShell, isDisplayed: block.kind == .show, step: step))
            }
        }
        return sources
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var used = Set<String>()
        let inputNames = lesson.inputs.map(\.name)
        for step in lesson.steps {
            if let loop = step.loop { used.insert(loop.list) }
            for term in step.condition?.terms ?? [] { used.insert(term.variable.root) }
            for term in step.blocks.flatMap({ $0.condition?.terms ?? [] }) { used.insert(term.variable.root) }
            for tasks in step.ansible { used.formUnion(AnsibleRule.inputsRead(by: tasks, lesson: lesson)) }
        }
        for input in lesson.inputs {
            for declaration in [input] + input.fields {
                if let subnet = declaration.sameSubnetAs { used.insert(subnet) }
            }
        }
        // The sudo password is used by every command that runs sudo on another host.
        if let password = lesson.sudoPasswordInput, lesson.steps.contains(where: { $0.blocks.contains(where: \.runsSudoElsewhere) }) {
            used.insert(password.name)
        }
        for source in sources(of: lesson) {
            for reference in TemplateReference.scan(source.text) {
                let location = source.location.offset(lines: reference.line, column: reference.line == 0 ? source.location.column + reference.column - 1 : reference.column)
                guard let path = reference.path else {
                    diagnostics.append(notAReference(reference.raw, at: location))
                    continue
                }
                if source.isShell, !reference.isSeparateWord, path.field != "count",
                          lesson.input(named: path.root)?.type == .list {
                    diagnostics.append(listAttached(reference.raw, at: location))
                }
                if let problem = problem(with: path, in: source.step, lesson: lesson) {
                    if problem.isUndeclared, lesson.unreadableInputs.contains(path.root) { continue }
                    diagnostics.append(problem.isUndeclared
                        ? undeclared(path.root, candidates: inputNames + (source.step?.loop.map { [$0.variable] } ?? []), at: location)
                        : badField(problem.message, at: location))
                    continue
                }
                if source.step?.loop?.variable == path.root, let list = source.step?.loop?.list {
                    used.insert(list)
                } else {
                    used.insert(path.root)
                }
                if source.isDisplayed, lesson.input(named: path.root)?.type == .secret {
                    diagnostics.append(secretShown(path.root, at: location))
                }
            }
        }
        // The `hosts:` inputs are used by every block and check that reaches another host.
        let reachesHosts = lesson.steps.contains { step in
            step.blocks.contains { $0.target == .node || $0.target == .master || $0.validator != nil } || step.ansible.contains { $0.target != .local }
        }
        if reachesHosts { used.formUnion(lesson.inputsToReach(.master)) }
        for input in lesson.inputs where !used.contains(input.name) {
            diagnostics.append(unused(input))
        }
        return diagnostics
    }

    /// Why a path cannot be filled in, or nil when it can.
    static func problem(with path: TemplatePath, in step: Step?, lesson: Lesson) -> (message: String, isUndeclared: Bool)? {
        if path.root == "lesson" {
            return ["id", "assets"].contains(path.field ?? "") ? nil : ("the built-in 'lesson' has the fields id and assets", false)
        }
        if let loop = step?.loop, path.root == loop.variable {
            guard let list = lesson.input(named: loop.list), list.type == .list else { return nil }  // reported by LoopAndTargetRule
            let fields = list.fields.map(\.name)
            guard let field = path.field else {
                return ("'{{\(path.root)}}' is a whole record; use {{\(path.root).FIELD}} with one of: \(fields.joined(separator: ", "))", false)
            }
            return fields.contains(field) ? nil : ("'\(loop.list)' records have no field '\(field)'; they have: \(fields.joined(separator: ", "))", false)
        }
        guard let input = lesson.input(named: path.root) else {
            let loopSteps = lesson.steps.filter { $0.loop?.variable == path.root }
            if !loopSteps.isEmpty {
                return ("'\(path.root)' is a loop variable, but this step has no foreach; add foreach=\(loopSteps[0].loop?.list ?? "LIST") as=\(path.root) to its heading", false)
            }
            return ("", true)
        }
        if input.type == .list {
            let fields = input.fields.map(\.name)
            guard let field = path.field else {
                return ("'{{\(input.name)}}' is a list; use {{\(input.name).FIELD}} for every record's field or {{\(input.name).count}}", false)
            }
            return fields.contains(field) || field == "count" ? nil : ("'\(input.name)' records have no field '\(field)'; they have: \(fields.joined(separator: ", ")) (and count)", false)
        }
        guard let field = path.field else { return nil }
        if input.type == .cidr {
            return IPv4Network.fieldNames.contains(field) ? nil : ("a subnet has no field '\(field)'; it has: \(IPv4Network.fieldNames.joined(separator: ", "))", false)
        }
        return ("'\(input.name)' is a single value and has no field '\(field)'", false)
    }
}
