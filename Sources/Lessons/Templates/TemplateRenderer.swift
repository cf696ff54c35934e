/// Fills `{{...}}` templates from a context.
public enum TemplateRenderer {
    /// How inserted values are written.
    public enum Quoting: Sendable {
        /// Each value is one shell word (`ShellQuote`); list fields become several words.
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

    /// The text with every template filled in; throws `MissingValue` for the first one that has no value.
    public static func render(_ text: String, context: TemplateContext, quoting: Quoting) throws -> String {
        try render(text, quoting: quoting) { reference in
            guard let path = reference.path, let words = context.words(for: path) else {
                throw MissingValue(reference: reference.raw)
            }
            return .words(words)
        }
    }

    /// The text with every template filled in, and `⟨name⟩` where a value is missing (for display).
    public static func preview(_ text: String, context: TemplateContext, quoting: Quoting) -> String {
        render(text, quoting: quoting) { reference in
            reference.path.flatMap { context.words(for: $0) }.map(Insertion.words) ?? .verbatim("⟨\(reference.raw)⟩")
        }
    }

    /// The text as pieces: the value of every template whose input is in `secrets` is kept apart (as
    /// `.secret`, to be written as a stand-in on the screen and as the value only where it runs); the
    /// rest as `preview` writes it.
    public static func pieces(_ text: String, context: TemplateContext, quoting: Quoting, secrets: Set<String>) -> [TemplatePiece] {
        var pieces: [TemplatePiece] = []
        let characters = Array(text)
        var position = 0
        for reference in TemplateReference.scan(text) {
            let before = String(characters[position..<reference.offset])
            position = reference.offset + reference.length
            if let path = reference.path, path.field == nil, secrets.contains(path.root), context.words(for: path) != nil {
                pieces.append(.text(before))
                pieces.append(.secret(name: path.root, quoted: quoting == .shell))
            } else {
                pieces.append(.text(before + preview(String(characters[reference.offset..<position]), context: context, quoting: quoting)))
            }
        }
        pieces.append(.text(String(characters[position...])))
        return TemplatePiece.joined(pieces)
    }

    /// What replaces one template: values to quote, or text to insert as it is (a placeholder).
    private enum Insertion {
        case words([String])
        case verbatim(String)
    }

    private static func render(_ text: String, quoting: Quoting, words: (TemplateReference) throws -> Insertion) rethrows -> String {
        let characters = Array(text)
        var result = ""
        var position = 0
        for reference in TemplateReference.scan(text) {
            result += String(characters[position..<reference.offset])
            switch (try words(reference), quoting) {
            case (.words(let values), .shell): result += values.map(ShellQuote.quote).joined(separator: " ")
            case (.words(let values), .none): result += values.joined(separator: " ")
            case (.verbatim(let text), _): result += text
            }
            position = reference.offset + reference.length
        }
        result += String(characters[position...])
        return result
    }
}
