import Lessons

/// Everything a session knows that can change: the inputs, where it is, every step's status, and the
/// commands the learner edited. A value, so that it can be saved and compared.
public struct SessionState: Sendable, Hashable, Codable {
    /// Input values given so far (never secrets when saved; see `withoutSecrets`).
    public var inputs: [String: InputValue]
    /// Index of the current step in the lesson.
    public var stepIndex: Int
    /// Status per step id, then per item: `""` for a step without a loop, else the item's key.
    public var statuses: [String: [String: StepStatus]]
    /// Edited command text per `step/item/block`.
    public var edits: [String: String]
    /// The practice lab this run uses (its name), so that `resume` goes on in it; nil outside the lab.
    public var practiceLab: String?

    public init(inputs: [String: InputValue] = [:], stepIndex: Int = 0, statuses: [String: [String: StepStatus]] = [:], edits: [String: String] = [:]) {
        self.inputs = inputs
        self.stepIndex = stepIndex
        self.statuses = statuses
        self.edits = edits
    }

    public func status(_ step: String, item: String = "") -> StepStatus {
        statuses[step]?[item] ?? .pending
    }

    public mutating func setStatus(_ status: StepStatus, step: String, item: String = "") {
        statuses[step, default: [:]][item] = status
    }

    /// The same state with the values of `secret` inputs removed.
    public func withoutSecrets(_ lesson: Lesson) -> SessionState {
        var copy = self
        for input in lesson.inputs where input.type == .secret { copy.inputs[input.name] = nil }
        return copy
    }
}
