import Foundation
import Lessons

/// What one state change writes to saved progress: the run's position, and only the statuses (with
/// their marks), step hashes, inputs and edits that changed. Made from the session's state without
/// keeping a copy of it, so a change costs what changed, not the size of the lesson.
public struct ProgressUpdate: Sendable, Hashable {
    public var lessonID: String
    public var updatedAt: Date
    public var finished: Bool
    public var stepIndex: Int
    public var practiceLab: String?
    /// Each changed status, with its new mark.
    public var statuses: [StatusKey: SavedRun.Mark]
    /// The statuses that were removed (pending again).
    public var removed: Set<StatusKey>
    /// Hashes of the steps that are done now.
    public var stepHashes: [String: String]
    /// Every input without secrets, when the inputs changed.
    public var inputs: [String: InputValue]?
    /// Every edit, when the edits changed.
    public var edits: [EditKey: String]?

    public init(lesson: Lesson, state: SessionState, changes: StateChanges, now: Date, transcriptEvent: Int?, finished: Bool = false) {
        lessonID = lesson.id
        updatedAt = now
        self.finished = finished
        stepIndex = state.stepIndex
        practiceLab = state.practiceLab
        statuses = [:]
        removed = []
        stepHashes = [:]
        for key in changes.statuses {
            guard let status = state.statuses[key.step]?[key.item] else {
                removed.insert(key)
                continue
            }
            statuses[key] = SavedRun.Mark(status: status, at: now, transcriptEvent: transcriptEvent)
            if status == .done, let step = Self.step(key.step, of: lesson, near: state.stepIndex) { stepHashes[key.step] = StepHasher.hash(step) }
        }
        if changes.inputs {
            inputs = state.inputs.filter { !$0.value.isSecret }
        }
        if changes.edits { edits = state.edits }
    }

    /// The step with `id`: almost always the current one or the one just left (the session has gone
    /// on when the change is saved), so found without a search of the lesson.
    static func step(_ id: String, of lesson: Lesson, near index: Int) -> Step? {
        for offset in [index, index - 1, index + 1] where lesson.steps.indices.contains(offset) && lesson.steps[offset].id == id {
            return lesson.steps[offset]
        }
        return lesson.step(withID: id)
    }

    /// The saved run with this update applied (what loading it back gives).
    public func applied(to run: SavedRun) -> SavedRun {
        var run = run
        run.updatedAt = updatedAt
        run.finished = finished
        run.state.stepIndex = stepIndex
        run.state.practiceLab = practiceLab
        for (key, mark) in statuses {
            run.state.setStatus(mark.status, step: key.step, item: key.item)
            run.marks[key.step, default: [:]][key.item] = mark
        }
        for key in removed {
            run.state.removeStatus(step: key.step, item: key.item)
            run.marks[key.step]?[key.item] = nil
            if run.marks[key.step]?.isEmpty == true { run.marks[key.step] = nil }
        }
        run.stepHashes.merge(stepHashes) { _, new in new }
        if let inputs { run.state.inputs = inputs }
        if let edits { run.state.edits = edits }
        return run
    }
}
