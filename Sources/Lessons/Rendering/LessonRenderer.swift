import Foundation

/// Renders a whole lesson for the terminal (`piwizard show`): a header from the front matter, the inputs
/// with their defaults, then the body as the author wrote it.
public struct LessonRenderer: Sendable {
    public var markdown: MarkdownTerminalRenderer

    public init(width: Int, style: TextStyle) {
        markdown = MarkdownTerminalRenderer(width: width, style: style)
    }

    /// The lesson, given its parsed form and the file's text (the body is taken from the text).
    public func render(_ lesson: Lesson, fileText: String) -> String {
        let body = FrontMatterSplitter(fileText.replacingOccurrences(of: "\r\n", with: "\n")).body
        let style = markdown.style
        let meta = lesson.metadata
        var header = "# \(meta.title)\n\n\(meta.summary)\n\n"
        var facts = ["\(lesson.steps.count) steps"]
        if let time = meta.time { facts.insert("about \(time)", at: 0) }
        if !meta.tools.isEmpty { facts.append("uses \(meta.tools.joined(separator: ", "))") }
        if !meta.systems.isEmpty { facts.append("for \(meta.systems.joined(separator: ", "))") }
        header += "*" + facts.joined(separator: " · ") + "*\n"
        var text = markdown.render(header)
        if !lesson.inputs.isEmpty {
            text += "\n" + style.apply(.bold, to: "You will be asked for:") + "\n"
            for input in lesson.inputs {
                text += "  " + style.apply(.cyan, to: input.name) + " (\(input.type.rawValue))"
                text += input.prompt != input.name ? " — \(input.prompt)" : ""
                text += Self.describeDefault(input).map { style.apply(.dim, to: " [\($0)]") } ?? ""
                text += "\n"
            }
        }
        return text + "\n" + markdown.render(body)
    }

    /// A short text for an input's default: the value, or the number of records.
    static func describeDefault(_ input: InputDeclaration) -> String? {
        switch input.defaultValue {
        case .text(let value)?: return "default \(value)"
        case .records(let records)?: return "default: \(records.count) records"
        case nil: return nil
        }
    }
}
