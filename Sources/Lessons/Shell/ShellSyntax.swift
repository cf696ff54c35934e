/// What `ShellLexer` read in a command: the context of every place asked about, every simple command
/// with its words, and the here-documents. Positions are offsets in the text's Unicode scalars.
public struct ShellSyntax: Sendable, Hashable {
    /// The context of each place, in the order the places were given.
    public var contexts: [ShellContext]
    /// Every simple command, nested ones (inside `$( … )`) too, in the order they start.
    public var commands: [ShellSimpleCommand]
    /// Every here-document's body.
    public var hereDocuments: [ShellHereDocument]
    /// What piwizard could not follow (an unclosed quote, nested backquotes), at a scalar offset; when
    /// there is any, every place's context is `.unknown`.
    public var problems: [ShellSyntaxProblem]
    /// Every blank (space or tab) between words outside quotes, comments, here-documents and
    /// backquotes: where a backslash and a line break may go without changing the command (a shown
    /// command is broken there). None when there are problems.
    public var separators: [Int] = []
}

/// Something in a command that the lexer cannot follow, and where.
public struct ShellSyntaxProblem: Sendable, Hashable {
    public var offset: Int
    public var message: String
}

/// One word of a command, as written.
public struct ShellWord: Sendable, Hashable {
    /// Where it is in the text (scalar offsets).
    public var range: Range<Int>
    /// The word's value after quote removal, when it is plain text (no expansion, no place in it).
    public var literal: String?

    /// Whether `offset` lies in the word.
    public func contains(_ offset: Int) -> Bool { range.contains(offset) }
}

/// A simple command: its words (assignments and the command and its arguments), its redirections, and
/// the here-documents it reads.
public struct ShellSimpleCommand: Sendable, Hashable {
    public var words: [ShellWord] = []
    /// Each redirection's operator (`>`, `>>`, `<`, `2>`, …) and its target word.
    public var redirections: [(operator: String, target: ShellWord)] = []
    /// Indices into `ShellSyntax.hereDocuments`.
    public var hereDocuments: [Int] = []

    public static func == (lhs: ShellSimpleCommand, rhs: ShellSimpleCommand) -> Bool {
        lhs.words == rhs.words && lhs.hereDocuments == rhs.hereDocuments
            && lhs.redirections.map(\.operator) == rhs.redirections.map(\.operator)
            && lhs.redirections.map(\.target) == rhs.redirections.map(\.target)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words)
        hasher.combine(hereDocuments)
    }
}

/// A here-document: its delimiter, whether it is quoted, and the lines of its body.
public struct ShellHereDocument: Sendable, Hashable {
    public var delimiter: String
    public var quoted: Bool
    /// `<<-`: leading tabs are taken off each line.
    public var stripsTabs: Bool
    /// Each body line's range (without its line break), the closing delimiter's line not included.
    public var lines: [Range<Int>]

    /// Why a filled-in body line would not reach the command as written, or nil: it is the delimiter
    /// (byte for byte, as the shell compares; after its leading tabs, for `<<-`), which ends the
    /// here-document there; or it starts with part of the delimiter followed by a non-ASCII character,
    /// of which dash 0.5.12 (Debian's `sh`) drops a byte.
    public static func problem(line: String, delimiter: String, stripsTabs: Bool) -> String? {
        let scalars = Array(stripsTabs ? line.unicodeScalars.drop { $0 == "\t" } : line.unicodeScalars[...])
        let expected = Array(delimiter.unicodeScalars)
        if scalars == expected { return "its line would then hold only the here-document's delimiter, which ends it" }
        let shared = zip(scalars, expected).prefix { $0 == $1 }.count
        if shared > 0, shared < scalars.count, !scalars[shared].isASCII {
            return "its line would start with part of the here-document's delimiter (\(String(String.UnicodeScalarView(scalars[..<shared])))) followed by a non-ASCII character, of which dash (Debian's sh) drops a byte"
        }
        return nil
    }
}
