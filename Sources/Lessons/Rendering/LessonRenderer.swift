import Foundation

/// Renders a whole lesson for the terminal (`piwizard show`): the title, a header from the front matter,
/// the inputs with their defaults, then the body as the author wrote it.
public struct LessonRenderer: Sendable {
    public var markdown: MarkdownTerminalRenderer

    public init(width: Int, style: TextStyle) {
        markdown = MarkdownTerminalRenderer(width: width, style: style)
    }

    /// The lesson, given its parsed form and the file's text (the body is taken from the text).
    public func render(_ lesson: Lesson, fileText: String) -> String {
        let split = FrontMatterSplitter(LineEndings.normalized(fileText))
        let body = Self.withoutSelfTest(split.body, firstLine: split.bodyFirstLine, lesson: lesson)
        let (bodyTitle, rest) = Self.splitTitle(body)
        let meta = lesson.metadata
        var facts = ["\(lesson.steps.count) steps"]
        if let time = meta.time { facts.insert("about \(time)", at: 0) }
        if !meta.tools.isEmpty { facts.append("uses \(meta.tools.joined(separator: ", "))") }
        if !meta.systems.isEmpty { facts.append("for \(meta.systems.joined(separator: ", "))") }
        var text = markdown.render("# \(bodyTitle ?? meta.title)\n\n\(meta.summary)\n\n*\(facts.joined(separator: " · "))*")
        if !lesson.inputs.isEmpty {
            let items = lesson.inputs.map { input in
                "- **\(input.name)** (\(input.type.rawValue))" + (input.prompt != input.name ? " — \(input.prompt)" : "")
                    + (Self.describeDefault(input).map { " *[\($0)]*" } ?? "")
            }
            text += "\n" + markdown.render("You will be asked for:\n\n" + items.joined(separator: "\n"))
        }
        return text + "\n" + markdown.render(rest)
    }

    /// The body without the self-test's drills, repairs and solutions (a learner never sees them):
    /// each such block's lines, from its opening fence to its closing one, are left out.
    static func withoutSelfTest(_ body: String, firstLine: Int, lesson: Lesson) -> String {
        var hidden = Set<Int>()
        for step in lesson.steps {
            for block in step.blocks where block.kind.isSelfTest {
                hidden.formUnion(block.location.line..<(block.location.line + block.lineCount))
            }
        }
        guard !hidden.isEmpty else { return body }
        return body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !hidden.contains($0.offset + firstLine) }.map(\.element).joined(separator: "\n")
    }

    /// The body's leading `# Title` line, if it starts with one, and the text after it.
    static func splitTitle(_ body: String) -> (title: String?, rest: String) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
              lines[index].hasPrefix("# ") else { return (nil, body) }
        let title = lines[index].dropFirst(2).trimmingCharacters(in: .whitespaces)
        return (title, lines[(index + 1)...].joined(separator: "\n"))
    }

    /// A short text for an input's default: the value, or the number of records.
    static func describeDefault(_ input: InputDeclaration) -> String? {
        let detected = input.detect == nil || input.type == .list ? nil : input.detectOn == .master ? "detected on the master" : "detected here"
        let fallback: String?
        switch input.defaultValue {
        case .text(let value)?: fallback = "default \(value)"
        case .records(let records)?: fallback = "default: \(records.count) records"
        case .secret?: fallback = nil
        case nil: fallback = nil
        }
        return [detected, fallback].compactMap { $0 }.joined(separator: ", else ").nonEmpty
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
