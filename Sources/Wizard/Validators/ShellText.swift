import Lessons

/// Shell text a validator builds, where every interpolated value is quoted as one word: `"cat -- \(path)"`
/// can never run part of `path`. Shell text made by piwizard itself (another `ShellText`) is inserted as
/// it is; `\(word: script)` quotes a whole script for another shell (`sh -c`, ssh's remote command).
public struct ShellText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var description: String

    public init(stringLiteral value: String) { description = value }

    public init(stringInterpolation: Interpolation) { description = stringInterpolation.text }

    /// Shell code a lesson's author wrote (a check's command): run as written, like the lesson's blocks.
    public init(authored code: String) { description = code }

    /// Builds shell text from literal syntax and quoted values.
    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

        public mutating func appendLiteral(_ literal: String) { text += literal }

        /// A value: one quoted word.
        public mutating func appendInterpolation(_ value: String) { text += ShellQuote.quote(value) }

        public mutating func appendInterpolation(_ number: Int) { text += String(number) }

        public mutating func appendInterpolation(_ number: UInt64) { text += String(number) }

        /// Shell text piwizard built: inserted as it is.
        public mutating func appendInterpolation(_ script: ShellText) { text += script.description }

        /// Shell text for another shell to run: quoted as one word.
        public mutating func appendInterpolation(word script: ShellText) { text += ShellQuote.quote(script.description) }
    }
}

extension ShellText {
    /// Joins two pieces of shell text (the left one's syntax, then the right one's).
    public static func + (left: ShellText, right: ShellText) -> ShellText {
        ShellText(authored: left.description + right.description)
    }
}
