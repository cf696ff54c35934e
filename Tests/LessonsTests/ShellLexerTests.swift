import Lessons
import Testing

/// The lexer tells each template's context, the simple commands with their words, and what it cannot
/// follow; `CommandReading` tells which words a program reads as code.
@Suite struct ShellLexerTests {
    /// The context of every template in `text`.
    func contexts(_ text: String) -> [ShellContext.Quoting] {
        ShellLexer.read(text, places: TemplateReference.scan(text).map(\.scalarRange)).contexts.map(\.quoting)
    }

    @Test func eachQuotingIsTold() {
        #expect(contexts("echo {{a}} '{{b}}' \"{{c}}\" x{{d}}") == [.word, .singleQuotes, .doubleQuotes, .word])
        #expect(contexts("echo \"$(cat {{a}}) {{b}}\" ${X:-{{c}}} $(( {{d}} + 1 )) # {{e}}")
            == [.word, .doubleQuotes, .parameterExpansion, .arithmetic, .comment])
        #expect(contexts("echo a#{{a}} \\{{b}}") == [.word, .unknown])
    }

    @Test func backquotesAreCountedAndNestedOnesAreNotFollowed() {
        let syntax = ShellLexer.read("echo \"`echo {{a}}`\"", places: TemplateReference.scan("echo \"`echo {{a}}`\"").map(\.scalarRange))
        #expect(syntax.contexts == [ShellContext(.word, backquotes: 1)])
        let nested = "echo `echo \\`echo {{a}}\\``"
        let read = ShellLexer.read(nested, places: TemplateReference.scan(nested).map(\.scalarRange))
        #expect(read.contexts.map(\.quoting) == [.unknown])
        #expect(read.problems.first?.message.contains("backquotes inside backquotes") == true)
    }

    @Test func hereDocumentsOfEachKind() {
        let text = "cat <<EOF >a\n{{a}} $(echo {{b}})\nEOF\ncat <<'END' <<-\"TAB\"\n{{c}}\nEND\n\t{{d}}\n\tTAB\necho {{e}}"
        #expect(contexts(text) == [
            .hereDocument(quoted: false, delimiter: "EOF", stripsTabs: false), .word,
            .hereDocument(quoted: true, delimiter: "END", stripsTabs: false),
            .hereDocument(quoted: true, delimiter: "TAB", stripsTabs: true), .word,
        ])
        let syntax = ShellLexer.read(text)
        #expect(syntax.hereDocuments.map(\.delimiter) == ["EOF", "END", "TAB"])
        #expect(syntax.hereDocuments.map(\.lines.count) == [1, 1, 1])
        #expect(ShellLexer.read("cat <<EOF\nnever ends").problems.first?.message.contains("never ends") == true)
    }

    /// A template that ends in a backslash: the lexer stays inside the text (found by fuzz/run
    /// shell-template: the renderer crashed on a here-document line past the end).
    @Test func aBackslashAtTheVeryEndStaysInsideTheText() throws {
        let context = TemplateContext(inputs: ["v": .text("x")], lessonID: "t", lessonAssets: "/t")
        for template in ["cat <<EOF\n{{v}}\\", "{{v}}$'\\", "echo ${x\\", "echo $(( 1 \\", "echo {{v}}\\"] {
            let syntax = ShellLexer.read(template, places: TemplateReference.scan(template).map(\.scalarRange))
            let count = template.unicodeScalars.count
            #expect(syntax.problems.allSatisfy { $0.offset <= count }, "\(template.debugDescription)")
            #expect(syntax.hereDocuments.flatMap(\.lines).allSatisfy { $0.upperBound <= count })
            _ = TemplateRenderer.preview(template, context: context, quoting: .shell)
            _ = TemplateRenderer.pieces(template, context: context, quoting: .shell, secrets: [])
        }
    }

    @Test func wordsAndRedirectionsOfEachSimpleCommand() {
        let syntax = ShellLexer.read("sudo dd if=/dev/sdb of='my card.img' 2>/dev/null && echo \"done\" > log; case x in a) true;; esac")
        let words = syntax.commands.map { $0.words.map { $0.literal ?? "?" } }
        #expect(words.contains(["sudo", "dd", "if=/dev/sdb", "of=my card.img"]))
        #expect(words.contains(["echo", "done"]))
        #expect(syntax.commands.flatMap(\.redirections).map(\.operator) == ["2>", ">"])
        #expect(syntax.problems.isEmpty)
    }

    @Test func programsThatReadAWordAsCode() {
        func kinds(_ text: String) -> [WordReading.Kind] {
            let syntax = ShellLexer.read(text)
            let reading = CommandReading(syntax.commands[0], text: Array(text.unicodeScalars))
            return syntax.commands[0].words.indices.map { reading.words[$0]?.kind ?? .data }
        }
        #expect(kinds("sed -i s/a/b/ f") == [.data, .data, .code, .data])
        #expect(kinds("sed -n -e p -f x f") == [.data, .data, .data, .code, .data, .data, .data])
        #expect(kinds("sudo -u pi sh -ec 'echo' _ x") == [.data, .data, .data, .data, .data, .code, .data, .data])
        #expect(kinds("ssh -p 22 host echo hi") == [.data, .data, .data, .data, .code, .code])
        #expect(kinds("grep -qxF pat f") == [.data, .data, .data, .data])
        #expect(kinds("grep -e pat f") == [.data, .data, .pattern, .data])
        #expect(kinds("env A=1 timeout 5 awk -v x=1 prog y=2 f") == [.data, .data, .data, .data, .data, .data, .code, .code, .code, .data])
        #expect(kinds("printf '%s' x") == [.data, .format, .data])
        #expect(kinds("frobnicate a") == [.data, .unknown])
    }
}
