import CCmark
import Foundation

/// Renders Markdown for a terminal: styled headings and emphasis, indented code, quotes and lists,
/// paragraphs wrapped to a width. Pure: the output is a function of the text, the width and the style.
public struct MarkdownTerminalRenderer: Sendable {
    public var width: Int
    public var style: TextStyle

    public init(width: Int, style: TextStyle) {
        self.width = max(20, width)
        self.style = style
    }

    /// The rendered text, ending with a newline (empty for empty input).
    public func render(_ markdown: String) -> String {
        guard let document = Cmark.parse(markdown) else { return "" }
        defer { cmark_node_free(document) }
        let lines = blocks(of: document, width: width)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    // MARK: Blocks

    /// The lines of a container's child blocks, separated by blank lines.
    private func blocks(of container: OpaquePointer, width: Int, tight: Bool = false) -> [String] {
        var lines: [String] = []
        var child = cmark_node_first_child(container)
        while let node = child {
            let rendered = block(node, width: width)
            if !rendered.isEmpty {
                if !lines.isEmpty && !tight { lines.append("") }
                lines += rendered
            }
            child = cmark_node_next(node)
        }
        return lines
    }

    private func block(_ node: OpaquePointer, width: Int) -> [String] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            let spans = inlines(of: node, attributes: [])
            return table(spans) ?? wrap(spans, width: width)
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            var spans = inlines(of: node, attributes: [])
            stripHeadingAttributes(&spans)
            let attributes: TextStyle.Attributes = level == 1 ? [.bold, .underline, .magenta] : level == 2 ? [.bold, .cyan] : [.bold]
            spans = spans.map { Span(text: $0.text, attributes: $0.attributes.union(attributes)) }
            var lines = wrap(spans, width: width)
            if level <= 2 && !style.colour, let first = lines.first {
                lines.append(String(repeating: level == 1 ? "=" : "-", count: min(width, max(first.count, 3))))
            }
            return lines
        case CMARK_NODE_CODE_BLOCK:
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            var lines: [String] = []
            if let open = info.firstIndex(of: "{"), info.hasSuffix("}") {
                let label = info[info.index(after: open)..<info.index(before: info.endIndex)]
                lines.append(style.apply(.dim, to: "  ┌ " + label.trimmingCharacters(in: .whitespaces)))
            }
            var body = literal
            if body.hasSuffix("\n") { body.removeLast() }
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("    " + style.apply(.yellow, to: String(line)))
            }
            return lines
        case CMARK_NODE_BLOCK_QUOTE:
            return blocks(of: node, width: width - 2).map { style.apply(.dim, to: "│ ") + $0 }
        case CMARK_NODE_LIST:
            return list(node, width: width)
        case CMARK_NODE_THEMATIC_BREAK:
            return [style.apply(.dim, to: String(repeating: "─", count: width))]
        case CMARK_NODE_HTML_BLOCK:
            return []
        default:
            return blocks(of: node, width: width)
        }
    }

    private func list(_ node: OpaquePointer, width: Int) -> [String] {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        var number = Int(cmark_node_get_list_start(node))
        let tight = cmark_node_get_list_tight(node) != 0
        var lines: [String] = []
        var item = cmark_node_first_child(node)
        while let current = item {
            let marker = ordered ? "\(number). " : "• "
            let indent = String(repeating: " ", count: marker.count)
            let content = blocks(of: current, width: width - marker.count, tight: tight)
            if !lines.isEmpty && !tight { lines.append("") }
            for (index, line) in content.enumerated() {
                lines.append((index == 0 ? marker : (line.isEmpty ? "" : indent)) + line)
            }
            number += 1
            item = cmark_node_next(current)
        }
        return lines
    }

    // MARK: Inlines

    /// A run of text with one set of attributes.
    struct Span {
        var text: String
        var attributes: TextStyle.Attributes
    }

    private func inlines(of node: OpaquePointer, attributes: TextStyle.Attributes) -> [Span] {
        var spans: [Span] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT:
                spans.append(Span(text: literal, attributes: attributes))
            case CMARK_NODE_CODE:
                spans.append(Span(text: literal, attributes: attributes.union(.yellow)))
            case CMARK_NODE_SOFTBREAK:
                // Kept as a line break so that tables can be recognised; wrapping treats it as a space.
                spans.append(Span(text: "\u{2028}", attributes: attributes))
            case CMARK_NODE_LINEBREAK:
                spans.append(Span(text: "\n", attributes: attributes))
            case CMARK_NODE_EMPH:
                spans += inlines(of: current, attributes: attributes.union(.italic))
            case CMARK_NODE_STRONG:
                spans += inlines(of: current, attributes: attributes.union(.bold))
            case CMARK_NODE_LINK:
                let text = inlines(of: current, attributes: attributes.union(.underline))
                spans += text
                let url = cmark_node_get_url(current).map { String(cString: $0) } ?? ""
                if !url.isEmpty && url != text.map(\.text).joined() {
                    spans.append(Span(text: " (\(url))", attributes: attributes.union(.dim)))
                }
            case CMARK_NODE_IMAGE:
                spans.append(Span(text: "[image: ", attributes: attributes.union(.dim)))
                spans += inlines(of: current, attributes: attributes.union(.dim))
                spans.append(Span(text: "]", attributes: attributes.union(.dim)))
            case CMARK_NODE_HTML_INLINE:
                break
            default:
                spans += inlines(of: current, attributes: attributes)
            }
            child = cmark_node_next(current)
        }
        return spans
    }

    /// A GitHub-style pipe table, which CommonMark reads as a paragraph, laid out in aligned columns;
    /// nil when the paragraph is not a table (every line `| ... |` and a `|---|` second line).
    private func table(_ spans: [Span]) -> [String]? {
        var rows: [[Span]] = [[]]
        for span in spans {
            let parts = span.text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\u{2028}" }
            for (index, part) in parts.enumerated() {
                if index > 0 { rows.append([]) }
                if !part.isEmpty { rows[rows.count - 1].append(Span(text: String(part), attributes: span.attributes)) }
            }
        }
        let texts = rows.map { $0.map(\.text).joined().trimmingCharacters(in: .whitespaces) }
        guard texts.count >= 2, texts.allSatisfy({ $0.hasPrefix("|") && $0.hasSuffix("|") }),
              texts[1].allSatisfy({ "|-: ".contains($0) }) else { return nil }
        // Split each row's spans into cells at the pipes.
        let cells: [[[Span]]] = rows.enumerated().filter { $0.offset != 1 }.map { _, row in
            var cells: [[Span]] = [[]]
            for span in row {
                for (index, part) in span.text.split(separator: "|", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { cells.append([]) }
                    if !part.isEmpty { cells[cells.count - 1].append(Span(text: String(part), attributes: span.attributes)) }
                }
            }
            let trimmed = cells.dropFirst().dropLast()  // outside the first and last pipe
            return trimmed.map { cell in
                var cell = cell
                if let first = cell.first { cell[0].text = String(first.text.drop { $0 == " " }) }
                if let last = cell.last { cell[cell.count - 1].text = last.text.trimmingTrailingWhitespace() }
                return cell
            }
        }
        let columns = cells.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in
            cells.map { column < $0.count ? $0[column].reduce(0) { $0 + $1.text.count } : 0 }.max() ?? 0
        }
        return cells.enumerated().map { rowIndex, row in
            (0..<columns).map { column -> String in
                let cell = column < row.count ? row[column] : []
                let visible = cell.reduce(0) { $0 + $1.text.count }
                let text = cell.map { style.apply(rowIndex == 0 ? $0.attributes.union(.bold) : $0.attributes, to: $0.text) }.joined()
                return column == columns - 1 ? text : text + String(repeating: " ", count: widths[column] - visible)
            }.joined(separator: "  ").trimmingTrailingWhitespace()
        }
    }

    /// Removes a trailing `{#id ...}` attribute group from a heading's text.
    private func stripHeadingAttributes(_ spans: inout [Span]) {
        let whole = spans.map(\.text).joined()
        let (text, attributes) = AttributeList.split(whole, column: 1)
        guard attributes != nil else { return }
        var remaining = text.count
        spans = spans.compactMap { span in
            guard remaining > 0 else { return nil }
            let kept = String(span.text.prefix(remaining))
            remaining -= kept.count
            return Span(text: kept, attributes: span.attributes)
        }
    }

    /// Wraps spans into lines of at most `width` columns (`ScreenWrap`): words joined by one space,
    /// each styled on its own so the spaces between them are plain; a hard line break starts a line,
    /// a soft one (U+2028) is a space.
    private func wrap(_ spans: [Span], width: Int) -> [String] {
        var segments: [[String]] = [[]]
        var word = ""
        func endWord() {
            if !word.isEmpty { segments[segments.count - 1].append(word); word = "" }
        }
        for span in spans {
            var piece = ""
            for character in span.text {
                if character == " " || character == "\n" || character == "\u{2028}" {
                    word += style.apply(span.attributes, to: piece)
                    piece = ""
                    endWord()
                    if character == "\n" { segments.append([]) }
                } else {
                    piece.append(character)
                }
            }
            word += style.apply(span.attributes, to: piece)
        }
        endWord()
        return segments.filter { !$0.isEmpty }.flatMap { ScreenWrap.lines(of: $0.joined(separator: " "), width: width, hang: 0) }
    }
}
