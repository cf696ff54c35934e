/// A step id written somewhere (in `requires`), with where it was written.
public struct StepReference: Sendable, Hashable, Codable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
