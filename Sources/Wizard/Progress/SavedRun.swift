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

        public init(status: StepStatus, at: Date, transcriptEvent: Int?) {
            self.status = status
            self.at = at
            self.transcriptEvent = transcriptEvent
        }
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
    /// The transcript file of the run's last session.
    public var transcript: String?
    /// The transcript files of all the run's sessions, the first first (a run that was quit and
    /// resumed has one per session); nil in a run saved before piwizard kept them.
    public var sessions: [String]?

    /// Every session's transcript, the first first: `sessions`, or the last one alone when a run saved
    /// before piwizard kept them has only that.
    public var sessionTranscripts: [String] { sessions ?? [transcript].compactMap { $0 } }

    /// A saved run as it was stored.
    public init(lessonID: String, lessonFile: String, startedAt: Date, updatedAt: Date, finished: Bool, state: SessionState,
                stepHashes: [String: String], marks: [String: [String: Mark]], transcript: String?, sessions: [String]? = nil) {
        version = Self.currentVersion
        self.lessonID = lessonID
        self.lessonFile = lessonFile
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.finished = finished
        self.state = state
        self.stepHashes = stepHashes
        self.marks = marks
        self.transcript = transcript
        self.sessions = sessions.flatMap { $0.isEmpty ? nil : $0 }
    }

    public init(lesson: Lesson, lessonFile: String, state: SessionState, now: Date, transcript: String?) {
        version = Self.currentVersion
        lessonID = lesson.id
        self.lessonFile = lessonFile
        startedAt = now
        updatedAt = now
        finished = false
        self.state = state.withoutSecrets()
        stepHashes = Dictionary(uniqueKeysWithValues: lesson.steps.map { ($0.id, StepHasher.hash($0)) })
        marks = [:]
        self.transcript = transcript
        sessions = transcript.map { [$0] }
    }

    /// The state to resume from: steps that changed since they were done are made pending again (their
    /// checks decide), and their ids are returned so the learner can be told.
    public func resumableState(for lesson: Lesson) -> (state: SessionState, changed: [String]) {
        var state = self.state
        var changed: [String] = []
        for step in lesson.steps {
            guard let saved = stepHashes[step.id], saved != StepHasher.hash(step), state.statuses[step.id] != nil else { continue }
            changed.append(step.id)
            for (item, status) in state.statuses[step.id] ?? [:] where status != .notApplicable {
                state.setStatus(.pending, step: step.id, item: item)
            }
        }
        state.stepIndex = SavedRun.resumeIndex(of: state, in: lesson)
        return (state, changed)
    }

    /// The marks of the statuses `state` still has (a status made pending again loses its mark).
    public static func marks(_ marks: [String: [String: Mark]], keptBy state: SessionState) -> [String: [String: Mark]] {
        var kept: [String: [String: Mark]] = [:]
        for (step, items) in marks {
            for (item, mark) in items where state.statuses[step]?[item] == mark.status { kept[step, default: [:]][item] = mark }
        }
        return kept
    }

    /// Where a run goes on: its saved position, or the first step before it that is not settled (one
    /// that `reset --step` or a changed lesson made pending again; with `values`, one with an item that
    /// has no status yet: a node added to the list).
    public static func resumeIndex(of state: SessionState, in lesson: Lesson, values: StepValues? = nil) -> Int {
        let open = lesson.steps.firstIndex { step in
            let statuses = state.statuses[step.id] ?? [:]
            if statuses.isEmpty || !statuses.values.allSatisfy(\.isSettled) { return true }
            return values?.items(of: step).contains { statuses[$0?.key ?? ""] == nil } ?? false
        }
        return min(state.stepIndex, open ?? lesson.steps.count, lesson.steps.count)
    }
}
