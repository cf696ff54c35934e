/// Everything the transition function reads and changes: the saved session state, what the session
/// waits for, and where it is in the current step's items.
public struct MachineState: Sendable {
    /// What is saved (inputs, position, statuses, edits).
    public var session: SessionState
    var phase: SessionPhase = .notStarted
    /// The current step's items (one nil for a step without a loop).
    var items: [LoopItem?] = []
    var itemIndex = 0
    /// Unattended: the items of this step that failed, with why (the others go on).
    var failedNodes: [String] = []
    /// What the last failed check or command expected and found, for `why`.
    var lastFailures: [CheckOutcome] = []

    public init(session: SessionState) {
        self.session = session
    }

    /// The current loop item (nil for a step without a loop).
    var item: LoopItem? { itemIndex < items.count ? items[itemIndex] : nil }

    /// The key the current item's status is saved under (`""` without a loop).
    var itemKey: String { item?.key ?? "" }

    /// Whether the session is over.
    public var hasEnded: Bool { phase == .ended }
}

