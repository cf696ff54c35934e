import CCmark

/// Lists the top-level blocks of a Markdown text with libcmark, the CommonMark reference parser.
enum MarkdownBlockReader {
    static func blocks(of markdown: String) -> [MarkdownBlock] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard let document = Cmark.parse(markdown) else { return [] }
        defer { cmark_node_free(document) }
        var blocks: [MarkdownBlock] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            let kind: MarkdownBlock.Kind
            switch cmark_node_get_type(current) {
            case CMARK_NODE_HEADING:
                kind = .heading(level: Int(cmark_node_get_heading_level(current)))
            case CMARK_NODE_CODE_BLOCK where isFence(lines, line: Int(cmark_node_get_start_line(current))):
                kind = .fencedCode(
                    info: cmark_node_get_fence_info(current).map { String(cString: $0) } ?? "",
                    literal: cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                )
            case CMARK_NODE_BLOCK_QUOTE:
                kind = .blockQuote
            default:
                kind = .other
            }
            var block = MarkdownBlock(
                kind: kind,
                startLine: Int(cmark_node_get_start_line(current)),
                endLine: Int(cmark_node_get_end_line(current)),
                startColumn: Int(cmark_node_get_start_column(current))
            )
            if case .fencedCode = kind { block.fenceIsClosed = isClosed(lines, opening: block.startLine, last: block.endLine) }
            blocks.append(block)
            node = cmark_node_next(current)
        }
        return blocks
    }

    /// Whether the fence opened at line `opening` is closed at line `last`: by at least as many of the
    /// same fence characters, indented at most three spaces, and nothing but spaces after them.
    private static func isClosed(_ lines: [Substring], opening: Int, last: Int) -> Bool {
        guard opening >= 1, last > opening, last <= lines.count else { return false }
        let open = lines[opening - 1].drop { $0 == " " }
        guard let character = open.first else { return false }
        let length = open.prefix { $0 == character }.count
        let line = lines[last - 1]
        let indent = line.prefix { $0 == " " }.count
        let close = line.dropFirst(indent)
        let run = close.prefix { $0 == character }.count
        return indent <= 3 && run >= length && close.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// Whether the line opens a fence (```` ``` ```` or `~~~`) rather than an indented code block.
    private static func isFence(_ lines: [Substring], line: Int) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        let text = lines[line - 1].drop { $0 == " " }
        return text.hasPrefix("```") || text.hasPrefix("~~~")
    }
}
