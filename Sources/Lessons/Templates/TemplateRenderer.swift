/// Fills `{{...}}` templates from a context. In a command, each value is written for the place it sits
/// in (`ShellLexer`, `ShellValueWriter`): a word of its own, inside quotes, in a here-document.
public enum TemplateRenderer {
    /// How inserted values are written.
    public enum Quoting: Sendable {
        /// The text is a shell command: each value is written for its place in it; list fields become
        /// one word per record (inside quotes, one text joined by spaces).
        case shell
        /// Values as they are, list fields joined by spaces (prose and hand-typed text).
        case none
    }

    /// A template with no value in the context.
    public struct MissingValue: Error, Sendable, Equatable, CustomStringConvertible {
        public var reference: String
        public init(reference: String) { self.reference = reference }
        public var description: String { "no value for {{\(reference)}}" }
    }

    /// A value that the place of its template in the command cannot hold.
    public struct RefusedValue: Error, Sendable, Hashable, CustomStringConvertible {
        public var reference: String
        /// The place, in words (`ShellContext.description`).
        public var place: String
        public var reason: String
        public init(reference: String, place: String, reason: String) {
            self.reference = reference
            self.place = place
            self.reason = reason
        }
        public var description: String { "the value of {{\(reference)}} cannot go in \(place): \(reason)" }
    }

    /// The text with every template filled in; throws `MissingValue` for the first one that has no
    /// value, `RefusedValue` for the first whose place cannot hold its value.
    public static func render(_ text: String, context: TemplateContext, quoting: Quoting) throws -> String {
        let layout = TemplateLayout(text, quoting: quoting)
        var written: [String] = []
        for slot in layout.slots {
            guard let path = slot.reference.path, let values = context.values(for: path) else {
                throw MissingValue(reference: slot.reference.raw)
            }
            written.append(try write(values, slot: slot))
        }
        if let broken = layout.slotBreakingHereDocument(written) {
            throw refused(layout.slots[broken.slot], broken.reason)
        }
        return layout.assemble(written)
    }

    /// The text with every template filled in, and `⟨name⟩` where a value is missing or its place
    /// cannot hold it (for display).
    public static func preview(_ text: String, context: TemplateContext, quoting: Quoting) -> String {
        let layout = TemplateLayout(text, quoting: quoting)
        var written = layout.slots.map { slot in
            (try? slot.reference.path.flatMap { context.values(for: $0) }.map { try write($0, slot: slot) }) ?? placeholder(slot)
        }
        if let broken = layout.slotBreakingHereDocument(written) { written[broken.slot] = placeholder(layout.slots[broken.slot]) }
        return layout.assemble(written)
    }

    /// The text as pieces: the value of every template whose input is in `secrets` is kept apart (as
    /// `.secret` with its place, to be written as a stand-in on the screen and as the value only where
    /// it runs); a value its place cannot hold as `.refused`; the rest as `preview` writes it.
    public static func pieces(_ text: String, context: TemplateContext, quoting: Quoting, secrets: Set<String>) -> [TemplatePiece] {
        let layout = TemplateLayout(text, quoting: quoting)
        var pieces: [TemplatePiece] = []
        var position = 0
        for slot in layout.slots {
            pieces.append(.text(layout.text(position..<slot.reference.scalarRange.lowerBound)))
            position = slot.reference.scalarRange.upperBound
            guard let path = slot.reference.path, let values = context.values(for: path) else {
                pieces.append(.text(placeholder(slot)))
                continue
            }
            if path.field == nil, secrets.contains(path.root) {
                pieces.append(.secret(name: path.root, context: slot.context))
                continue
            }
            do throws(RefusedValue) {
                pieces.append(.text(try write(values, slot: slot)))
            } catch {
                pieces.append(.refused(error))
            }
        }
        pieces.append(.text(layout.text(position..<layout.scalars.count)))
        return TemplatePiece.joined(refusingDelimiterLines(pieces, layout: layout))
    }

    /// The pieces with a value that would make its here-document line the delimiter refused.
    private static func refusingDelimiterLines(_ pieces: [TemplatePiece], layout: TemplateLayout) -> [TemplatePiece] {
        // pieces alternate text and one piece per slot, in slot order.
        let slotPieces = pieces.indices.filter { $0 % 2 == 1 }
        let written = slotPieces.map { index -> String in
            switch pieces[index] {
            case .text(let text): return text
            case .secret, .refused: return ""
            }
        }
        guard let broken = layout.slotBreakingHereDocument(written) else { return pieces }
        var result = pieces
        result[slotPieces[broken.slot]] = .refused(refused(layout.slots[broken.slot], broken.reason))
        return result
    }

    /// One value written for a place: `context` nil is text that is no command.
    public static func write(_ values: [ShellValueWriter.Value], in context: ShellContext?) throws(ShellValueRefusal) -> String {
        guard let context else { return values.map(\.text).joined(separator: " ") }
        if context.quoting == .word || values.count == 1 {
            return try values.map { value throws(ShellValueRefusal) in try ShellValueWriter.write(value, in: context) }.joined(separator: " ")
        }
        return try ShellValueWriter.write(ShellValueWriter.Value(values.map(\.text).joined(separator: " ")), in: context)
    }

    private static func write(_ values: [ShellValueWriter.Value], slot: TemplateLayout.Slot) throws(RefusedValue) -> String {
        do {
            return try write(values, in: slot.context)
        } catch {
            throw RefusedValue(reference: slot.reference.raw, place: slot.context?.description ?? "text", reason: error.reason)
        }
    }

    private static func refused(_ slot: TemplateLayout.Slot, _ reason: String) -> RefusedValue {
        RefusedValue(reference: slot.reference.raw, place: slot.context?.description ?? "text", reason: reason)
    }

    static func placeholder(_ slot: TemplateLayout.Slot) -> String { "⟨\(slot.reference.raw)⟩" }
}
