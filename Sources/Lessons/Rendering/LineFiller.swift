/// Fills lines greedily for `ScreenWrap`: as many units as fit go on a line, which is broken at the
/// last allowed space before the edge (the run of spaces there is dropped, `mark` is added); the
/// continuation lines start `hang` columns in, with the style that was in force.
struct LineFiller {
    let units: [ScreenUnit]
    let width: Int
    let hang: Int
    /// Indices of the space units a line may be broken at.
    let breaks: Set<Int>
    let mark: String
    /// Whether a stretch with no allowed break that is wider than a line is cut at the edge (prose);
    /// otherwise it runs past the edge to the next allowed break (commands).
    let cutsWords: Bool

    func lines() -> [String] {
        let markColumns = ScreenWrap.columns(of: mark)
        var lines: [String] = []
        var style = ""
        var start = 0
        while start < units.count {
            let available = max(1, lines.isEmpty ? width : width - hang)
            let prefix = lines.isEmpty ? "" : String(repeating: " ", count: hang) + style
            let (end, next) = lineEnd(from: start, available: available, markColumns: markColumns)
            let brokenHere = next < units.count
            var text = prefix
            for unit in units[start..<end] {
                text += unit.text
                if unit.isStyle { style = unit.isReset ? "" : style + unit.text }
            }
            if brokenHere {
                text += mark
                if !style.isEmpty { text += "\u{1B}[0m" }
            } else {
                text += units[end...].filter(\.isEscape).map(\.text).joined()
            }
            lines.append(text)
            start = next
        }
        return lines
    }

    /// Where the line that starts at `start` ends (exclusive, trailing spaces left out) and where the
    /// next one starts (`units.count` when this is the last).
    private func lineEnd(from start: Int, available: Int, markColumns: Int) -> (end: Int, next: Int) {
        var used = 0
        var lastBreak: Int?
        var index = start
        var hasText = false
        while index < units.count {
            let unit = units[index]
            if breaks.contains(index), hasText, used + markColumns <= available { lastBreak = index }
            if used + unit.columns > available { break }
            used += unit.columns
            if !unit.isSpace && !unit.isEscape { hasText = true }
            index += 1
        }
        guard index < units.count else { return (units.count, units.count) }
        if let lastBreak { return split(at: lastBreak) }
        if cutsWords { return (max(index, start + 1), skippingSpaces(from: max(index, start + 1))) }
        guard let later = breaks.filter({ $0 >= index }).min() else { return (units.count, units.count) }
        return split(at: later)
    }

    /// A break at the space `index`: the line ends before its run of spaces, the next starts after it.
    private func split(at index: Int) -> (end: Int, next: Int) {
        var end = index
        while end > 0, units[end - 1].isSpace { end -= 1 }
        let next = skippingSpaces(from: index)
        return (end, next)
    }

    /// The first unit at or after `index` that is not a space (`units.count` when only spaces and
    /// escape sequences are left, which then end the line they follow).
    private func skippingSpaces(from index: Int) -> Int {
        var next = index
        while next < units.count, units[next].isSpace { next += 1 }
        return units[next...].allSatisfy(\.isEscape) ? units.count : next
    }
}
