/// Where a place in a shell command sits, as a POSIX shell reads it: what a value written there must be
/// escaped against so that the command receives exactly the value's characters.
public struct ShellContext: Sendable, Hashable, CustomStringConvertible {
    /// The innermost quoting around the place.
    public enum Quoting: Sendable, Hashable {
        /// A word of a command (also inside `$( … )`): a value is written as one quoted word.
        case word
        /// Inside `'…'`.
        case singleQuotes
        /// Inside `"…"`.
        case doubleQuotes
        /// A here-document's body; `quoted` when its delimiter is quoted (`<<'EOF'`), so nothing in it
        /// is expanded. `delimiter` is the line that ends it.
        case hereDocument(quoted: Bool, delimiter: String, stripsTabs: Bool)
        /// A comment: nothing runs, but a line break would end it.
        case comment
        /// Inside `${ … }`.
        case parameterExpansion
        /// Inside `$(( … ))`.
        case arithmetic
        /// Inside bash's `$'…'`, which other shells read differently.
        case dollarQuotes
        /// A construct piwizard does not follow (nested backquotes): only inert text may go there.
        case unknown
    }

    public var quoting: Quoting
    /// How many `` `…` `` command substitutions enclose the place (each one reads a backslash
    /// before `\`, `` ` `` and `$` once more).
    public var backquotes: Int

    public init(_ quoting: Quoting, backquotes: Int = 0) {
        self.quoting = quoting
        self.backquotes = backquotes
    }

    public static let word = ShellContext(.word)

    /// The place in words, for messages ("inside double quotes").
    public var description: String {
        let place: String
        switch quoting {
        case .word: place = "a word of the command"
        case .singleQuotes: place = "single quotes"
        case .doubleQuotes: place = "double quotes"
        case .hereDocument(let quoted, let delimiter, _): place = quoted ? "a quoted here-document (<<'\(delimiter)')" : "a here-document (<<\(delimiter))"
        case .comment: place = "a comment"
        case .parameterExpansion: place = "a ${…} expansion"
        case .arithmetic: place = "an arithmetic expansion $((…))"
        case .dollarQuotes: place = "$'…' quotes"
        case .unknown: place = "a place piwizard cannot follow (after a backslash, or right after $)"
        }
        return backquotes > 0 && quoting != .unknown ? "\(place) inside `…`" : place
    }
}
