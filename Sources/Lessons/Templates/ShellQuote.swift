import Foundation

/// POSIX shell quoting: the one place piwizard turns text into shell words.
public enum ShellQuote {
    /// A value inserted into a command, as one shell word: as it is when it is made only of safe
    /// characters (letters, digits and `@%+=:,./_-`), otherwise in single quotes with each `'` written
    /// as `'\''`. A leading `~/` stays outside the quotes, so the shell that runs the command expands it
    /// to that user's home folder (`~/my card.img` becomes `~/'my card.img'`).
    public static func quote(_ value: String) -> String {
        if value.hasPrefix("~/") { return "~/" + quoteWord(String(value.dropFirst(2)), allowEmpty: true) }
        return quoteWord(value, allowEmpty: false)
    }

    /// Text that must reach the next shell exactly as it is (a whole command for `sh -c`, an argument
    /// list): one word, quoted like `quote` but with no exception for `~/`.
    public static func word(_ text: String) -> String {
        quoteWord(text, allowEmpty: false)
    }

    private static func quoteWord(_ value: String, allowEmpty: Bool) -> String {
        if value.isEmpty && allowEmpty { return "" }
        if !value.isEmpty, value.unicodeScalars.allSatisfy(isSafe) { return value }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "@", "%", "+", "=", ":", ",", ".", "/", "_", "-": return true
        default: return false
        }
    }
}
