/// A command that prints the value of its `{{v}}`, and what it must print: the value between a prefix
/// and a suffix, then each ending the shell applies, innermost first.
struct PrintingShape {
    /// What the shell does to the text an inner command prints.
    enum Ending {
        /// A command substitution (`$( … )`, backquotes) takes off the trailing line breaks.
        case substitution
        /// A here-document's line ends in a line break.
        case hereDocument
    }

    var template: String
    var prefix = ""
    var suffix = ""
    var endings: [Ending] = []
    /// The here-document's delimiter, when the value starts a line of its body.
    var delimiter: String?

    /// The file a value that ran as a command creates (the dictionary's `touch` commands).
    static let marker = "/tmp/piwizard-fuzz-pwned"

    /// The shapes an input's first byte picks from: a word of its own, quotes of each kind, command
    /// substitutions, here-documents (quoted, `<<-`, inside `$( … )`, holding backquotes), an
    /// assignment, a `${ … }` default.
    static let all: [PrintingShape] = [
        PrintingShape(template: "printf '%s' {{v}}"),
        PrintingShape(template: "printf '%s' 'a{{v}}b'", prefix: "a", suffix: "b"),
        PrintingShape(template: "printf '%s' \"a{{v}}b\"", prefix: "a", suffix: "b"),
        PrintingShape(template: "printf '%s' \"$(printf '%s' \"x{{v}}y\")\"", prefix: "x", suffix: "y", endings: [.substitution]),
        PrintingShape(template: "cat <<EOF\n{{v}}\nEOF", endings: [.hereDocument], delimiter: "EOF"),
        PrintingShape(template: "cat <<'EOF'\n<{{v}}>\nEOF", prefix: "<", suffix: ">", endings: [.hereDocument]),
        PrintingShape(template: "cat <<-EOF\n\t{{v}}\n\tEOF", endings: [.hereDocument], delimiter: "EOF"),
        PrintingShape(template: "x={{v}}; printf '%s' \"$x\""),
        PrintingShape(template: "printf '%s' \"`printf '%s' {{v}}`\"", endings: [.substitution]),
        PrintingShape(template: "printf '%s' \"$(cat <<EOF\n{{v}}\nEOF\n)\"", endings: [.hereDocument, .substitution], delimiter: "EOF"),
        PrintingShape(template: "cat <<EOF\n`printf '%s' {{v}}`\nEOF", endings: [.substitution, .hereDocument]),
        PrintingShape(template: "printf '%s' a{{v}}b", prefix: "a", suffix: "b"),
        PrintingShape(template: "unset x; printf '%s' \"${x:-{{v}}}\""),
    ]

    /// The bytes the command must print for `value`.
    func expected(_ value: String) -> [UInt8] {
        var bytes = Array((prefix + value + suffix).utf8)
        for ending in endings {
            switch ending {
            case .substitution: while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
            case .hereDocument: bytes.append(UInt8(ascii: "\n"))
            }
        }
        return bytes
    }
}
