/// Writes a value into shell text for the context it sits in, so that the command receives exactly the
/// value's characters: one quoted word, the inside of single or double quotes, a here-document's line.
/// Where the context cannot hold the value (a line break in a here-document), it refuses, saying why.
public enum ShellValueWriter {
    /// A value inserted into a command: its text, and whether a leading `~/` means the home folder of
    /// the user the command runs as (a `path` input), so that the shell expands it.
    public struct Value: Sendable, Hashable {
        public var text: String
        public var isHomePath: Bool

        public init(_ text: String, isHomePath: Bool = false) {
            self.text = text
            self.isHomePath = isHomePath
        }

        /// The path after `~/` when the value is a path from the home folder.
        var homeRelative: Substring? {
            isHomePath && text.hasPrefix("~/") ? text.dropFirst(2) : nil
        }
    }

    /// The value written for `context`; throws why the context cannot hold it.
    public static func write(_ value: Value, in context: ShellContext) throws(ShellValueRefusal) -> String {
        if value.text.unicodeScalars.contains("\0") { throw ShellValueRefusal("it holds a NUL byte, which no command can hold") }
        var written = try unquoted(value, in: context)
        for _ in 0..<context.backquotes {
            written = escaping(written, ["\\", "`", "$"])
        }
        return written
    }

    /// Why `context` cannot hold `value`, or nil.
    public static func problem(_ value: Value, in context: ShellContext) -> String? {
        do {
            _ = try write(value, in: context)
            return nil
        } catch {
            return error.reason
        }
    }

    /// The value for the context, before any backquotes around it.
    private static func unquoted(_ value: Value, in context: ShellContext) throws(ShellValueRefusal) -> String {
        let text = value.text
        switch context.quoting {
        case .word:
            if let rest = value.homeRelative { return "~/" + (rest.isEmpty ? "" : ShellQuote.word(String(rest))) }
            return ShellQuote.word(text)
        case .singleQuotes:
            if let rest = value.homeRelative { return "'\"$HOME\"'/" + ShellQuote.insideSingleQuotes(String(rest)) }
            return ShellQuote.insideSingleQuotes(text)
        case .doubleQuotes:
            if let rest = value.homeRelative { return "$HOME/" + escaping(String(rest), ["$", "`", "\"", "\\"]) }
            return escaping(text, ["$", "`", "\"", "\\"])
        case .hereDocument(let quoted, let delimiter, let stripsTabs):
            try hereDocumentLine(text, delimiter: delimiter, stripsTabs: stripsTabs)
            if quoted {
                if value.homeRelative != nil { throw ShellValueRefusal("it is a path from the home folder (~/), which a quoted here-document (<<'\(delimiter)') does not expand; write the path from /, or leave the delimiter unquoted") }
                return text
            }
            if let rest = value.homeRelative { return "$HOME/" + escaping(String(rest), ["$", "`", "\\"]) }
            return escaping(text, ["$", "`", "\\"])
        case .comment:
            if text.unicodeScalars.contains("\n") { throw ShellValueRefusal("it holds a line break, which would end the comment and run the rest") }
            return text
        case .arithmetic:
            let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                throw ShellValueRefusal("only a whole number can go inside an arithmetic expansion $((…))")
            }
            return text
        case .parameterExpansion, .dollarQuotes, .unknown:
            guard ShellQuote.isInert(text) else {
                throw ShellValueRefusal("only letters, digits and @%+=:,./_- can go inside \(context); put the value in a word of its own")
            }
            return text
        }
    }

    /// A here-document's line must not end it early or lose a tab.
    private static func hereDocumentLine(_ text: String, delimiter: String, stripsTabs: Bool) throws(ShellValueRefusal) {
        if text.unicodeScalars.contains("\n") {
            throw ShellValueRefusal("it holds a line break, and a line of its own could end the here-document <<\(delimiter)")
        }
        if stripsTabs && text.unicodeScalars.first == "\t" {
            throw ShellValueRefusal("it starts with a tab, which <<- takes off")
        }
    }

    /// Each of `special` with a backslash before it.
    private static func escaping(_ text: String, _ special: Set<Unicode.Scalar>) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if special.contains(scalar) { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }
}

/// Why a value cannot go where a template put it.
public struct ShellValueRefusal: Error, Sendable, Hashable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
