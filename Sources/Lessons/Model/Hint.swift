/// Advice shown when a step's check fails.
public struct Hint: Sendable, Hashable, Codable {
    /// Markdown text, without the `Hint:` label.
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
