/// One piece of a line as the terminal lays it out: a character with the columns it takes (0 for a
/// combining mark, 2 for a wide East Asian character or an emoji), or a whole escape sequence (none).
struct ScreenUnit {
    var text: String
    var columns: Int
    var isSpace: Bool { text == " " }
    var isEscape: Bool { text.unicodeScalars.first == "\u{1B}" }

    /// Whether the unit is an escape sequence that sets or resets a style (`ESC [ … m`).
    var isStyle: Bool { isEscape && text.hasSuffix("m") }
    /// Whether it is a style reset (`ESC [ 0 m` or `ESC [ m`).
    var isReset: Bool { text == "\u{1B}[0m" || text == "\u{1B}[m" }

    /// The units of a line: escape sequences (CSI, `ESC [` up to its final byte) kept whole, every
    /// other scalar its own unit.
    static func units(of line: String) -> [ScreenUnit] {
        var units: [ScreenUnit] = []
        var escape: String?
        for scalar in line.unicodeScalars {
            if var sequence = escape {
                sequence.unicodeScalars.append(scalar)
                let isFinal = sequence.unicodeScalars.count > 2 && (0x40...0x7E).contains(scalar.value)
                if isFinal || (sequence.unicodeScalars.count == 2 && scalar != "[") {
                    units.append(ScreenUnit(text: sequence, columns: 0))
                    escape = nil
                } else {
                    escape = sequence
                }
            } else if scalar == "\u{1B}" {
                escape = "\u{1B}"
            } else {
                units.append(ScreenUnit(text: String(scalar), columns: columns(of: scalar)))
            }
        }
        if let escape { units.append(ScreenUnit(text: escape, columns: 0)) }
        return units
    }

    /// The columns a scalar takes: none for combining marks and zero-width format characters, two for
    /// the wide ranges of East Asian scripts and for emoji shown as pictures, else one.
    static func columns(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        let value = scalar.value
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }
}
