/// One part of a rendered template: text, the place of a secret input's value (kept apart so that the
/// screen shows a stand-in and only the command that runs gets the value), or a value its place in the
/// command cannot hold.
public enum TemplatePiece: Sendable, Hashable {
    case text(String)
    /// The secret input `name`, written for `context` (nil: text that is no command).
    case secret(name: String, context: ShellContext?)
    /// A template whose value cannot go where it is, and why. Shown as `⟨reference⟩`; a command holding
    /// one does not run.
    case refused(TemplateRenderer.RefusedValue)

    /// The pieces with neighbouring texts merged and empty texts dropped.
    public static func joined(_ pieces: [TemplatePiece]) -> [TemplatePiece] {
        var result: [TemplatePiece] = []
        for piece in pieces {
            switch (piece, result.last) {
            case (.text(let text), _) where text.isEmpty: continue
            case (.text(let text), .text(let previous)?): result[result.count - 1] = .text(previous + text)
            default: result.append(piece)
            }
        }
        return result
    }
}
