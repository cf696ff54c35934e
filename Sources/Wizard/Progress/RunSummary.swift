import Foundation
import Lessons

/// Where one saved run stands, as `piwizard status` shows it (as text, or as JSON in the documented
/// format of docs/json-output.md). Made from the saved run and, when it can still be read, its lesson.
public struct RunSummary: Sendable, Hashable, Codable {
    public var lesson: String
    public var lessonFile: String
    public var finished: Bool
    /// The step the run is at (nil when finished, or when the lesson cannot be read).
    public var currentStep: String?
    public var stepIndex: Int
    /// The steps this run counts (those of choices it did not make left out, as the session counts
    /// them), and those with every item done, skipped or not applicable (nil when the lesson cannot be
    /// read); the current step's number among them.
    public var totalSteps: Int?
    public var settledSteps: Int?
    public var stepNumber: Int?
    public var startedAt: Date
    public var updatedAt: Date
    public var transcript: String?
    /// Every session's transcript, the first first.
    public var sessions: [String]
    public var practiceLab: String?
    /// Step id → item (`""` for a step without a loop) → status.
    public var statuses: [String: [String: StepStatus]]

    public init(_ run: SavedRun, lesson: Lesson?) {
        self.lesson = run.lessonID
        lessonFile = run.lessonFile
        finished = run.finished
        stepIndex = lesson.map { SavedRun.resumeIndex(of: run.state, in: $0) } ?? run.state.stepIndex
        currentStep = lesson.flatMap { lesson in
            let index = SavedRun.resumeIndex(of: run.state, in: lesson)
            return !run.finished && index < lesson.steps.count ? lesson.steps[index].id : nil
        }
        if let lesson {
            let counted = StepValues(lesson: lesson, assets: "", inputs: run.state.inputs).countedSteps(current: stepIndex)
            totalSteps = counted.count
            settledSteps = counted.filter { index in
                let items = run.state.statuses[lesson.steps[index].id] ?? [:]
                return !items.isEmpty && items.values.allSatisfy(\.isSettled)
            }.count
            stepNumber = run.finished ? nil : counted.firstIndex(of: stepIndex).map { $0 + 1 }
        }
        startedAt = run.startedAt
        updatedAt = run.updatedAt
        transcript = run.transcript
        sessions = run.sessionTranscripts
        practiceLab = run.state.practiceLab
        statuses = run.state.statuses
    }

    /// One line, then the transcript's path.
    public var text: String {
        let when = ISO8601DateFormatter().string(from: updatedAt)
        let step = stepNumber.map { "step \($0) (\(currentStep ?? "-"))" } ?? currentStep ?? "-"
        let position = finished ? "finished" : "at \(step)"
        var text = "\(lesson)  \(position)  \(settledSteps ?? 0) of \(totalSteps ?? 0) steps behind you  saved \(when)"
        if sessions.count > 1 {
            text += "\n  \(sessions.count) sessions (piwizard transcript show --run \(lesson)):"
            for session in sessions { text += "\n    \(session)" }
        } else if let transcript {
            text += "\n  transcript: \(transcript)"
        }
        return text
    }
}

/// `piwizard status --json`: every saved run, newest first, in a versioned format.
public struct StatusReport: Sendable, Hashable, Codable {
    /// The format of this report; a change that removes or renames a field raises it.
    public static let currentSchema = 1
    public var schema: Int
    public var runs: [RunSummary]

    public init(runs: [RunSummary]) {
        schema = Self.currentSchema
        self.runs = runs
    }

    public var json: String { JSONOutput.text(self) }
}
