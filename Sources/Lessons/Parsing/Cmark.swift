import CCmark

/// The one place that hands text to libcmark.
enum Cmark {
    /// The document node for a Markdown text; the caller frees it with `cmark_node_free`.
    static func parse(_ markdown: String) -> OpaquePointer? {
        let utf8 = Array(markdown.utf8) + [0]
        return utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count - 1, CMARK_OPT_DEFAULT)
            }
        }
    }
}
