import Foundation

/// A branch condition, `VAR == VALUE` or `VAR != VALUE`, deciding whether a step applies.
public struct Condition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the variable is compared with the value.
    public enum Comparison: String, Sendable, Hashable, Codable {
        case equal = "=="
        case notEqual = "!="
    }

    /// The variable path, e.g. `netconf` or `node.netconf`.
    public var variable: TemplatePath
    public var comparison: Comparison
    public var value: String

    public init(variable: TemplatePath, comparison: Comparison, value: String) {
        self.variable = variable
        self.comparison = comparison
        self.value = value
    }

    public var description: String { "\(variable) \(comparison.rawValue) \(value)" }

    /// Parses `a.b == c`; nil when the text is not of that form.
    public init?(parsing text: String) {
        for comparison in [Comparison.equal, .notEqual] {
            let parts = text.components(separatedBy: comparison.rawValue)
            guard parts.count == 2 else { continue }
            let lhs = parts[0].trimmingCharacters(in: .whitespaces)
            var rhs = parts[1].trimmingCharacters(in: .whitespaces)
            if rhs.count >= 2, let first = rhs.first, first == rhs.last, first == "'" || first == "\"" {
                rhs = String(rhs.dropFirst().dropLast())
            }
            guard let path = TemplatePath(parsing: lhs), !rhs.isEmpty else { return nil }
            self.init(variable: path, comparison: comparison, value: rhs)
            return
        }
        return nil
    }

    /// Whether the condition holds for a value of its variable.
    public func holds(for actual: String) -> Bool {
        switch comparison {
        case .equal: return actual == value
        case .notEqual: return actual != value
        }
    }
}
