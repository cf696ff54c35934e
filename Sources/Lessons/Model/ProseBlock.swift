/// A piece of Markdown prose as written in the lesson (a paragraph, list, example block, ...).
public struct ProseBlock: Sendable, Hashable, Codable {
    public var markdown: String
    /// Its first line.
    public var location: SourceLocation

    public init(markdown: String, location: SourceLocation) {
        self.markdown = markdown
        self.location = location
    }
}
