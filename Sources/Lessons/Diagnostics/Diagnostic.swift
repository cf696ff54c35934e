/// One problem found in a lesson: data, not a thrown error, so that every problem can be reported at once.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is: errors make `lint` fail and stop a lesson from loading, warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:column: error: message`, the format compilers use.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column; equal positions keep their order.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }
}
