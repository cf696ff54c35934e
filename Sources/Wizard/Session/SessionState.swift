import Lessons

/// Everything a session knows that can change: the inputs, where it is, every step's status, and the
/// commands the learner edited. A value, so that it can be saved and compared; it also keeps a journal
/// of what changed (`changes`, not part of the value), so that saving costs what changed, not the lesson.
public struct SessionState: Sendable, Hashable, Codable {
    /// Input values given so far (never secrets when saved; see `withoutSecrets`).
    public var inputs: [String: InputValue] { didSet { changes.inputs = true } }
    /// Index of the current step in the lesson.
    public var stepIndex: Int { didSet { if stepIndex != oldValue { changes.position = true } } }
    /// Status per step id, then per item: `""` for a step without a loop, else the item's key. Changed
    /// through `setStatus` and `removeStatuses`, which keep the journal.
    public private(set) var statuses: [String: [String: StepStatus]]
    /// Edited command text per step, item and block.
    public var edits: [EditKey: String] { didSet { changes.edits = true } }
    /// The practice lab this run uses (its name), so that `resume` goes on in it; nil outside the lab.
    public var practiceLab: String? { didSet { if practiceLab != oldValue { changes.position = true } } }
    /// What changed since the journal was last taken (`takeChanges`).
    public private(set) var changes = StateChanges()

    enum CodingKeys: String, CodingKey { case inputs, stepIndex, statuses, edits, practiceLab }

    public init(inputs: [String: InputValue] = [:], stepIndex: Int = 0, statuses: [String: [String: StepStatus]] = [:], edits: [EditKey: String] = [:]) {
        self.inputs = inputs
        self.stepIndex = stepIndex
        self.statuses = statuses
        self.edits = edits
    }

    public static func == (left: SessionState, right: SessionState) -> Bool {
        left.inputs == right.inputs && left.stepIndex == right.stepIndex && left.statuses == right.statuses
            && left.edits == right.edits && left.practiceLab == right.practiceLab
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(inputs)
        hasher.combine(stepIndex)
        hasher.combine(statuses)
        hasher.combine(edits)
        hasher.combine(practiceLab)
    }

    public func status(_ step: String, item: String = "") -> StepStatus {
        statuses[step]?[item] ?? .pending
    }

    public mutating func setStatus(_ status: StepStatus, step: String, item: String = "") {
        guard statuses[step]?[item] != status else { return }
        statuses[step, default: [:]][item] = status
        changes.noteStatus(StatusKey(step: step, item: item))
    }

    /// Forgets one status (it is pending again).
    public mutating func removeStatus(step: String, item: String) {
        guard statuses[step]?.removeValue(forKey: item) != nil else { return }
        if statuses[step]?.isEmpty == true { statuses[step] = nil }
        changes.noteStatus(StatusKey(step: step, item: item))
    }

    /// Forgets every status of a step (it is pending again).
    public mutating func removeStatuses(of step: String) {
        guard let items = statuses.removeValue(forKey: step) else { return }
        for item in items.keys { changes.noteStatus(StatusKey(step: step, item: item)) }
    }

    /// Moves the progress of the loop item `old` of these steps (their statuses and edited commands) to
    /// the key `new`: a node that is renamed keeps what was done on it.
    public mutating func renameItem(_ old: String, to new: String, steps: [String]) {
        guard old != new else { return }
        for step in steps {
            if let status = statuses[step]?[old] {
                removeStatus(step: step, item: old)
                setStatus(status, step: step, item: new)
            }
            for (key, text) in edits where key.step == step && key.item == old {
                edits[key] = nil
                edits[EditKey(step: step, item: new, block: key.block)] = text
            }
        }
    }

    /// The journal of changes since the last call, which starts a new one.
    public mutating func takeChanges() -> StateChanges {
        defer { changes = StateChanges() }
        return changes
    }

    /// The same state without its secrets (what saved progress and a transcript header hold).
    public func withoutSecrets() -> SessionState {
        var copy = self
        copy.inputs = inputs.filter { !$0.value.isSecret }
        return copy
    }
}
