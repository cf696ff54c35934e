/// What the front matter says about a lesson besides its inputs.
public struct LessonMetadata: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var summary: String
    /// Estimated time as written, e.g. `45m`.
    public var time: String?
    /// Programs the lesson uses.
    public var tools: [String]
    /// Systems the lesson is written for.
    public var systems: [String]
    /// How the lesson's other hosts are reached (`hosts:`).
    public var hosts = HostsDeclaration()

    public init(id: String, title: String, summary: String, time: String? = nil, tools: [String] = [], systems: [String] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.time = time
        self.tools = tools
        self.systems = systems
    }
}
