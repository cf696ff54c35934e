/// What the program a simple command runs does with each of its words and with its standard input:
/// follows wrappers (`sudo`, `env`, `timeout`, `xargs`, `find -exec`) to the program, then reads its
/// options as `ProgramSyntax` says.
public struct CommandReading: Sendable {
    /// How each word is read, by its index in the command; a word not listed is data.
    public var words: [Int: WordReading] = [:]
    /// How standard input (a here-document) is read.
    public var input = WordReading.data
    /// The program's name, when the command names it in plain text.
    public var program: String?

    /// Reads `command`, whose words' text is in `text` (scalars, as `ShellLexer` counts).
    public init(_ command: ShellSimpleCommand, text: [Unicode.Scalar]) {
        read(command.words, from: 0, text: text)
    }

    private mutating func read(_ words: [ShellWord], from start: Int, text: [Unicode.Scalar]) {
        guard let index = programIndex(words, from: start, text: text) else { return }
        guard let name = words[index].literal.map(Self.baseName) else {
            program = ""
            input = .unknown("")
            for position in (index + 1)..<max(index + 1, words.count) { self.words[position] = .unknown("") }
            return
        }
        program = name
        if name == "find" { return readFind(words, from: index + 1, text: text) }
        guard let syntax = ProgramSyntax.known[name] else {
            if !ProgramSyntax.dataPrograms.contains(name) {
                input = .unknown(name)
                for position in (index + 1)..<max(index + 1, words.count) { self.words[position] = .unknown(name) }
            }
            return
        }
        readOptions(of: syntax, words, from: index + 1, text: text)
    }

    /// The index of the program's word: after assignments and wrappers with their options.
    private func programIndex(_ words: [ShellWord], from start: Int, text: [Unicode.Scalar]) -> Int? {
        var index = start
        while index < words.count {
            let word = words[index]
            if Self.isAssignment(word.literal ?? Self.text(of: word, in: text)) { index += 1; continue }
            guard let literal = word.literal, let wrapper = ProgramSyntax.wrappers[Self.baseName(literal)] else { return index }
            index += 1
            var operands = wrapper.operands
            while index < words.count, let option = words[index].literal {
                if option == "--" { index += 1; break }
                if option.hasPrefix("-"), option.count > 1 {
                    index += 1
                    if option.count == 2, let flag = option.last, wrapper.arguments.contains(flag) { index += 1 }
                } else if Self.isAssignment(option) {
                    index += 1
                } else if operands > 0 {
                    operands -= 1
                    index += 1
                } else {
                    break
                }
            }
        }
        return nil
    }

    /// `find … -exec PROGRAM … ;`: the program's words are read as their own command.
    private mutating func readFind(_ words: [ShellWord], from start: Int, text: [Unicode.Scalar]) {
        guard let exec = words[start...].firstIndex(where: { ["-exec", "-execdir", "-ok", "-okdir"].contains($0.literal ?? "") }) else { return }
        let end = words[(exec + 1)...].firstIndex { $0.literal == ";" || $0.literal == "+" } ?? words.count
        var inner = CommandReading(ShellSimpleCommand(words: Array(words[(exec + 1)..<end])), text: text)
        inner.input = .data
        for (position, reading) in inner.words { self.words[exec + 1 + position] = reading }
        program = inner.program
    }

    static func baseName(_ word: String) -> String {
        word.split(separator: "/").last.map(String.init) ?? word
    }

    static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
        return TemplatePath.isName(String(word[..<equals])) && !word[..<equals].contains("-")
    }

    static func text(of word: ShellWord, in text: [Unicode.Scalar]) -> String {
        guard word.range.upperBound <= text.count else { return "" }
        return String(String.UnicodeScalarView(text[word.range]))
    }
}
