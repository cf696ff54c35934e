import Foundation

/// The rows of `piwizard list`, as a table for people or JSON for programs.
public enum LessonListing {
    /// One lesson's row.
    public struct Entry: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var summary: String
        public var steps: Int
        public var time: String?
        public var path: String
        /// Lint errors; a lesson with errors cannot be started.
        public var errors: Int

        public init(id: String, title: String, summary: String, steps: Int, time: String?, path: String, errors: Int) {
            self.id = id
            self.title = title
            self.summary = summary
            self.steps = steps
            self.time = time
            self.path = path
            self.errors = errors
        }

        /// The row of a lesson; `steps` is how many a session counts (default: all of the lesson's).
        public init(lesson: Lesson, path: String, errors: Int, steps: Int? = nil) {
            self.init(id: lesson.id, title: lesson.metadata.title, summary: lesson.metadata.summary,
                      steps: steps ?? lesson.steps.count, time: lesson.metadata.time, path: path, errors: errors)
        }
    }

    public static func table(_ entries: [Entry], style: TextStyle) -> String {
        let rows = entries.map { entry in
            [entry.id, entry.title + (entry.errors > 0 ? " (\(entry.errors) lint error\(entry.errors == 1 ? "" : "s"))" : ""), String(entry.steps), entry.time ?? "-"]
        }
        let header = ["ID", "TITLE", "STEPS", "TIME"]
        let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { index, pair in
                index == cells.count - 1 ? pair.0 : pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return style.apply(.bold, to: line(header)) + "\n" + rows.map { line($0) + "\n" }.joined()
    }

    public static func json(_ entries: [Entry]) -> String {
        JSONOutput.text(entries)
    }
}
