/// POSIX shell quoting of one word: the one place piwizard turns text into a shell word.
public enum ShellQuote {
    /// A path or other value inserted into a command, as one shell word: as it is when it is made only
    /// of inert characters, otherwise in single quotes with each `'` written as `'\''`. A leading `~/`
    /// stays outside the quotes, so the shell that runs the command expands it to that user's home
    /// folder (`~/my card.img` becomes `~/'my card.img'`).
    public static func quote(_ value: String) -> String {
        if value.hasPrefix("~/") {
            let rest = String(value.dropFirst(2))
            return "~/" + (rest.isEmpty ? "" : word(rest))
        }
        return word(value)
    }

    /// Text that must reach the next shell exactly as it is (a whole command for `sh -c`, an argument
    /// list): one word, with no exception for `~/`. The empty text is `''`.
    public static func word(_ text: String) -> String {
        if isInert(text) { return text }
        return "'" + insideSingleQuotes(text) + "'"
    }

    /// The text for the inside of single quotes: each `'` as `'\''` (close, quote, reopen). Done on
    /// Unicode scalars, as a shell reads bytes: a `'` followed by a combining mark is one Character to
    /// Swift, which `replacingOccurrences` would not find (a value could close the quotes).
    public static func insideSingleQuotes(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "'" { result.append(contentsOf: "'\\''".unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }

    /// Whether the text is made only of characters that mean nothing to a shell in any quoting or
    /// expansion (letters, digits and `@%+=:,./_-`), and is not empty.
    public static func isInert(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(isInert)
    }

    private static func isInert(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "@", "%", "+", "=", ":", ",", ".", "/", "_", "-": return true
        default: return false
        }
    }
}
