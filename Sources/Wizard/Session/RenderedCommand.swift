import Foundation
import Lessons

/// A command as the session has it: its pieces, from which come the text on the screen (secrets as
/// their stand-ins, the same text the learner edits and that is saved) and the text that runs (the
/// secrets' values, quoted as their stand-ins were). Built from a block's template, or parsed back
/// from a command the learner edited.
struct RenderedCommand: Sendable, Hashable {
    var pieces: [TemplatePiece]

    init(pieces: [TemplatePiece]) {
        self.pieces = TemplatePiece.joined(pieces)
    }

    /// A block's command: its template filled from `context`, secrets kept apart.
    init(template: String, context: TemplateContext, quoting: TemplateRenderer.Quoting, secrets: Set<String>) {
        self.init(pieces: TemplateRenderer.pieces(template, context: context, quoting: quoting, secrets: secrets))
    }

    /// A command the learner edited: the stand-ins it still holds (quoted or not) are the secrets' places.
    init(edited text: String, secrets: Set<String>) {
        var pieces: [TemplatePiece] = [.text(text)]
        // Quoted stand-ins first: a quoted one contains the bare one.
        for quoted in [true, false] {
            for name in secrets.sorted() {
                let standIn = SecretStandIn.named(name)
                let written = quoted ? ShellQuote.quote(standIn) : standIn
                pieces = pieces.flatMap { piece -> [TemplatePiece] in
                    guard case .text(let text) = piece, text.contains(written) else { return [piece] }
                    let parts = text.components(separatedBy: written)
                    var split: [TemplatePiece] = []
                    for (index, part) in parts.enumerated() {
                        if index > 0 { split.append(.secret(name: name, quoted: quoted)) }
                        split.append(.text(part))
                    }
                    return split
                }
            }
        }
        self.init(pieces: pieces)
    }

    /// The text on the screen: every secret as its stand-in.
    var display: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .secret(let name, let quoted): return quoted ? ShellQuote.quote(SecretStandIn.named(name)) : SecretStandIn.named(name)
            }
        }.joined()
    }

    /// The text that runs: every secret's value (a secret without a value keeps its stand-in).
    func exec(secrets values: [String: String]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .secret(let name, let quoted):
                let value = values[name] ?? SecretStandIn.named(name)
                return quoted ? ShellQuote.quote(value) : value
            }
        }.joined()
    }
}
