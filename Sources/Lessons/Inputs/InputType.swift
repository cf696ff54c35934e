/// The type of a lesson input; decides how a value is validated and whether it may be saved.
public enum InputType: String, Sendable, Hashable, Codable, CaseIterable {
    case ipv4
    case cidr
    case hostname
    /// A user name on the nodes (POSIX portable, as `adduser` takes it).
    case username
    case path
    case blockDevice = "block-device"
    case int
    case string
    case secret
    case choice
    case bool
    case list

    /// Types a record field may have (everything but `list`).
    public var isScalar: Bool { self != .list }
}

extension InputType {
    /// The type's name with its article, for messages ("an ipv4", "a hostname").
    public var withArticle: String {
        (self == .ipv4 || self == .int ? "an " : "a ") + rawValue   // "a username": said as "you"
    }
}
