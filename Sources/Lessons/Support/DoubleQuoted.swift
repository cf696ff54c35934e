/// A string written between double quotes for a format that escapes with a backslash (JSON, YAML):
/// each character the format's `escape` rule names is replaced, the others written as they are.
public enum DoubleQuoted {
    /// `text` in double quotes; `escape` gives a character's escape, or nil to write it as it is.
    public static func write(_ text: String, escape: (Unicode.Scalar) -> String?) -> String {
        var result = "\""
        result.unicodeScalars.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) { result += escaped } else { result.unicodeScalars.append(scalar) }
        }
        return result + "\""
    }

    /// `\uXXXX`: a character by its code in four lowercase hexadecimal digits (characters below U+10000).
    public static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
