/// A template's text read once: its `{{...}}` references, each with the shell context it sits in (nil
/// in text that is no command), and the here-documents, for the renderer to fill in.
struct TemplateLayout {
    /// One reference and its place.
    struct Slot {
        var reference: TemplateReference
        var context: ShellContext?
    }

    let scalars: [Unicode.Scalar]
    let slots: [Slot]
    let hereDocuments: [ShellHereDocument]

    init(_ text: String, quoting: TemplateRenderer.Quoting) {
        scalars = Array(text.unicodeScalars)
        let references = TemplateReference.scan(text)
        guard quoting == .shell else {
            slots = references.map { Slot(reference: $0, context: nil) }
            hereDocuments = []
            return
        }
        let syntax = ShellLexer.read(text, places: references.map(\.scalarRange))
        slots = zip(references, syntax.contexts).map { Slot(reference: $0, context: $1) }
        hereDocuments = syntax.hereDocuments
    }

    /// The template's own text in a scalar range.
    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// The text with each slot replaced by its written value (`written` in slot order).
    func assemble(_ written: [String]) -> String {
        var result = ""
        var position = 0
        for (slot, value) in zip(slots, written) {
            result += text(position..<slot.reference.scalarRange.lowerBound) + value
            position = slot.reference.scalarRange.upperBound
        }
        return result + text(position..<scalars.count)
    }

    /// The first slot on a here-document's line that, filled in, would make the line its delimiter
    /// (which would end the here-document there and run the lines after it as commands), or a line
    /// dash misreads; and why (`ShellHereDocument.problem`).
    func slotBreakingHereDocument(_ written: [String]) -> (slot: Int, reason: String)? {
        for document in hereDocuments {
            for line in document.lines {
                let inLine = slots.indices.filter { line.contains(slots[$0].reference.scalarRange.lowerBound) }
                guard let first = inLine.first else { continue }
                var filled = ""
                var position = line.lowerBound
                for index in inLine {
                    filled += text(position..<slots[index].reference.scalarRange.lowerBound) + written[index]
                    position = slots[index].reference.scalarRange.upperBound
                }
                filled += text(position..<max(position, line.upperBound))
                if let reason = ShellHereDocument.problem(line: filled, delimiter: document.delimiter, stripsTabs: document.stripsTabs) {
                    return (first, reason)
                }
            }
        }
        return nil
    }
}
