/// A command's text read for lint: its syntax with the templates' places, and who reads each place —
/// the innermost word that holds it and that word's program, or the program a here-document feeds.
public struct ShellPage: Sendable {
    public let syntax: ShellSyntax
    let scalars: [Unicode.Scalar]
    let readings: [CommandReading]

    public init(_ text: String, references: [TemplateReference]) {
        scalars = Array(text.unicodeScalars)
        syntax = ShellLexer.read(text, places: references.map(\.scalarRange))
        readings = syntax.commands.map { [scalars] in CommandReading($0, text: scalars) }
    }

    /// How the program that receives the reference's value reads it; nil when it is no command's (a
    /// comment). A value that is only part of a longer quoted word given to an unknown program is
    /// `.unknown`; a whole word of its own given to one is data (it is one argument).
    public func reading(of reference: TemplateReference) -> WordReading? {
        let offset = reference.scalarRange.lowerBound
        var best: (size: Int, reading: WordReading)?
        for (command, reading) in zip(syntax.commands, readings) {
            for (index, word) in command.words.enumerated() where word.contains(offset) && word.range.count < (best?.size ?? .max) {
                var found = reading.words[index] ?? .data
                if found.kind == .unknown, !isComposed(word, around: reference) { found = .data }
                best = (word.range.count, found)
            }
            for redirection in command.redirections where redirection.target.contains(offset) && redirection.target.range.count < (best?.size ?? .max) {
                best = (redirection.target.range.count, .data)
            }
        }
        if let best { return best.reading }
        return hereDocumentReading(at: offset)
    }

    /// How a here-document holding `offset` in its body is read by its command.
    func hereDocumentReading(at offset: Int) -> WordReading? {
        guard let document = syntax.hereDocuments.firstIndex(where: { $0.lines.contains { $0.contains(offset) || $0.upperBound == offset } }),
              let command = syntax.commands.firstIndex(where: { $0.hereDocuments.contains(document) }) else { return nil }
        let reading = readings[command].input
        if reading.kind == .code {
            return WordReading(.code, "a here-document that \(readings[command].program ?? "a program") reads as its script",
                               fix: "pass the value as an argument (sh -s -- {{x}} <<'EOF', then \"$1\" in the script) or in the environment")
        }
        if reading.kind == .unknown { return WordReading(.unknown, "a here-document read by \(reading.reader)") }
        if writesScript(syntax.commands[command], document: syntax.hereDocuments[document]) {
            return WordReading(.unknown, "a here-document that writes what looks like a script (#! or a script's file name)")
        }
        return .data
    }

    /// Whether a command that writes a here-document to a file writes a script: its first line is
    /// `#!`, or the file's name ends like a script's.
    func writesScript(_ command: ShellSimpleCommand, document: ShellHereDocument) -> Bool {
        if let first = document.lines.first, text(first).trimmingPrefixTabs.hasPrefix("#!") { return true }
        let targets = command.redirections.filter { $0.operator.hasSuffix(">") || $0.operator.hasSuffix(">>") }.map(\.target)
            + command.words.dropFirst()
        return targets.contains { word in
            let name = word.literal ?? ""
            return [".sh", ".bash", ".py", ".pl", ".awk", ".sed"].contains { name.hasSuffix($0) } || name.contains("/bin/")
        }
    }

    /// Whether the word holds more than the reference (and quotes around it).
    /// Whether the word holds more than the value and a file name around it: text a program could
    /// read as code (a space, `;`, `$`, a bracket…) besides quotes and the characters of a path or an
    /// option (`{{dir}}/sshd_config`, `--config={{file}}`, `"{{key}}.pub"` stay one plain argument).
    func isComposed(_ word: ShellWord, around reference: TemplateReference) -> Bool {
        let rest = text(word.range.lowerBound..<reference.scalarRange.lowerBound) + text(reference.scalarRange.upperBound..<word.range.upperBound)
        let plain = Set("\"'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-=:@,+%".unicodeScalars)
        return !rest.unicodeScalars.allSatisfy(plain.contains)
    }

    func text(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        return String(String.UnicodeScalarView(scalars[clamped]))
    }
}

extension String {
    /// The text without the tabs it starts with.
    var trimmingPrefixTabs: Substring { drop { $0 == "\t" } }
}
