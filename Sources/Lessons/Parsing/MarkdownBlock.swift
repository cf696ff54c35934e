/// A top-level block of a Markdown body, as cmark sees it, with its lines in the body.
struct MarkdownBlock: Sendable {
    /// The kinds of top-level block a lesson parser cares about.
    enum Kind: Sendable {
        case heading(level: Int)
        /// A fenced code block: its info string and its text.
        case fencedCode(info: String, literal: String)
        case blockQuote
        /// Anything else (paragraphs, lists, tables, indented code, HTML, rules).
        case other
    }

    var kind: Kind
    /// 1-based lines within the body.
    var startLine: Int
    var endLine: Int
    var startColumn: Int
    /// False for a fenced code block that no closing fence ends (cmark then runs it to the end of the text).
    var fenceIsClosed = true
}
