import Lessons

/// A lesson's fingerprint: its inputs (names, types, defaults) and every step's content hash
/// (`StepHasher`), so that a transcript can tell whether the lesson it was recorded with is the one
/// replaying it. Line numbers do not count.
public enum LessonFingerprint {
    public static func of(_ lesson: Lesson) -> String {
        var text = lesson.id + "\n"
        for input in lesson.inputs {
            text += "\(input.name) \(input.type.rawValue) \(String(describing: input.defaultValue)) \(input.fields.map(\.name))\n"
        }
        for step in lesson.steps { text += StepHasher.hash(step) + "\n" }
        return StepHasher.fnv1a(text)
    }
}
