/// One part of a rendered template: text, or the place of a secret input's value, kept apart so that
/// the screen shows a stand-in and only the command that runs gets the value.
public enum TemplatePiece: Sendable, Hashable {
    case text(String)
    /// The secret input `name`; `quoted` when it is written as one shell word.
    case secret(name: String, quoted: Bool)

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
