/// The one way piwizard fits text to the screen's width, so that no word is split at the terminal's
/// edge: a line is broken at a run of spaces, and its continuation lines hang under the text that
/// follows the line's indentation and markers (`• `, `✓ `, `3. `, `→ `); a word wider than the line is
/// cut (the only case). Escape sequences take no column; a style in force at a break is closed before
/// it and opened again after it. Commands (`command(_:width:indent:)`) are broken only where the shell
/// reads a blank between words, with ` \` at the end of the broken line, so that a copied command is
/// still the same command; a stretch with no such blank is left whole.
public enum ScreenWrap {
    /// How a command's broken line ends.
    public static let continuation = " \\"

    /// `text` with every line that is wider than `width` broken at its spaces.
    public static func fit(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { lines(of: String($0), width: width).joined(separator: "\n") }
            .joined(separator: "\n")
    }

    /// One line (no line break in it) as the lines it takes at `width` columns; continuation lines
    /// start `hang` columns in (by default under the text after the line's indentation and markers).
    public static func lines(of line: String, width: Int, hang: Int? = nil) -> [String] {
        let units = ScreenUnit.units(of: line)
        guard columns(units) > width else { return [line] }
        let hang = min(hang ?? hangingIndent(of: units), max(0, width / 2))
        let breaks = Set(units.indices.filter { units[$0].isSpace })
        return LineFiller(units: units, width: width, hang: hang, breaks: breaks, mark: "", cutsWords: true).lines()
    }

    /// A shown command's lines, each at most `width` columns after `indent` columns of indentation
    /// the caller adds: broken at the blanks the shell reads between words (`ShellLexer`), continued
    /// four columns further in. A command the lexer cannot follow is not broken.
    public static func command(_ text: String, width: Int, indent: Int) -> [String] {
        let available = max(20, width - indent)
        let separators = Set(ShellLexer.read(text).separators)
        var result: [String] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let units = ScreenUnit.units(of: String(line))
            let scalarCount = line.unicodeScalars.count
            defer { offset += scalarCount + 1 }
            guard columns(units) > available else { result.append(String(line)); continue }
            var breaks = Set<Int>()
            var scalar = offset
            for (index, unit) in units.enumerated() {
                if unit.isSpace && separators.contains(scalar) { breaks.insert(index) }
                scalar += unit.text.unicodeScalars.count
            }
            let leading = units.prefix { $0.isSpace }.count
            breaks.subtract(0..<leading)
            let hang = min(leading + 4, available / 2)
            result += LineFiller(units: units, width: available, hang: hang, breaks: breaks, mark: continuation, cutsWords: false).lines()
        }
        return result
    }

    /// A block's body as shown under its label, `indent` columns in: a shell command broken as
    /// `command(_:width:indent:)` does, a validator's arguments as prose.
    public static func body(_ text: String, isShell: Bool, width: Int, indent: Int) -> [String] {
        if isShell { return command(text, width: width, indent: indent) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            lines(of: String($0), width: max(20, width - indent))
        }
    }

    /// The columns `text` takes on a terminal.
    public static func columns(of text: String) -> Int { columns(ScreenUnit.units(of: text)) }

    static func columns(_ units: [ScreenUnit]) -> Int { units.reduce(0) { $0 + $1.columns } }

    /// Where a line's continuation starts: after its indentation and any markers at its start.
    static func hangingIndent(of units: [ScreenUnit]) -> Int {
        var index = 0
        var hang = 0
        func skipSpaces() { while index < units.count, units[index].isSpace || units[index].isEscape { hang += units[index].columns; index += 1 } }
        skipSpaces()
        while index < units.count {
            var end = index
            var text = ""
            while end < units.count, !units[end].isSpace, text.count < 4 {
                if !units[end].isEscape { text += units[end].text }
                end += 1
            }
            guard end < units.count, units[end].isSpace, isMarker(text) else { break }
            hang += units[index..<end].reduce(0) { $0 + $1.columns }
            index = end
            skipSpaces()
        }
        return columnAfterLabel(in: units, from: index, hang: hang) ?? hang
    }

    /// Where the text of an aligned column starts (`  run     run the step's commands`, `found:    x`):
    /// after the first run of two or more spaces that follows a word, within the first 24 columns.
    static func columnAfterLabel(in units: [ScreenUnit], from start: Int, hang: Int) -> Int? {
        var column = hang
        var index = start
        var sawText = false
        while index < units.count, column <= 24 {
            if units[index].isSpace, sawText, index + 1 < units.count, units[index + 1].isSpace {
                while index < units.count, units[index].isSpace { column += 1; index += 1 }
                return index < units.count ? column : nil
            }
            if units[index].isSpace { sawText = false } else if !units[index].isEscape { sawText = true }
            column += units[index].columns
            index += 1
        }
        return nil
    }

    /// A list bullet, a status mark or a number such as `3.` or `12)`.
    static func isMarker(_ text: String) -> Bool {
        if text.count == 1, "•◦-*→✓✗–·↷…▶⚠".contains(text) { return true }
        guard let last = text.last, last == "." || last == ")", text.count > 1 else { return false }
        return text.dropLast().allSatisfy(\.isNumber)
    }
}
