import Foundation
import Yams

/// Turns a lesson file's text into a `Lesson`, reporting every syntax problem with its location.
///
/// Parsing is forgiving: it keeps going after a problem so that `lint` can report everything at once.
/// The semantic checks (variables, graph, validators) are `LessonLinter`'s.
public struct LessonParser {
    /// What parsing produced: the lesson as far as it could be read, and the problems found.
    public struct Result: Sendable {
        public var lesson: Lesson
        public var diagnostics: [Diagnostic]
    }

    static let stepAttributes = ["foreach", "as", "when", "requires"]
    static let blockAttributes = ["on", "user", "destructive", "readonly", "validator", "exit", "output", "timeout", "name", "id", "use", "confirm", "person", "watch", "hint", "may-pass-before", "when", "data"]

    private let file: String
    private var diagnostics: [Diagnostic] = []

    /// `file` is the name used in locations (as the user wrote it).
    public init(file: String) {
        self.file = file
    }

    /// Parses a lesson's text.
    public static func parse(_ text: String, file: String) -> Result {
        var parser = LessonParser(file: file)
        return parser.parse(text)
    }

    mutating func parse(_ rawText: String) -> Result {
        let text = LineEndings.normalized(rawText)
        let split = FrontMatterSplitter(text)
        var metadata: LessonMetadata?
        var inputs: [InputDeclaration] = []
        var unreadableInputs: Set<String> = []
        if split.unterminated {
            error("front matter starts with '---' but has no closing '---' line", at: location(line: 1))
        } else if let yaml = split.yaml {
            var frontMatter = FrontMatterParser(file: file, firstLine: split.yamlFirstLine)
            (metadata, inputs) = frontMatter.parse(yaml, whole: location(line: 1))
            diagnostics += frontMatter.diagnostics
            unreadableInputs = frontMatter.unreadableInputs
        } else {
            error("the lesson has no front matter: start the file with a '---' line, id, title and summary, and a closing '---'", at: location(line: 1))
        }
        let lineOffset = split.bodyFirstLine - 1
        let lines = split.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (introduction, steps) = parseBody(lines: lines, markdown: split.body, lineOffset: lineOffset)
        let fallbackID = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var lesson = Lesson(
            metadata: metadata ?? LessonMetadata(id: fallbackID, title: fallbackID, summary: ""),
            inputs: inputs, introduction: introduction, steps: steps, file: file
        )
        lesson.unreadableInputs = unreadableInputs
        lesson.steps = resolveCheckUses(lesson.steps)
        return Result(lesson: lesson, diagnostics: diagnostics)
    }

    // MARK: Body

    private mutating func parseBody(lines: [String], markdown: String, lineOffset: Int) -> ([ProseBlock], [Step]) {
        var introduction: [ProseBlock] = []
        var steps: [Step] = []
        for block in MarkdownBlockReader.blocks(of: markdown) {
            let start = location(line: block.startLine + lineOffset, column: block.startColumn)
            let source = lines[(block.startLine - 1)..<min(block.endLine, lines.count)].joined(separator: "\n")
            switch block.kind {
            case .heading(level: 2):
                steps.append(parseHeading(lines[block.startLine - 1], at: start))
            case .heading(level: 1) where steps.isEmpty:
                continue
            case .fencedCode(let info, let literal):
                parseFencedCode(block, info: info, literal: literal, lines: lines, lineOffset: lineOffset, into: &steps, else: &introduction)
            case .blockQuote:
                if let (hint, checks) = hintText(source) {
                    if steps.isEmpty {
                        error("a hint must be inside a step: put a '## ' heading before it", at: start)
                    } else {
                        steps[steps.count - 1].hints.append(Hint(text: hint, location: start, checks: checks))
                    }
                } else {
                    append(ProseBlock(markdown: source, location: start), to: &steps, else: &introduction)
                }
            default:
                append(ProseBlock(markdown: source, location: start), to: &steps, else: &introduction)
            }
        }
        return (introduction, steps)
    }

    /// A fenced block: a step's block, its Ansible tasks, or (without braces) prose.
    private mutating func parseFencedCode(_ block: MarkdownBlock, info: String, literal: String, lines: [String], lineOffset: Int,
                                          into steps: inout [Step], else introduction: inout [ProseBlock]) {
        let start = location(line: block.startLine + lineOffset, column: block.startColumn)
        let source = lines[(block.startLine - 1)..<min(block.endLine, lines.count)].joined(separator: "\n")
        let bodyLines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        // A fence that opens inside: the author's next block, so this one's closing fence is missing.
        // (A longer outer fence may show a block as an example: only a fence as long counts.)
        let opening = lines[block.startLine - 1].drop { $0 == " " }
        let fence = String(opening.prefix { $0 == opening.first })
        let innerFence = bodyLines.firstIndex { line in
            let text = line.drop { $0 == " " }
            return text.hasPrefix(fence) && !text.hasPrefix(fence + String(fence.prefix(1))) && text.contains("{")
        }
        if let innerFence {
            error("this code fence is not closed before line \(block.startLine + lineOffset + innerFence + 1), where another block opens, so it swallowed everything in between: add a closing ``` line after its last command", at: start)
        } else if !block.fenceIsClosed {
            error("this code fence is never closed, so everything after it, to the end of the file, became its text: add a closing ``` line after its last command", at: start)
        }
        if let tasks = parseAnsibleFence(info: info, literal: literal, fenceLine: lines[block.startLine - 1], at: start) {
            if steps.isEmpty {
                error("an {ansible} block must be inside a step: put a '## ' heading before it", at: start)
            } else {
                steps[steps.count - 1].ansible.append(tasks)
            }
            return
        }
        guard let parsed = parseFence(info: info, literal: literal, fenceLine: lines[block.startLine - 1], at: start) else {
            append(ProseBlock(markdown: source, location: start), to: &steps, else: &introduction)
            return
        }
        if block.fenceIsClosed, innerFence == nil, let heading = bodyLines.firstIndex(where: { $0.hasPrefix("## ") }) {
            diagnostics.append(.warning("this {\(parsed.kind.rawValue)} block has a '## ' heading in it (its line \(heading + 1)): is a closing ``` missing before the next step?", at: start))
        }
        if steps.isEmpty {
            error("a {\(parsed.kind.rawValue)} block must be inside a step: put a '## ' heading before it", at: start)
        } else {
            steps[steps.count - 1].blocks.append(parsed)
        }
    }

    private func append(_ prose: ProseBlock, to steps: inout [Step], else introduction: inout [ProseBlock]) {
        if steps.isEmpty {
            introduction.append(prose)
        } else {
            steps[steps.count - 1].prose.append(prose)
        }
    }

    /// The text of a `> Hint: ...` or `> **Hint:** ...` quote, with the check ids of a `Hint for
    /// ID, ID:` label; nil for another quote.
    private func hintText(_ source: String) -> (String, [String])? {
        let text = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = Substring(line).drop { $0 == " " }
            if line.hasPrefix(">") { line = line.dropFirst() }
            if line.hasPrefix(" ") { line = line.dropFirst() }
            return String(line)
        }.joined(separator: "\n")
        for label in ["**Hint:**", "**Hint**:", "Hint:", "*Hint:*", "_Hint:_"] where text.hasPrefix(label) {
            return (text.dropFirst(label.count).trimmingCharacters(in: .whitespacesAndNewlines), [])
        }
        for (open, close) in [("**Hint for ", ":**"), ("Hint for ", ":"), ("*Hint for ", ":*"), ("_Hint for ", ":_")] where text.hasPrefix(open) {
            let rest = text.dropFirst(open.count)
            guard let end = rest.range(of: close) else { continue }
            let ids = rest[..<end.lowerBound].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !ids.isEmpty, ids.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else { continue }
            return (rest[end.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines), ids)
        }
        return nil
    }

    // MARK: Steps

    private mutating func parseHeading(_ line: String, at start: SourceLocation) -> Step {
        let (heading, textColumn) = Self.headingText(line)
        let (title, attributes) = AttributeList.split(heading, column: textColumn)
        var step = Step(id: Self.slug(title), title: title, location: start)
        guard let attributes else {
            if step.id.isEmpty { error("the step heading has no words to make an id from; add {#id}", at: start) }
            return step
        }
        report(attributes.problems, line: start.line)
        var loop: (list: String?, variable: String?) = (nil, nil)
        for attribute in attributes.attributes {
            applyStepAttribute(attribute, to: &step, loop: &loop, at: start.at(column: attribute.column))
        }
        if let list = loop.list {
            step.loop = Step.Loop(list: list, variable: loop.variable ?? "item")
        } else if loop.variable != nil {
            error("'as' names a loop variable but the step has no foreach=LIST", at: start)
        }
        return step
    }

    /// A heading line's text without its `#`s (and a closing sequence of them), with the column it starts at.
    private static func headingText(_ line: String) -> (String, Int) {
        var text = Substring(line).drop { $0 == " " }
        let hashes = text.prefix { $0 == "#" }.count
        text = text.dropFirst(hashes).drop { $0 == " " }
        let textColumn = line.count - text.count + 1
        var heading = String(text).trimmingTrailingWhitespace()
        if heading.hasSuffix("#") {
            let stripped = heading.trimmingCharacters(in: CharacterSet(charactersIn: "#")).trimmingTrailingWhitespace()
            if heading.dropLast(heading.count - stripped.count).hasSuffix(" ") || stripped.isEmpty { heading = stripped }
        }
        return (heading, textColumn)
    }

    /// One attribute of a step's heading: `#id`, `always`, `may-pass-before`, or one of `stepAttributes`.
    private mutating func applyStepAttribute(_ attribute: AttributeList.Attribute, to step: inout Step,
                                             loop: inout (list: String?, variable: String?), at here: SourceLocation) {
        if attribute.key.hasPrefix("#"), attribute.value == nil {
            let id = String(attribute.key.dropFirst())
            if Self.isStepID(id) { step.id = id } else {
                error("step id '\(id)' must be lowercase letters, digits, '-' and '_', starting with a letter or digit", at: here)
            }
            return
        }
        if attribute.key == "always" {
            if attribute.value != nil { error("step attribute 'always' takes no value", at: here) }
            step.runsAlways = true
            return
        }
        if attribute.key == "may-pass-before" {
            step.checksMayPassBeforeLocation = here
            guard let value = attribute.value else { step.checksMayPassBefore = Condition(terms: []); return }
            if let condition = Condition(parsing: value) { step.checksMayPassBefore = condition } else {
                error("cannot read the condition '\(value)' of may-pass-before; write may-pass-before=\"VAR == VALUE\" (several joined with 'and'), or the flag alone for every item", at: here)
            }
            return
        }
        guard Self.stepAttributes.contains(attribute.key) else {
            error("unknown step attribute '\(attribute.key)'\(suggestion(attribute.key, Self.stepAttributes + ["always", "may-pass-before"])); a step takes #id, \(Self.stepAttributes.map { "\($0)=" }.joined(separator: ", ")), always, may-pass-before", at: here)
            return
        }
        guard let value = attribute.value, !value.isEmpty else {
            error("step attribute '\(attribute.key)' needs a value, e.g. \(attribute.key)=...", at: here)
            return
        }
        switch attribute.key {
        case "foreach":
            loop.list = value
            if !TemplatePath.isName(value) { error("foreach names a list input, e.g. foreach=nodes", at: here) }
        case "as":
            loop.variable = value
            if !TemplatePath.isName(value) { error("as names the loop variable, e.g. as=node", at: here) }
        case "when":
            if let condition = Condition(parsing: value) {
                step.condition = condition
                step.conditionLocation = here
            } else {
                error("cannot read the condition '\(value)'; write when=\"VAR == VALUE\" or when=\"VAR != VALUE\", several joined with 'and'", at: here)
            }
        default:
            step.requires += value.split(separator: ",").map { StepReference(id: $0.trimmingCharacters(in: .whitespaces), location: here) }
        }
    }

    /// A step id derived from a heading: lowercase, other characters become single hyphens.
    public static func slug(_ title: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    static func isStepID(_ id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    // MARK: Helpers

    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    mutating func report(_ problems: [(column: Int, message: String)], line: Int) {
        for problem in problems {
            error(problem.message, at: location(line: line, column: problem.column))
        }
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    func suggestion(_ word: String, _ candidates: [String]) -> String {
        Suggestion.didYouMean(word, in: candidates)
    }
}
