/// What the program a command runs does with one of its words, or with its standard input: reads it as
/// code, as a pattern, as a format, as plain data, or lint cannot tell.
public struct WordReading: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Another interpreter runs it (a sed script, `sh -c`'s command line, ssh's remote command).
        case code
        /// A regular expression (`grep`'s pattern): `.`, `*` and `[` change what matches.
        case pattern
        /// `printf`'s format: `%` and `\` are read.
        case format
        /// Plain data: the program uses the characters as they are.
        case data
        /// A program lint does not know.
        case unknown
    }

    public var kind: Kind
    /// Who reads it, in words ("sed's script", "the remote command of ssh").
    public var reader: String
    /// How to give a value there safely, for the lint message.
    public var fix: String

    public init(_ kind: Kind, _ reader: String, fix: String = "") {
        self.kind = kind
        self.reader = reader
        self.fix = fix
    }

    public static let data = WordReading(.data, "data")

    /// A program lint does not know, by name.
    public static func unknown(_ program: String) -> WordReading {
        WordReading(.unknown, program.isEmpty ? "a program named by an expansion" : "\(program), which lint does not know")
    }
}
