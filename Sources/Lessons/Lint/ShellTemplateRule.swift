import Foundation

/// Templates in commands: each place must be able to hold the values its input can take, and a value
/// whose characters are not inert (a string, a path, a secret) must not reach text that a second
/// interpreter reads as code (a sed script, `sh -c`'s command line, ssh's remote command, a grep
/// pattern, a printf format, a here-document fed to a shell). Where lint cannot tell who reads a
/// quoted string or a here-document, it warns, and `data=NAME` on the block says it is data.
enum ShellTemplateRule: LintRule {
    static func cannotFollow(_ problem: String, at location: SourceLocation) -> Diagnostic {
        .error("piwizard cannot follow this command's quoting (\(problem)), so its templates could not be written safely; rewrite it", at: location)
    }

    static func placeCannotHold(_ raw: String, _ reason: String, at location: SourceLocation) -> Diagnostic {
        .error("'{{\(raw)}}' cannot go here: \(reason)", at: location)
    }

    static func readAsCode(_ raw: String, _ reading: WordReading, at location: SourceLocation) -> Diagnostic {
        let effect: String
        switch reading.kind {
        case .pattern: effect = "reads it as a pattern, so a value's . * [ change what matches"
        case .format: effect = "reads it as a format, so a value's % and \\ change what is printed"
        default: effect = "reads it as code, so a value could change what runs"
        }
        let fix = reading.fix.replacingOccurrences(of: "{{x}}", with: "{{\(raw)}}")
        return .error("'{{\(raw)}}' can hold any text and goes into \(reading.reader), which \(effect); \(fix)", at: location)
    }

    static func readerUnknown(_ raw: String, _ place: String, at location: SourceLocation) -> Diagnostic {
        .warning("'{{\(raw)}}' can hold any text and goes into \(place): lint cannot tell whether it reads it as data or as code; if it is data, say so with data=\(raw.split(separator: ".").first ?? "") on the block, else pass the value as a word of its own or in the environment", at: location)
    }

    static func unknownDataInput(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("data=\(name) names no input of the lesson", at: location)
    }

    static func diagnose(_ lesson: Lesson, graph: StepGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in lesson.steps {
            // A used check's borrowed text is read where it is written, once.
            for block in step.blocks where block.templateQuoting == .shell && !block.bodyIsBorrowed {
                diagnostics += diagnose(block, in: step, lesson: lesson)
            }
        }
        return diagnostics
    }

    static func diagnose(_ block: Block, in step: Step, lesson: Lesson) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in block.dataInputs where lesson.input(named: name) == nil && step.loop?.variable != name {
            diagnostics.append(unknownDataInput(name, at: block.location))
        }
        let references = TemplateReference.scan(block.body)
        let page = ShellPage(block.body, references: references)
        // Without templates the quoting is the shell's business (and bash's own syntax is no error).
        if let problem = page.syntax.problems.first {
            if !references.isEmpty { diagnostics.append(cannotFollow(problem.message, at: location(ofScalar: problem.offset, in: block))) }
            return diagnostics
        }
        for (reference, context) in zip(references, page.syntax.contexts) {
            guard let path = reference.path, lesson.declaration(of: path, in: step) != nil || path.root == "lesson" else { continue }
            let at = location(of: reference, in: block)
            if let reason = placeProblem(context, path: path, step: step, lesson: lesson) {
                diagnostics.append(placeCannotHold(reference.raw, reason, at: at))
                continue
            }
            guard !lesson.isInert(path, in: step) else { continue }
            let reading = page.reading(of: reference)
            switch reading?.kind {
            case .code?, .pattern?, .format?:
                diagnostics.append(readAsCode(reference.raw, reading ?? .data, at: at))
            case .unknown? where !block.dataInputs.contains(path.root):
                diagnostics.append(readerUnknown(reference.raw, reading?.reader ?? "", at: at))
            default:
                break
            }
        }
        return diagnostics
    }

    /// Why a place cannot hold every value of the path's type (a `${…}` that takes only inert text).
    static func placeProblem(_ context: ShellContext, path: TemplatePath, step: Step, lesson: Lesson) -> String? {
        switch context.quoting {
        case .parameterExpansion, .dollarQuotes, .unknown:
            guard !lesson.isInert(path, in: step) else { return nil }
            return "inside \(context) only letters, digits and @%+=:,./_- can go, and this input can hold other text; put it in a word of its own"
        case .arithmetic:
            let type = lesson.declaration(of: path, in: step)?.type
            return type == .int || path.field == "count" ? nil : "only a whole number can go inside an arithmetic expansion $((…)); use an int input"
        case .hereDocument(true, let delimiter, _) where lesson.homePathReferences.contains(path.description) || lesson.declaration(of: path, in: step)?.type == .path:
            return "a path can be one from the home folder (~/…), which a quoted here-document (<<'\(delimiter)') does not expand; leave the delimiter unquoted"
        default:
            return nil
        }
    }

    static func location(of reference: TemplateReference, in block: Block) -> SourceLocation {
        block.bodyLocation.offset(lines: reference.line, column: reference.line == 0 ? block.bodyLocation.column + reference.column - 1 : reference.column)
    }

    static func location(ofScalar offset: Int, in block: Block) -> SourceLocation {
        let before = block.body.unicodeScalars.prefix(offset)
        let line = before.filter { $0 == "\n" }.count
        let column = before.reversed().prefix { $0 != "\n" }.count + 1
        return block.bodyLocation.offset(lines: line, column: line == 0 ? block.bodyLocation.column + column - 1 : column)
    }
}
