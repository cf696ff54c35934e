/// Text from outside (a value, a file name, a line of a vars file) made safe to print on a terminal: a
/// control character can clear the screen, retitle the terminal or move the cursor over what was shown,
/// so each one is written as an escape a person can read (`\e`, `\x00`, `\u{9b}`). The one place that
/// decides how a value looks in a message or a shown command.
public enum VisibleText {
    /// `text` with every C0 control (but line breaks and tabs when `keepsLayout`), DEL and C1 control
    /// written visibly.
    public static func of(_ text: String, keepsLayout: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if keepsLayout && (scalar == "\n" || scalar == "\t") || !isControl(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += escape(scalar)
            }
        }
        return result
    }

    /// Whether the scalar is a C0 control, DEL or a C1 control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The first control character in `text` and its 1-based position, written visibly.
    public static func firstControl(in text: String) -> (shown: String, position: Int)? {
        for (index, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) {
            return (escape(scalar), index + 1)
        }
        return nil
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{1B}": return "\\e"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{7}": return "\\a"
        case "\u{8}": return "\\b"
        default:
            let hex = String(scalar.value, radix: 16)
            return scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{\(hex)}"
        }
    }
}
