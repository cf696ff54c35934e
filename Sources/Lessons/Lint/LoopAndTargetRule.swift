/// Loops must go over list inputs; `on=node` and `on=console` need a loop; `when` must test a choice.
enum LoopAndTargetRule: LintRule {
    static func notAList(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("foreach=\(name): '\(name)' is not a list input; declare it with type: list and fields", at: location)
    }

    static func shadows(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("loop variable '\(name)' has the same name as an input; choose another with as=", at: location)
    }

    static func targetOutsideLoop(_ target: Target, at location: SourceLocation) -> Diagnostic {
        .error("on=\(target.rawValue) needs a node: put the block in a step with foreach=LIST as=NODE", at: location)
    }

    static func masterNotDeclared(example list: String, at location: SourceLocation) -> Diagnostic {
        .warning("on=master runs on this machine: the lesson names no master; say which record is the master in the front matter, e.g. hosts: { master: \(list).role == master }", at: location)
    }

    static func badCondition(_ condition: Condition, attribute: String = "when", reason: String, at location: SourceLocation) -> Diagnostic {
        .error("\(attribute)=\"\(condition)\": \(reason)", at: location)
    }

    /// What is wrong with a step's condition (`when=`, `may-pass-before=`): each term must compare a
    /// declared choice or bool input, or a choice field of the loop's records, with a value.
    static func problems(in condition: Condition, attribute: String, of step: Step, lesson: Lesson, at location: SourceLocation) -> [Diagnostic] {
        condition.terms.compactMap { term in
            let path = term.variable
            let isLoopField = step.loop?.variable == path.root
            if !isLoopField, lesson.input(named: path.root) == nil {
                return badCondition(condition, attribute: attribute, reason: "'\(path.root)' is not a declared input", at: location)
            }
            if ReachabilityRule.possibleValues(of: path, in: step, lesson: lesson) == nil {
                let what = isLoopField && step.loop.flatMap({ lesson.input(named: $0.list) }) == nil ? "the loop is not over a list" : "'\(path)' is not a choice or bool"
                return badCondition(condition, attribute: attribute, reason: "\(what); a condition compares a choice (or bool) with one of its values", at: location)
            }
            return nil
        }
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            if let loop = step.loop {
                if lesson.input(named: loop.list)?.type != .list {
                    diagnostics.append(notAList(loop.list, at: step.location))
                }
                if lesson.input(named: loop.variable) != nil {
                    diagnostics.append(shadows(loop.variable, at: step.location))
                }
            } else {
                for block in step.blocks where block.target == .node || block.target == .console {
                    diagnostics.append(targetOutsideLoop(block.target, at: block.location))
                }
            }
            if let condition = step.condition {
                diagnostics += problems(in: condition, attribute: "when", of: step, lesson: lesson, at: step.conditionLocation ?? step.location)
            }
            // A block's own when= (a drill's is the self-test's rule).
            for block in step.blocks where block.kind != .drill {
                if let condition = block.condition {
                    diagnostics += problems(in: condition, attribute: "when", of: step, lesson: lesson, at: block.location)
                }
            }
        }
        if let warning = undeclaredMaster(in: lesson) { diagnostics.append(warning) }
        return diagnostics
    }

    /// A lesson with a list of hosts and `on=master` blocks but no `hosts: master` runs those blocks
    /// here, which is rarely what its author meant: one warning, at the first such block.
    static func undeclaredMaster(in lesson: Lesson) -> Diagnostic? {
        guard lesson.metadata.hosts.master == nil,
              let list = lesson.inputs.first(where: { $0.type == .list && $0.addressField != nil }),
              let block = lesson.steps.lazy.flatMap(\.blocks).first(where: { $0.target == .master }) else { return nil }
        return masterNotDeclared(example: list.name, at: block.location)
    }
}
