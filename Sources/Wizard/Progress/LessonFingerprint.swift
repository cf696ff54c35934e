import Lessons

/// A lesson's fingerprint: its inputs (names, types, defaults) and every step's content hash
/// (`StepHasher`), so that a transcript can tell whether the lesson it was recorded with is the one
/// replaying it. Line numbers do not count.
public enum LessonFingerprint {
    public static func of(_ lesson: Lesson) -> String {
        var text = lesson.id + "\n"
        for input in lesson.inputs {
            text += "\(input.name) \(input.type.rawValue) \(stableText(of: input.defaultValue)) \(input.fields.map(\.name))\n"
        }
        for step in lesson.steps { text += StepHasher.hash(step) + "\n" }
        return StepHasher.fnv1a(text)
    }

    /// A default value as text that is the same in every run: a record's fields in the order of their
    /// names (a dictionary's own description follows the process's random hash seed).
    static func stableText(of value: InputValue?) -> String {
        switch value {
        case nil: return "-"
        case .text(let text)?: return "text " + text
        case .secret?: return "secret"
        case .records(let records)?:
            return "records " + records.map { $0.sortedFields.map { "\($0.field)=\($0.value)" }.joined(separator: " ") }.joined(separator: "; ")
        }
    }
}
