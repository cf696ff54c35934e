/// The lexer's here-documents: their bodies start on the line after the one that named them.
extension ShellLexer {
    /// Reads the bodies of the here-documents named on the line that just ended, in order.
    mutating func readHereDocuments(backquotes: Int) {
        let documents = pending
        pending = []
        for document in documents {
            var lines: [Range<Int>] = []
            var closed = false
            while !atEnd {
                let start = position
                if isDelimiterLine(document.delimiter, stripsTabs: document.stripsTabs) {
                    closed = true
                    break
                }
                if document.quoted {
                    let context = ShellContext(.hereDocument(quoted: true, delimiter: document.delimiter, stripsTabs: document.stripsTabs), backquotes: backquotes)
                    while let scalar = current, scalar != "\n" {
                        if !skipPlace(as: context) { position += 1 }
                    }
                } else {
                    hereDocumentLine(delimiter: document.delimiter, stripsTabs: document.stripsTabs, backquotes: backquotes)
                }
                lines.append(start..<position)
                if current == "\n" { position += 1 }
            }
            hereDocuments.append(ShellHereDocument(delimiter: document.delimiter, quoted: document.quoted, stripsTabs: document.stripsTabs, lines: lines))
            if !closed { return problem("the here-document <<\(document.delimiter) never ends: add a line holding only \(document.delimiter)") }
        }
    }

    /// Whether the line starting here is the delimiter (after its tabs, for `<<-`); if so, moves past it.
    mutating func isDelimiterLine(_ delimiter: String, stripsTabs: Bool) -> Bool {
        var end = position
        while end < text.count, text[end] != "\n" { end += 1 }
        var line = text[position..<end]
        if stripsTabs { line = line.drop { $0 == "\t" } }
        // Byte for byte, as the shell compares (String's == would take other normal forms as equal).
        guard line.elementsEqual(delimiter.unicodeScalars) else { return false }
        position = min(end + 1, text.count)
        return true
    }

    /// One line of an unquoted here-document's body: `$`, backquotes and backslashes work as in
    /// double quotes; quotes are plain text.
    mutating func hereDocumentLine(delimiter: String, stripsTabs: Bool, backquotes: Int) {
        let context = ShellContext(.hereDocument(quoted: false, delimiter: delimiter, stripsTabs: stripsTabs), backquotes: backquotes)
        while let scalar = current, scalar != "\n" {
            if skipPlace(as: context) { continue }
            switch scalar {
            case "\\":
                if skipEscapedPlace(backquotes: backquotes) { continue }
                position += peek() == "\n" ? 1 : 2
            case "`":
                if backquotes > 0 { return problem("backquotes inside backquotes: write $( … ) instead") }
                position += 1
                list(until: .backquote, backquotes: backquotes + 1)
            case "$" where dollarStartsExpansion:
                dollar(quoting: .doubleQuotes, backquotes: backquotes)
            default:
                position += 1
            }
        }
    }
}
