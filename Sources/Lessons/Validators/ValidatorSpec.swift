/// What lint knows about a built-in validator: its arguments and what it proves. The wizard implements it.
public struct ValidatorSpec: Sendable, Hashable {
    public var name: String
    public var required: [String]
    public var optional: [String]
    /// One line: when the validator passes.
    public var summary: String

    public init(_ name: String, required: [String], optional: [String] = [], summary: String) {
        self.name = name
        self.required = required
        self.optional = optional
        self.summary = summary
    }
}
