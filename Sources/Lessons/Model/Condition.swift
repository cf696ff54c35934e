import Foundation

/// A branch condition deciding whether a step applies: one comparison, `VAR == VALUE` or
/// `VAR != VALUE`, or several joined with `and`, all of which must hold
/// (`node.role == worker and setup == card`).
public struct Condition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How a variable is compared with a value.
    public enum Comparison: String, Sendable, Hashable, Codable {
        case equal = "=="
        case notEqual = "!="
    }

    /// One comparison of a condition.
    public struct Term: Sendable, Hashable, Codable, CustomStringConvertible {
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
        init?(parsing text: String) {
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

        /// Whether the comparison holds for a value of its variable.
        public func holds(for actual: String) -> Bool {
            switch comparison {
            case .equal: return actual == value
            case .notEqual: return actual != value
            }
        }

        /// Whether this comparison and another can never hold together: the same variable, `==` two values.
        func excludes(_ other: Term) -> Bool {
            comparison == .equal && other.comparison == .equal && variable == other.variable && value != other.value
        }
    }

    /// The comparisons, all of which must hold (at least one).
    public var terms: [Term]

    public init(terms: [Term]) { self.terms = terms }

    public init(variable: TemplatePath, comparison: Comparison, value: String) {
        self.init(terms: [Term(variable: variable, comparison: comparison, value: value)])
    }

    public var description: String { terms.map(\.description).joined(separator: " and ") }

    /// Parses `a.b == c and d != e`; nil when a part is not of the form `VAR == VALUE` or `VAR != VALUE`.
    public init?(parsing text: String) {
        var terms: [Term] = []
        for part in text.components(separatedBy: " and ") {
            guard let term = Term(parsing: part) else { return nil }
            terms.append(term)
        }
        self.init(terms: terms)
    }

    /// Whether every comparison holds, with `value` giving each variable's value.
    public func holds(_ value: (TemplatePath) -> String) -> Bool {
        terms.allSatisfy { $0.holds(for: value($0.variable)) }
    }

    /// Whether this condition and another can never hold together (one of their comparisons excludes the other).
    public func excludes(_ other: Condition) -> Bool {
        terms.contains { term in other.terms.contains(where: term.excludes) }
    }
}
