/// Reading a known program's options and operands.
extension CommandReading {
    /// The words after the program's name, read as `syntax` says.
    mutating func readOptions(of syntax: ProgramSyntax, _ words: [ShellWord], from start: Int, text: [Unicode.Scalar]) {
        var index = start
        var scriptGiven = false
        var codeFlag = false
        var fixed = program == "fgrep"
        var optionsEnded = false
        var operands: [Int] = []
        func reading(_ kind: WordReading.Kind) -> WordReading {
            WordReading(kind == .pattern && fixed ? .data : kind, syntax.reader, fix: syntax.fix)
        }
        while index < words.count {
            // An option with a template in it (`--expression={{x}}`) has no literal: its text tells.
            let literal = words[index].literal ?? Self.text(of: words[index], in: text)
            guard !optionsEnded, literal.hasPrefix("-"), literal.count > 1 else {
                operands.append(index)
                index += 1
                continue
            }
            index += 1
            if literal == "--" { optionsEnded = true; continue }
            if literal.hasPrefix("--") {
                let body = literal.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                if name == "fixed-strings" { fixed = true }
                guard let kind = syntax.longArguments[name] else { continue }
                if ["expression", "regexp", "command", "file"].contains(name) { scriptGiven = true }
                if body.contains("=") {
                    self.words[index - 1] = reading(kind)
                } else if index < words.count {
                    self.words[index] = reading(kind)
                    index += 1
                }
                continue
            }
            for (offset, flag) in literal.dropFirst().enumerated() {
                if flag == syntax.fixedFlag { fixed = true }
                if flag == syntax.codeFlag { codeFlag = true }
                if syntax.scriptGiven.contains(flag) { scriptGiven = true }
                guard let kind = syntax.optionArguments[flag] else { continue }
                if offset + 2 < literal.count {
                    self.words[index - 1] = reading(kind)
                } else if index < words.count {
                    self.words[index] = reading(kind)
                    index += 1
                }
                break
            }
        }
        readOperands(operands, of: syntax, words, scriptGiven: scriptGiven || codeFlag, codeFlag: codeFlag, text: text, reading: reading)
        // An option's argument that itself looked like an operand was taken above.
        if syntax.fixedFlag != nil, fixed {
            for (position, word) in self.words where word.kind == .pattern { self.words[position] = WordReading.data }
        }
    }

    private mutating func readOperands(_ operands: [Int], of syntax: ProgramSyntax, _ words: [ShellWord], scriptGiven: Bool, codeFlag: Bool,
                                       text: [Unicode.Scalar], reading: (WordReading.Kind) -> WordReading) {
        var rest = operands.filter { self.words[$0] == nil }
        if codeFlag, let first = rest.first {
            self.words[first] = reading(.code)
            return
        }
        if !scriptGiven, let first = rest.first {
            if syntax.firstOperand != .data { self.words[first] = reading(syntax.firstOperand) }
            rest.removeFirst()
        } else if !scriptGiven, operands.isEmpty, syntax.inputWithoutScript != .data {
            input = reading(syntax.inputWithoutScript)
        }
        if syntax.inputWithoutScript != .data, program == "ssh" { input = reading(.code) }
        for position in rest {
            if syntax.otherOperands != .data {
                self.words[position] = reading(syntax.otherOperands)
            } else if syntax.assignmentsAreCode, Self.isAssignment(Self.text(of: words[position], in: text)) {
                self.words[position] = reading(.code)
            }
        }
    }
}
