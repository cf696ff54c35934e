import Lessons

/// What `piwizard test` found at one point of a step and item: whether the checks failed before the
/// step, passed after it, caught a drill's fault and passed again once it was repaired, or passed after
/// the step's solution. Recorded in the session's transcript (`x-selftest`), where the report is read from.
public struct SelfTestFinding: Sendable, Hashable, Codable {
    /// Where in the step's test the checks ran.
    public enum Phase: String, Sendable, Hashable, Codable {
        /// Before the step's commands: the checks must fail (unless the step says they may pass).
        case before
        /// After the step's commands: the checks must pass (or fail, for a step with a solution).
        case after
        /// After a drill broke the step's result: a check must fail, and the drill's hint be shown.
        case drill
        /// After the drill was repaired: the checks must pass again.
        case repair
        /// After the step's solution: the checks must pass.
        case solve
    }

    public var step: String
    /// The loop item's label (`node2`), empty for a step without a loop.
    public var item: String
    public var phase: Phase
    /// For a drill and its repair: which drill of the step, from 1.
    public var drill: Int?
    /// Whether what this phase expects held.
    public var held: Bool
    /// What did not hold (or, when it held, what was seen), in words, naming the checks.
    public var detail: String
    /// `file:line` where the author looks: the step's first check, the drill or the solution.
    public var place: String

    public init(step: String, item: String, phase: Phase, drill: Int? = nil, held: Bool, detail: String, place: String) {
        self.step = step
        self.item = item
        self.phase = phase
        self.drill = drill
        self.held = held
        self.detail = detail
        self.place = place
    }

    /// The phase as the report names it: `before`, `drill 2`, `repair 2`.
    public var phaseName: String { drill.map { "\(phase.rawValue) \($0)" } ?? phase.rawValue }
}
