/// A use of a built-in validator: its name and its arguments (templates not yet filled in).
public struct ValidatorCall: Sendable, Hashable, Codable {
    public var name: String
    public var arguments: [String: String]

    public init(name: String, arguments: [String: String]) {
        self.name = name
        self.arguments = arguments
    }
}
