import Lessons

/// A command as the session has it: its pieces, from which come the text on the screen (secrets as
/// their stand-ins, the same text the learner edits and that is saved) and the text that runs (the
/// secrets' values, each written for its place in the command as its stand-in was). Built from a
/// block's template, or parsed back from a command the learner edited.
struct RenderedCommand: Sendable, Hashable {
    var pieces: [TemplatePiece]

    init(pieces: [TemplatePiece]) {
        self.pieces = TemplatePiece.joined(pieces)
    }

    /// A block's command: its template filled from `context`, secrets kept apart.
    init(template: String, context: TemplateContext, quoting: TemplateRenderer.Quoting, secrets: Set<String>) {
        self.init(pieces: TemplateRenderer.pieces(template, context: context, quoting: quoting, secrets: secrets))
    }

    /// A command the learner edited: the stand-ins it still holds (as a quoted word or not) are the
    /// secrets' places, each in the context the shell reads it in.
    init(edited text: String, secrets: Set<String>) {
        let scalars = Array(text.unicodeScalars)
        var found: [(range: Range<Int>, name: String)] = []
        // Quoted stand-ins first: a quoted one contains the bare one.
        for quoted in [true, false] {
            for name in secrets.sorted() {
                let standIn = SecretStandIn.named(name)
                let written = Array((quoted ? ShellQuote.word(standIn) : standIn).unicodeScalars)
                for range in Self.occurrences(of: written, in: scalars) where !found.contains(where: { $0.range.overlaps(range) }) {
                    found.append((range, name))
                }
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        let contexts = ShellLexer.read(text, places: found.map(\.range)).contexts
        var pieces: [TemplatePiece] = []
        var position = 0
        for (place, context) in zip(found, contexts) {
            pieces.append(.text(String(String.UnicodeScalarView(scalars[position..<place.range.lowerBound]))))
            pieces.append(.secret(name: place.name, context: context))
            position = place.range.upperBound
        }
        pieces.append(.text(String(String.UnicodeScalarView(scalars[position...]))))
        self.init(pieces: pieces)
    }

    /// The text on the screen: every secret as its stand-in.
    var display: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .secret(let name, let context):
                let standIn = ShellValueWriter.Value(SecretStandIn.named(name))
                return (try? TemplateRenderer.write([standIn], in: context)) ?? "⟨\(name)⟩"
            case .refused(let refusal): return "⟨\(refusal.reference)⟩"
            }
        }.joined()
    }

    /// The text that runs: every secret's value (a secret without a value keeps its stand-in). Throws
    /// when a value cannot go where its template is (the command must not run).
    func exec(secrets values: [String: String]) throws(TemplateRenderer.RefusedValue) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let part): text += part
            case .secret(let name, let context):
                let value = ShellValueWriter.Value(values[name] ?? SecretStandIn.named(name))
                do {
                    text += try TemplateRenderer.write([value], in: context)
                } catch {
                    throw TemplateRenderer.RefusedValue(reference: name, place: context?.description ?? "text", reason: error.reason)
                }
            case .refused(let refusal): throw refusal
            }
        }
        return text
    }

    /// Where `needle` occurs in `scalars`, without overlaps.
    private static func occurrences(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= scalars.count else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + needle.count <= scalars.count {
            if scalars[index..<(index + needle.count)].elementsEqual(needle) {
                ranges.append(index..<(index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
        return ranges
    }
}
