/// `validator=` must name a built-in validator and give exactly the arguments it takes.
enum ValidatorRule: LintRule {
    static func unknown(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("unknown validator '\(name)'\(Suggestion.didYouMean(name, in: ValidatorCatalog.all.map(\.name))); see docs/lesson-format.md for the built-in validators", at: location)
    }

    static func missing(_ argument: String, of name: String, at location: SourceLocation) -> Diagnostic {
        .error("validator '\(name)' needs the argument '\(argument)'", at: location)
    }

    static func extra(_ argument: String, of spec: ValidatorSpec, at location: SourceLocation) -> Diagnostic {
        let known = spec.required + spec.optional
        return .error("validator '\(spec.name)' has no argument '\(argument)'\(Suggestion.didYouMean(argument, in: known)); it takes: \(known.joined(separator: ", "))", at: location)
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            for block in step.blocks {
                guard let call = block.validator else { continue }
                guard let spec = ValidatorCatalog.spec(named: call.name) else {
                    diagnostics.append(unknown(call.name, at: block.validatorLocation ?? block.location))
                    continue
                }
                guard call.argumentsReadable else { continue }
                for argument in spec.required where call.arguments[argument] == nil {
                    diagnostics.append(missing(argument, of: spec.name, at: block.validatorLocation ?? block.location))
                }
                let lines = block.body.split(separator: "\n", omittingEmptySubsequences: false)
                for argument in call.arguments.keys.sorted() where !(spec.required + spec.optional).contains(argument) {
                    let line = lines.firstIndex { $0.drop { $0 == " " }.hasPrefix("\(argument):") } ?? 0
                    diagnostics.append(extra(argument, of: spec, at: block.bodyLocation.offset(lines: line)))
                }
            }
        }
        return diagnostics
    }
}
