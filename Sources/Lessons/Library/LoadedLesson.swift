import Foundation

/// A lesson that parsed and linted without errors, with where it came from.
public struct LoadedLesson: Sendable {
    public var lesson: Lesson
    public var url: URL
    /// Lint warnings (never errors).
    public var warnings: [Diagnostic]

    public init(lesson: Lesson, url: URL, warnings: [Diagnostic]) {
        self.lesson = lesson
        self.url = url
        self.warnings = warnings
    }

    /// The lesson's asset folder: a folder named like the file, beside it (`lessons/ID/`).
    public var assetsFolder: URL { url.deletingPathExtension() }

    /// The default inputs, for previews: every input's default value.
    public var defaultInputs: [String: InputValue] { lesson.defaultInputs }
}
