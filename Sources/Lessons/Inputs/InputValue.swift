/// The value of an input: one scalar, written as text, or a list of records (field name → text).
public enum InputValue: Sendable, Hashable, Codable {
    case text(String)
    case records([[String: String]])

    /// The scalar text, or nil for a list.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The records, or nil for a scalar.
    public var records: [[String: String]]? {
        if case .records(let value) = self { return value }
        return nil
    }
}
