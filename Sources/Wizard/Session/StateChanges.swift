/// What changed in a `SessionState`: the statuses by key, in the order they first changed; whether the
/// inputs, the edits or the position (step index, practice lab) were touched.
public struct StateChanges: Sendable, Hashable {
    public private(set) var statuses: [StatusKey] = []
    private var noted: Set<StatusKey> = []
    public var inputs = false
    public var edits = false
    public var position = false

    public init() {}

    public var isEmpty: Bool { statuses.isEmpty && !inputs && !edits && !position }

    mutating func noteStatus(_ key: StatusKey) {
        if noted.insert(key).inserted { statuses.append(key) }
    }

    /// These changes, then `later` ones.
    public func merged(with later: StateChanges) -> StateChanges {
        var merged = self
        for key in later.statuses { merged.noteStatus(key) }
        merged.inputs = inputs || later.inputs
        merged.edits = edits || later.edits
        merged.position = position || later.position
        return merged
    }
}
