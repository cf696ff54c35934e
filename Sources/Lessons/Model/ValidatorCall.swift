/// A use of a built-in validator: its name and its arguments (templates not yet filled in).
public struct ValidatorCall: Sendable, Hashable, Codable {
    public var name: String
    public var arguments: [String: String]
    /// False when the block's YAML could not be read (that is reported; the arguments are then unknown).
    public var argumentsReadable: Bool

    public init(name: String, arguments: [String: String], argumentsReadable: Bool = true) {
        self.name = name
        self.arguments = arguments
        self.argumentsReadable = argumentsReadable
    }
}
