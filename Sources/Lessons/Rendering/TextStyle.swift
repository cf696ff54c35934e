/// ANSI text styles, or none at all when colour is off (not a terminal, or `NO_COLOR` set).
public struct TextStyle: Sendable, Hashable {
    /// A set of attributes for one run of text.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let italic = Attributes(rawValue: 1 << 1)
        public static let underline = Attributes(rawValue: 1 << 2)
        public static let dim = Attributes(rawValue: 1 << 3)
        public static let cyan = Attributes(rawValue: 1 << 4)
        public static let yellow = Attributes(rawValue: 1 << 5)
        public static let green = Attributes(rawValue: 1 << 6)
        public static let red = Attributes(rawValue: 1 << 7)
        public static let magenta = Attributes(rawValue: 1 << 8)
    }

    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// Plain text: no escape codes at all.
    public static let plain = TextStyle(colour: false)

    /// The text wrapped in the escape codes for `attributes` (unchanged when colour is off).
    public func apply(_ attributes: Attributes, to text: String) -> String {
        guard colour, !attributes.isEmpty, !text.isEmpty else { return text }
        let codes: [(Attributes, String)] = [
            (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"),
            (.red, "31"), (.green, "32"), (.yellow, "33"), (.magenta, "35"), (.cyan, "36"),
        ]
        let sequence = codes.filter { attributes.contains($0.0) }.map(\.1).joined(separator: ";")
        return "\u{1B}[\(sequence)m\(text)\u{1B}[0m"
    }
}
