import Foundation
import Lessons

/// One lesson's saved progress: the session state (never secrets), the step hashes it was made
/// with, when each step and node last changed, and where its transcript is.
public struct SavedRun: Sendable, Hashable, Codable {
    /// The format of this file; a newer one is refused rather than misread.
    public static let currentVersion = 1

    /// When a step (or one node of it) last changed status, and the transcript event count then.
    public struct Mark: Sendable, Hashable, Codable {
        public var status: StepStatus
        public var at: Date
        public var transcriptEvent: Int?
    }

    public var version: Int
    public var lessonID: String
    public var lessonFile: String
    public var startedAt: Date
    public var updatedAt: Date
    public var finished: Bool
    public var state: SessionState
    /// Step id → content hash when the run started (or the step was last done).
    public var stepHashes: [String: String]
    /// Step id → item key → last change.
    public var marks: [String: [String: Mark]]
    /// The transcript file this run appends to.
    public var transcript: String?

    public init(lesson: Lesson, lessonFile: String, state: SessionState, now: Date, transcript: String?) {
        version = Self.currentVersion
        lessonID = lesson.id
        self.lessonFile = lessonFile
        startedAt = now
        updatedAt = now
        finished = false
        self.state = state.withoutSecrets(lesson)
        stepHashes = Dictionary(uniqueKeysWithValues: lesson.steps.map { ($0.id, StepHasher.hash($0)) })
        marks = [:]
        self.transcript = transcript
    }

    /// Takes a new state: records a mark for every status that changed, drops secrets.
    public mutating func record(_ newState: SessionState, lesson: Lesson, now: Date, transcriptEvent: Int?) {
        for (step, items) in newState.statuses {
            for (item, status) in items where state.statuses[step]?[item] != status {
                marks[step, default: [:]][item] = Mark(status: status, at: now, transcriptEvent: transcriptEvent)
                if status == .done, let current = lesson.step(withID: step) { stepHashes[step] = StepHasher.hash(current) }
            }
        }
        state = newState.withoutSecrets(lesson)
        updatedAt = now
    }

    /// The state to resume from: steps that changed since they were done are made pending again (their
    /// checks decide), and their ids are returned so the learner can be told.
    public func resumableState(for lesson: Lesson) -> (state: SessionState, changed: [String]) {
        var state = self.state
        var changed: [String] = []
        for step in lesson.steps {
            guard let saved = stepHashes[step.id], saved != StepHasher.hash(step), state.statuses[step.id] != nil else { continue }
            changed.append(step.id)
            state.statuses[step.id] = state.statuses[step.id]?.mapValues { $0 == .notApplicable ? $0 : .pending }
        }
        state.stepIndex = min(state.stepIndex, lesson.steps.count)
        return (state, changed)
    }
}
