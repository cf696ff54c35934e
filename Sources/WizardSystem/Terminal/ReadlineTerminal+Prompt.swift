extension ReadlineTerminal {
    /// `prompt` with every escape sequence (CSI such as colours, OSC such as titles, and two-character
    /// escapes) wrapped in readline's invisible markers `\u{1}` … `\u{2}` (`RL_PROMPT_START_IGNORE`,
    /// `RL_PROMPT_END_IGNORE`), so that readline counts only the visible characters. A prompt that
    /// already holds a marker is returned unchanged.
    public static func markingInvisible(_ prompt: String) -> String {
        let scalars = Array(prompt.unicodeScalars)
        guard !scalars.contains("\u{1}") else {
            return prompt
        }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\u{1B}" else {
                result.append(scalars[index])
                index += 1
                continue
            }
            let end = escapeSequenceEnd(scalars, from: index)
            result.append("\u{1}")
            result.append(contentsOf: scalars[index..<end])
            result.append("\u{2}")
            index = end
        }
        return String(result)
    }

    /// The prompt split after its last newline: the lines to write out, and the last line for readline.
    static func splitPrompt(_ prompt: String) -> (leading: String, lastLine: String) {
        guard let newline = prompt.lastIndex(of: "\n") else {
            return ("", prompt)
        }
        let cut = prompt.index(after: newline)
        return (String(prompt[..<cut]), String(prompt[cut...]))
    }

    /// The index just past the escape sequence that starts at `start` (an ESC).
    private static func escapeSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        guard index < scalars.count else {
            return index
        }
        switch scalars[index] {
        case "[":
            // CSI: parameter and intermediate bytes, then one final byte in @...~.
            index += 1
            while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
                index += 1
            }
            return min(index + 1, scalars.count)
        case "]":
            // OSC: up to BEL or ESC \.
            index += 1
            while index < scalars.count {
                if scalars[index] == "\u{7}" {
                    return index + 1
                }
                if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
                    return index + 2
                }
                index += 1
            }
            return index
        default:
            return index + 1
        }
    }
}
