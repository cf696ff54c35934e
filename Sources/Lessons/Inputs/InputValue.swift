/// The value of an input: one scalar, written as text; a list of records (field name → text); or a
/// secret, which is never shown, saved or encoded as itself (`SecretValue`).
public enum InputValue: Sendable, Hashable, Codable {
    case text(String)
    case records([InputRecord])
    case secret(SecretValue)

    /// `text` as `input`'s value: a secret for a `secret` input, else the text.
    public static func of(_ text: String, as input: InputDeclaration) -> InputValue {
        input.type == .secret ? .secret(SecretValue(text)) : .text(text)
    }

    /// The scalar text, or nil for a list or a secret.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The records, or nil for a scalar.
    public var records: [InputRecord]? {
        if case .records(let value) = self { return value }
        return nil
    }

    /// The secret, or nil for any other value.
    public var secret: SecretValue? {
        if case .secret(let value) = self { return value }
        return nil
    }

    public var isSecret: Bool { secret != nil }
}
