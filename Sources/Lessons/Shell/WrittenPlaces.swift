/// The templates of a command that name a file it writes: a redirection's target (`> {{x}}`, `>> {{x}}`),
/// dd's `of={{x}}`, tee's files, the last operand of cp, mv and install, the operands of truncate,
/// shred, wipefs and mkfs, and the files of `sed -i`. Only a template that is its word's whole value
/// counts (`{{image}}`, `"{{image}}"`, `of={{image}}`), for the guard that refuses to write over a card.
public enum WrittenPlaces {
    /// The paths of the templates in `text` that name a file a command there writes, in order.
    public static func paths(in text: String) -> [TemplatePath] {
        let references = TemplateReference.scan(text)
        guard !references.isEmpty else { return [] }
        let scalars = Array(text.unicodeScalars)
        let syntax = ShellLexer.read(text, places: references.map(\.scalarRange))
        guard syntax.problems.isEmpty else { return [] }
        func whole(_ word: ShellWord, prefix: String = "") -> TemplatePath? {
            let written = String(String.UnicodeScalarView(scalars[word.range]))
            return references.first { reference in
                let raw = String(String.UnicodeScalarView(scalars[reference.scalarRange]))
                return [prefix + raw, prefix + "\"\(raw)\"", prefix + "'\(raw)'"].contains(written)
            }?.path
        }
        var paths: [TemplatePath] = []
        for command in syntax.commands {
            for redirection in command.redirections where redirection.operator.contains(">") && !redirection.operator.contains("&") {
                if let path = whole(redirection.target) { paths.append(path) }
            }
            paths += written(by: command, text: scalars).compactMap { whole($0.word, prefix: $0.prefix) }
        }
        return paths
    }

    /// The words of a simple command that its program writes to, with the text before the file name
    /// (`of=` for dd).
    static func written(by command: ShellSimpleCommand, text: [Unicode.Scalar]) -> [(word: ShellWord, prefix: String)] {
        let reading = CommandReading(command, text: text)
        guard let program = reading.program,
              let index = command.words.firstIndex(where: { $0.literal.map(CommandReading.baseName) == program }) else { return [] }
        let arguments = Array(command.words[(index + 1)...])
        let operands = arguments.filter { !($0.literal ?? "").hasPrefix("-") }
        switch program {
        case "dd": return arguments.map { ($0, "of=") }
        case "tee", "truncate", "shred", "wipefs", "mke2fs": return operands.map { ($0, "") }
        case "cp", "mv", "install": return operands.last.map { [($0, "")] } ?? []
        case "sed" where arguments.contains(where: { ($0.literal ?? "").hasPrefix("-i") || $0.literal == "--in-place" }):
            return operands.dropFirst().map { ($0, "") }
        default:
            return program.hasPrefix("mkfs") ? operands.map { ($0, "") } : []
        }
    }
}
