/// One status of a saved run: a step, and the loop item (`""` for a step without a loop).
public struct StatusKey: Sendable, Hashable, Comparable {
    public var step: String
    public var item: String

    public init(step: String, item: String) {
        self.step = step
        self.item = item
    }

    public static func < (left: StatusKey, right: StatusKey) -> Bool {
        (left.step, left.item) < (right.step, right.item)
    }
}
