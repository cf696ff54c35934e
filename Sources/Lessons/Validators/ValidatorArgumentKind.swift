import Foundation

/// The kind of value a validator argument takes, and the one rule that says whether a value is one.
/// Lint applies it to values without templates; the runtime applies it to every value once filled in.
public enum ValidatorArgumentKind: Sendable, Hashable {
    /// Any text: a path, a host, a command.
    case text
    /// `true` or `false` (`yes` and `no` are read the same way).
    case flag
    /// A whole number in a range.
    case number(ClosedRange<Int>)
    /// A size such as `8G`, `512M` or `4096` (bytes, binary units).
    case size
    /// Words separated by spaces (hosts, hostnames).
    case words
    /// An extended regular expression.
    case pattern
    /// One of a few words.
    case choice([String])

    /// Why `value` is not of this kind, or nil when it is.
    public func problem(with value: String) -> String? {
        switch self {
        case .text, .words: return nil
        case .flag: return Self.flag(value) == nil ? "'\(value)' is not true or false" : nil
        case .number(let range):
            guard let number = Int(value), range.contains(number) else { return "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)" }
            return nil
        case .size: return ByteSize.parse(value) == nil ? "'\(value)' is not a size such as 8G, 512M or 4096" : nil
        case .pattern:
            return (try? NSRegularExpression(pattern: value)) == nil ? "'\(value)' is not a regular expression" : nil
        case .choice(let words):
            return words.contains(value) ? nil : "'\(value)' is not one of \(words.joined(separator: ", "))"
        }
    }

    /// A flag's value: true for `true`/`yes`, false for `false`/`no`, nil for anything else.
    public static func flag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: return nil
        }
    }
}
