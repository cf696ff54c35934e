/// What a fenced block in a step is for.
public enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A command the wizard runs, or shows when the learner prefers.
    case run
    /// Text the learner types or copies by hand; the wizard waits for `done`.
    case show
    /// A validator proving the step is done.
    case check
    /// A validator that must pass before the step's commands run.
    case precondition

    /// Checks and preconditions are validators.
    public var isValidator: Bool { self == .check || self == .precondition }
}
