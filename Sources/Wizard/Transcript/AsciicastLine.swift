import Lessons

/// One event line of an asciicast v2 file, `[seconds, "code", "data"]`, written directly: the session
/// writes one per event, and building it with `JSONSerialization` (every value boxed in `Any`, cast back
/// while writing) cost about a tenth of a short step. The text is what `JSONSerialization` wrote with
/// `.withoutEscapingSlashes`, byte for byte (`AsciicastLineTests` compares the two).
enum AsciicastLine {
    /// The line, without its new line.
    static func line(seconds: Double, code: String, data: String) -> String {
        "[" + number(seconds) + "," + quoted(code) + "," + quoted(data) + "]"
    }

    /// A number of seconds as JSON: a whole number without a fraction (`24`), else its shortest form
    /// (`0.004`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// `text` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`,
    /// everything else (slashes, non-ASCII) as it is.
    static func quoted(_ text: String) -> String {
        DoubleQuoted.write(text) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\u{08}": return "\\b"
            case "\u{0C}": return "\\f"
            case _ where scalar.value < 0x20: return DoubleQuoted.hexEscape(scalar)
            default: return nil
            }
        }
    }
}
