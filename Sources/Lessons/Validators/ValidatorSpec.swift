/// What a built-in validator is, for lint, the runtime and the docs: its name, its typed arguments and
/// when it passes. Each validator in the Wizard target declares its own; lint is handed the list.
public struct ValidatorSpec: Sendable, Hashable {
    public var name: String
    public var arguments: [ValidatorArgumentSpec]
    /// When the validator passes, as one Markdown sentence (the docs' table shows it).
    public var summary: String

    public init(_ name: String, arguments: [ValidatorArgumentSpec], summary: String) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
    }

    public var required: [String] { arguments.filter(\.required).map(\.name) }
    public var optional: [String] { arguments.filter { !$0.required }.map(\.name) }

    public func argument(named name: String) -> ValidatorArgumentSpec? {
        arguments.first { $0.name == name }
    }

    /// The docs' "arguments" cell: `` `host`; optional `port` (22), `wait` (10) ``.
    public var argumentsCell: String {
        let required = arguments.filter(\.required).map { "`\($0.name)`" }.joined(separator: ", ")
        let optional = arguments.filter { !$0.required }.map { "`\($0.name)`" + ($0.defaultValue.map { " (\($0))" } ?? "") }
        guard !optional.isEmpty else { return required }
        return required + (required.isEmpty ? "" : "; ") + "optional " + optional.joined(separator: ", ")
    }
}

/// One argument of a validator: its name, the kind of value it takes, and its default.
public struct ValidatorArgumentSpec: Sendable, Hashable {
    public var name: String
    public var kind: ValidatorArgumentKind
    public var required: Bool
    /// The value used when the argument is left out (optional arguments only).
    public var defaultValue: String?

    public static func required(_ name: String, _ kind: ValidatorArgumentKind = .text) -> ValidatorArgumentSpec {
        ValidatorArgumentSpec(name: name, kind: kind, required: true, defaultValue: nil)
    }

    public static func optional(_ name: String, _ kind: ValidatorArgumentKind = .text, default value: String? = nil) -> ValidatorArgumentSpec {
        ValidatorArgumentSpec(name: name, kind: kind, required: false, defaultValue: value)
    }
}
