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
    /// For `piwizard test` only: commands that break what the step's checks prove, as a learner could
    /// (`hint=N` names the hint that explains that fault). Never shown to a learner, never run by a session.
    case drill
    /// For `piwizard test` only: undoes the drill before it (without one, the step's commands run again).
    case repair
    /// For `piwizard test` only: what the learner is meant to end up typing in a step whose command fails
    /// on purpose; the test runs it after it has seen the check fail.
    case solve
    /// For `piwizard test` only: undoes what the step made, so the self-test can run again on the same
    /// machine; run before a test (what an earlier one left) and after it, steps last to first.
    case teardown

    /// Checks and preconditions are validators.
    public var isValidator: Bool { self == .check || self == .precondition }

    /// Drills, repairs, solutions and teardowns: the lesson's self-test (`piwizard test`), hidden from learners.
    public var isSelfTest: Bool { self == .drill || self == .repair || self == .solve || self == .teardown }
}
