import Foundation

/// A lesson file's line endings, made the ones the parser counts lines by. CommonMark (and so libcmark)
/// ends a line at `\n`, `\r\n` or a lone `\r`; the parser's own line numbers must agree with cmark's,
/// so every reader of a lesson's text starts from this.
enum LineEndings {
    /// `text` with every `\r\n` and lone `\r` turned into `\n`.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
