/// The lexer's words: quotes, backslashes and expansions inside one word.
extension ShellLexer {
    /// Characters that end an unquoted word.
    static let wordEnds: Set<Unicode.Scalar> = [" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]

    /// One word; `literal` is its text after quote removal when it holds no expansion and no place.
    mutating func word(backquotes: Int, end: End) -> ShellWord {
        let start = position
        var literal: String? = ""
        while let scalar = current {
            if skipPlace(as: ShellContext(.word, backquotes: backquotes)) {
                literal = nil
                continue
            }
            if Self.wordEnds.contains(scalar) { break }
            switch scalar {
            case "`" where end == .backquote: return ShellWord(range: start..<position, literal: literal)
            case "`":
                position += 1
                list(until: .backquote, backquotes: backquotes + 1)
                literal = nil
            case "\\":
                guard let next = peek() else { position += 1; continue }
                if skipEscapedPlace(backquotes: backquotes) { literal = nil; continue }
                if backquotes > 0 && (next == "`" || next == "\"") { problem(Self.backquoteEscape(next)); continue }
                if next != "\n" { literal?.unicodeScalars.append(next) }
                position += 2
            case "'":
                position += 1
                singleQuotes(into: &literal, backquotes: backquotes)
            case "\"":
                position += 1
                doubleQuotes(into: &literal, backquotes: backquotes)
            case "$" where dollarStartsExpansion:
                dollar(quoting: .word, backquotes: backquotes)
                literal = nil
            default:
                literal?.unicodeScalars.append(scalar)
                position += 1
            }
        }
        return ShellWord(range: start..<position, literal: literal)
    }

    /// The text of `'…'`, after the opening quote.
    mutating func singleQuotes(into literal: inout String?, backquotes: Int) {
        let start = position - 1
        while let scalar = current {
            if skipPlace(as: ShellContext(.singleQuotes, backquotes: backquotes)) {
                literal = nil
                continue
            }
            position += 1
            if scalar == "'" { return }
            if scalar == "`" && backquotes > 0 { return problem("a ` inside single quotes inside backquotes", at: position - 1) }
            literal?.unicodeScalars.append(scalar)
        }
        problem("a single quote (') is never closed", at: start)
    }

    /// The text of `"…"`, after the opening quote.
    mutating func doubleQuotes(into literal: inout String?, backquotes: Int) {
        let start = position - 1
        while let scalar = current {
            if skipPlace(as: ShellContext(.doubleQuotes, backquotes: backquotes)) {
                literal = nil
                continue
            }
            switch scalar {
            case "\"":
                position += 1
                return
            case "\\":
                guard let next = peek() else { position += 1; continue }
                if skipEscapedPlace(backquotes: backquotes) { literal = nil; continue }
                if backquotes > 0 && (next == "`" || next == "\"") { return problem(Self.backquoteEscape(next)) }
                if ["$", "`", "\"", "\\"].contains(next) { literal?.unicodeScalars.append(next) } else if next != "\n" {
                    literal?.unicodeScalars.append(contentsOf: ["\\", next])
                }
                position += 2
            case "`":
                if backquotes > 0 { return problem("backquotes inside backquotes: write $( … ) instead") }
                position += 1
                list(until: .backquote, backquotes: backquotes + 1)
                literal = nil
            case "$" where dollarStartsExpansion:
                dollar(quoting: .doubleQuotes, backquotes: backquotes)
                literal = nil
            default:
                literal?.unicodeScalars.append(scalar)
                position += 1
            }
        }
        problem("a double quote (\") is never closed", at: start)
    }

    /// Why a backslash before a backquote or a double quote inside backquotes cannot be followed: shells
    /// read it differently (inside double quotes or not).
    static func backquoteEscape(_ next: Unicode.Scalar) -> String {
        next == "`" ? "backquotes inside backquotes: write $( … ) instead" : "\\\" inside backquotes: shells read it differently; write $( … ) instead"
    }

    /// A backslash right before a place escapes the value's first character: only inert text may go
    /// there (`.unknown`). Moves past both and says so.
    mutating func skipEscapedPlace(backquotes: Int) -> Bool {
        guard places[position + 1] != nil else { return false }
        position += 1
        return skipPlace(as: ShellContext(.unknown, backquotes: backquotes))
    }

    /// Whether the `$` here starts an expansion (a name, a special parameter, `(`, `{`, or `'`).
    var dollarStartsExpansion: Bool {
        guard let next = peek() else { return false }
        return next.properties.isAlphabetic || ("0"..."9").contains(next)
            || ["_", "(", "{", "'", "@", "*", "#", "?", "-", "$", "!"].contains(next) || places[position + 1] != nil
    }

    /// An expansion starting at `$`: `$(( … ))`, `$( … )`, `${ … }`, bash's `$'…'`, or a parameter.
    mutating func dollar(quoting: ShellContext.Quoting, backquotes: Int) {
        if places[position + 1] != nil {
            // `${{x}}`: what the value becomes depends on its first characters.
            position += 1
            _ = skipPlace(as: ShellContext(.unknown, backquotes: backquotes))
            return
        }
        switch (peek(), peek(2)) {
        case ("(", "("):
            position += 3
            enclosed(open: "(", close: ")", closers: 2, as: ShellContext(.arithmetic, backquotes: backquotes))
        case ("(", _):
            position += 2
            list(until: .parenthesis, backquotes: backquotes)
        case ("{", _):
            position += 2
            enclosed(open: "{", close: "}", closers: 1, as: ShellContext(.parameterExpansion, backquotes: backquotes))
        case ("'", _) where quoting == .word:
            position += 2
            while let scalar = current, scalar != "'" {
                if !skipPlace(as: ShellContext(.dollarQuotes, backquotes: backquotes)) { position += scalar == "\\" ? 2 : 1 }
            }
            if atEnd { problem("a $' is never closed") } else { position += 1 }
        default:
            position += 1
            while let scalar = current, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                position += 1
            }
            if let scalar = current, ["@", "*", "#", "?", "-", "$", "!"].contains(scalar) { position += 1 }
        }
    }

    /// The inside of `${ … }` or `$(( … ))`, up to its closing `}` or `))`, nesting counted.
    mutating func enclosed(open: Unicode.Scalar, close: Unicode.Scalar, closers: Int, as context: ShellContext) {
        let start = position
        var depth = 0
        while let scalar = current {
            if skipPlace(as: context) { continue }
            if scalar == open { depth += 1 }
            if scalar == close {
                if depth == 0 {
                    guard closers == 1 || peek() == close else { return problem("an arithmetic $(( is closed by one ) only", at: start) }
                    position += closers
                    return
                }
                depth -= 1
            }
            if scalar == "\\" { position += 1 }
            position += 1
        }
        problem(close == "}" ? "a ${ is never closed" : "a $(( is never closed", at: start)
    }
}
