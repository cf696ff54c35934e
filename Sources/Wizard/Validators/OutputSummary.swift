import Foundation

/// The short form of a command's output that a check's "found:" shows.
public enum OutputSummary {
    /// The last non-empty lines, trimmed, joined with ` / `; `(no output)` when there are none.
    public static func lastLines(_ text: String, count: Int = 3) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.isEmpty ? "(no output)" : lines.suffix(count).joined(separator: " / ")
    }
}
