/// Reads a command as a POSIX shell (`dash`, `bash`) does: quotes, backslashes, `$( … )`, backquotes,
/// `${ … }`, `$(( … ))`, comments and here-documents (quoted or not, `<<-`), and tells the context of
/// each given place (a template's `{{…}}`, a secret's stand-in), the simple commands with their words,
/// and the here-documents. A place is read as part of a word whatever its characters.
///
/// The one lexer behind the renderer, lint and the display. Where it cannot follow the text (an unclosed
/// quote, a here-document that never ends, nested backquotes) it says so, and every place is `.unknown`.
public struct ShellLexer {
    /// Where a command list ends.
    enum End { case text, parenthesis, backquote }

    let text: [Unicode.Scalar]
    /// Each place's index, by the offset where it starts, and its end.
    let places: [Int: (index: Int, end: Int)]
    var contexts: [ShellContext?]
    var commands: [ShellSimpleCommand] = []
    var hereDocuments: [ShellHereDocument] = []
    var pending: [(delimiter: String, quoted: Bool, stripsTabs: Bool)] = []
    var problems: [ShellSyntaxProblem] = []
    var separators: [Int] = []
    /// Where the lexer is; never past the end (a backslash at the very end moves it by one, not two).
    var position = 0 {
        didSet { if position > text.count { position = text.count } }
    }

    /// Reads `text`; `places` are scalar ranges (e.g. of templates), which must not overlap.
    public static func read(_ text: String, places: [Range<Int>] = []) -> ShellSyntax {
        var lexer = ShellLexer(text: Array(text.unicodeScalars), places: places)
        lexer.list(until: .text, backquotes: 0)
        let contexts = lexer.problems.isEmpty
            ? lexer.contexts.map { $0 ?? ShellContext(.unknown) }
            : Array(repeating: ShellContext(.unknown), count: places.count)
        return ShellSyntax(contexts: contexts, commands: lexer.commands, hereDocuments: lexer.hereDocuments,
                           problems: lexer.problems, separators: lexer.problems.isEmpty ? lexer.separators : [])
    }

    init(text: [Unicode.Scalar], places: [Range<Int>]) {
        self.text = text
        var starts: [Int: (Int, Int)] = [:]
        for (index, place) in places.enumerated() { starts[place.lowerBound] = (index, place.upperBound) }
        self.places = starts
        self.contexts = Array(repeating: nil, count: places.count)
    }

    // MARK: Reading

    var atEnd: Bool { position >= text.count }
    var current: Unicode.Scalar? { atEnd ? nil : text[position] }
    func peek(_ distance: Int = 1) -> Unicode.Scalar? {
        position + distance < text.count ? text[position + distance] : nil
    }

    /// When a place starts here: notes its context, moves past it and says so.
    mutating func skipPlace(as context: ShellContext) -> Bool {
        guard let place = places[position] else { return false }
        contexts[place.index] = context
        position = max(place.end, position + 1)
        return true
    }

    mutating func problem(_ message: String, at offset: Int? = nil) {
        problems.append(ShellSyntaxProblem(offset: offset ?? position, message: message))
        position = text.count
    }

    // MARK: Command lists

    /// Reads commands until the end of the text, a `)` that closes `$(`, or the backquote that closes.
    mutating func list(until end: End, backquotes: Int) {
        var command = ShellSimpleCommand()
        var caseDepth = 0
        func finish(_ lexer: inout ShellLexer) {
            if !command.words.isEmpty || !command.redirections.isEmpty || !command.hereDocuments.isEmpty {
                lexer.commands.append(command)
            }
            command = ShellSimpleCommand()
        }
        while let scalar = current {
            if places[position] != nil {
                command.words.append(word(backquotes: backquotes, end: end))
                continue
            }
            switch scalar {
            case " ", "\t":
                if backquotes == 0 { separators.append(position) }
                position += 1
            case "\n":
                position += 1
                finish(&self)
                readHereDocuments(backquotes: backquotes)
            case "\\" where peek() == "\n": position += 2
            case "#": comment(backquotes: backquotes)
            case ";", "&", "|", "(":
                position += 1
                finish(&self)
            case ")":
                position += 1
                finish(&self)
                if end == .parenthesis && caseDepth == 0 { return }
            case "`" where end == .backquote:
                position += 1
                finish(&self)
                return
            case "<", ">": redirection(into: &command, prefix: "", backquotes: backquotes, end: end)
            default:
                let word = word(backquotes: backquotes, end: end)
                if let digits = word.literal, !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
                   current == "<" || current == ">" {
                    redirection(into: &command, prefix: digits, backquotes: backquotes, end: end)
                    continue
                }
                if word.literal == "case" { caseDepth += 1 }
                if word.literal == "esac" { caseDepth = max(0, caseDepth - 1) }
                command.words.append(word)
            }
        }
        finish(&self)
        if end == .parenthesis { problem("a $( is never closed") }
        if end == .backquote { problem("a ` is never closed") }
        if !pending.isEmpty { readHereDocuments(backquotes: backquotes) }
    }

    /// A `#` that starts a word: the rest of the line is a comment.
    mutating func comment(backquotes: Int) {
        while let scalar = current, scalar != "\n" {
            if !skipPlace(as: ShellContext(.comment, backquotes: backquotes)) { position += 1 }
        }
    }

    /// A redirection operator and its target word; `<<` and `<<-` start a here-document.
    mutating func redirection(into command: inout ShellSimpleCommand, prefix: String, backquotes: Int, end: End) {
        var op = prefix + String(text[position])
        position += 1
        while let next = current, ["<", ">", "&", "|", "-"].contains(next), op.count - prefix.count < 3 {
            if next == "-" && !op.hasSuffix("<<") { break }
            op.append(Character(next))
            position += 1
        }
        while current == " " || current == "\t" { position += 1 }
        let start = position
        let target = word(backquotes: backquotes, end: end)
        command.redirections.append((op, target))
        guard op.hasSuffix("<<") || op.hasSuffix("<<-") else { return }
        guard let delimiter = target.literal, !delimiter.isEmpty else {
            return problem("a here-document's delimiter after \(op) must be plain text", at: start)
        }
        let quoted = text[target.range].contains { $0 == "'" || $0 == "\"" || $0 == "\\" }
        command.hereDocuments.append(hereDocuments.count + pending.count)
        pending.append((delimiter, quoted, op.hasSuffix("-")))
    }
}
