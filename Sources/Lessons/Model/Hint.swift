/// Advice shown when a step's check fails: bound to the checks it explains (`> **Hint for
/// key-login:**`, by their `id=`), shown when one of them fails; or a step hint, shown when a failing
/// check has no hint of its own.
public struct Hint: Sendable, Hashable, Codable {
    /// Markdown text, without the `Hint:` label.
    public var text: String
    public var location: SourceLocation
    /// The ids of the checks it explains; empty for a step hint.
    public var checks: [String] = []

    public init(text: String, location: SourceLocation, checks: [String] = []) {
        self.text = text
        self.location = location
        self.checks = checks
    }
}
