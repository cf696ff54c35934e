/// Where one step (or one node of a per-node step) stands.
public enum StepStatus: String, Sendable, Hashable, Codable {
    case pending
    /// Its commands were started and have not finished (what a crash leaves behind).
    case running
    case done
    /// The learner chose to go on without it.
    case skipped
    /// Its commands or checks failed; it can be retried.
    case failed
    /// Its branch condition does not hold for this node.
    case notApplicable = "not-applicable"

    /// Whether the step needs no more work.
    public var isSettled: Bool { self == .done || self == .skipped || self == .notApplicable }

    /// What the marks mean, in one line under every status list.
    public static let legend = "→ you are here · ✓ done · ↷ skipped · – does not apply · ✗ failed · … was running · · to do"

    /// A one-character mark for status lists.
    public var mark: String {
        switch self {
        case .pending: return "·"
        case .running: return "…"
        case .done: return "✓"
        case .skipped: return "↷"
        case .failed: return "✗"
        case .notApplicable: return "–"
        }
    }
}
