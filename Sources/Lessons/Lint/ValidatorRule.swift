/// `validator=` must name a built-in validator and give exactly the arguments it takes, each a value of
/// the argument's kind when it holds no template.
enum ValidatorRule {
    static func unknown(_ name: String, among validators: [ValidatorSpec], at location: SourceLocation) -> Diagnostic {
        .error("unknown validator '\(name)'\(Suggestion.didYouMean(name, in: validators.map(\.name))); see docs/lesson-format.md for the built-in validators", at: location)
    }

    static func missing(_ argument: String, of name: String, at location: SourceLocation) -> Diagnostic {
        .error("validator '\(name)' needs the argument '\(argument)'", at: location)
    }

    static func extra(_ argument: String, of spec: ValidatorSpec, at location: SourceLocation) -> Diagnostic {
        let known = spec.required + spec.optional
        return .error("validator '\(spec.name)' has no argument '\(argument)'\(Suggestion.didYouMean(argument, in: known)); it takes: \(known.joined(separator: ", "))", at: location)
    }

    static func badValue(_ argument: String, of spec: ValidatorSpec, problem: String, at location: SourceLocation) -> Diagnostic {
        .error("validator '\(spec.name)': argument '\(argument)': \(problem)", at: location)
    }

    /// Why `value`, one input alone (`{{node.ip}}`), cannot be of `kind`: the input's declared type holds
    /// other values (a hostname is no IPv4 address); nil for any other template.
    static func typeProblem(_ value: String, kind: ValidatorArgumentKind, lesson: Lesson, step: Step) -> String? {
        let references = TemplateReference.scan(value)
        guard references.count == 1, let reference = references.first, let path = reference.path,
              reference.length == value.count, let input = lesson.declaration(of: path, in: step),
              !kind.takes(input.type) else { return nil }
        return "it takes \(kind.described), but {{\(path)}} is \(input.type.withArticle) (declare it as the kind the argument takes, or give another input)"
    }

    static func diagnose(_ lesson: Lesson, validators: [ValidatorSpec]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            for block in step.blocks {
                guard let call = block.validator else { continue }
                guard let spec = validators.first(where: { $0.name == call.name }) else {
                    diagnostics.append(unknown(call.name, among: validators, at: block.validatorLocation ?? block.location))
                    continue
                }
                // A used check that writes no YAML of its own has the used check's arguments, linted there.
                guard call.argumentsReadable, !block.bodyIsBorrowed else { continue }
                for argument in spec.required where call.arguments[argument] == nil {
                    diagnostics.append(missing(argument, of: spec.name, at: block.validatorLocation ?? block.location))
                }
                let lines = block.body.split(separator: "\n", omittingEmptySubsequences: false)
                for argument in call.arguments.keys.sorted() {
                    let line = lines.firstIndex { $0.drop { $0 == " " }.hasPrefix("\(argument):") } ?? 0
                    let location = block.bodyLocation.offset(lines: line)
                    guard let argumentSpec = spec.argument(named: argument) else {
                        diagnostics.append(extra(argument, of: spec, at: location))
                        continue
                    }
                    guard let value = call.arguments[argument] else { continue }
                    // A value with a template is known only when the session fills it in; one input
                    // alone must be of a type the argument takes.
                    let problem = value.contains("{{") ? typeProblem(value, kind: argumentSpec.kind, lesson: lesson, step: step)
                        : argumentSpec.kind.problem(with: value)
                    if let problem { diagnostics.append(badValue(argument, of: spec, problem: problem, at: location)) }
                }
            }
        }
        return diagnostics
    }
}
