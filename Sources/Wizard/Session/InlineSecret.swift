import Lessons

/// A line typed at the prompt that gives a secret input's value inline (`set password hunter2`). Such a
/// value is refused (the session asks for it at the hidden prompt instead), and the line is kept —
/// in the readline history and in the transcript — as `set password`, without the value.
public struct InlineSecret: Sendable {
    /// The lesson's secret inputs.
    public let names: Set<String>

    public init(lesson: Lesson) {
        names = lesson.secretInputNames
    }

    /// The secret input the line gives a value for inline, or nil.
    public func input(in line: String) -> String? {
        guard case .success(.set(let name, let value?)) = SessionCommand.parse(line), !value.isEmpty else { return nil }
        return isSecret(name) ? name : nil
    }

    /// Whether `set NAME` names a secret input (or a part of one).
    public func isSecret(_ name: String) -> Bool {
        names.contains(String(name.prefix { $0 != "." }))
    }

    /// The line as it may be kept: `set NAME` when it gives a secret's value inline, else as typed.
    public func keepable(_ line: String) -> String {
        input(in: line).map { "set \($0)" } ?? line
    }
}
