import Foundation
import Testing
import WizardSystem

/// A PlainTerminal between two pipes: the test writes the input up front and reads the output after.
private struct PipedTerminal {
    let terminal: PlainTerminal
    private let input = Pipe()
    private let output = Pipe()

    init(input text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        terminal = PlainTerminal(input: input.fileHandleForReading, output: output.fileHandleForWriting)
    }

    /// Everything written so far (closes the output).
    func writtenText() -> String {
        try? output.fileHandleForWriting.close()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}

@Suite("PlainTerminal")
struct PlainTerminalTests {
    @Test("reads lines in order and writes each prompt")
    func readsLines() {
        let piped = PipedTerminal(input: "alice\nbob\n")
        #expect(piped.terminal.readLine(prompt: "name? ", prefill: nil) == "alice")
        #expect(piped.terminal.readLine(prompt: "friend? ", prefill: nil) == "bob")
        #expect(piped.writtenText() == "name? friend? ")
    }

    @Test("end of input gives nil, again and again")
    func endOfInput() {
        let piped = PipedTerminal(input: "only\n")
        #expect(piped.terminal.readLine(prompt: "", prefill: nil) == "only")
        #expect(piped.terminal.readLine(prompt: "", prefill: nil) == nil)
        #expect(piped.terminal.readLine(prompt: "", prefill: nil) == nil)
    }

    @Test("a last line without a newline is still a line")
    func lastLineWithoutNewline() {
        let piped = PipedTerminal(input: "first\nlast")
        #expect(piped.terminal.readLine(prompt: "", prefill: nil) == "first")
        #expect(piped.terminal.readLine(prompt: "", prefill: nil) == "last")
        #expect(piped.terminal.readLine(prompt: "", prefill: nil) == nil)
    }

    @Test("an empty line at a prefilled prompt keeps the prefill; other lines replace it")
    func prefillOnEmpty() {
        let piped = PipedTerminal(input: "\nother\n\n")
        #expect(piped.terminal.readLine(prompt: "host? ", prefill: "pi0") == "pi0")
        #expect(piped.terminal.readLine(prompt: "host? ", prefill: "pi0") == "other")
        #expect(piped.terminal.readLine(prompt: "note? ", prefill: nil) == "")
    }

    @Test("a carriage return before the newline is dropped")
    func carriageReturn() {
        let piped = PipedTerminal(input: "windows\r\n")
        #expect(piped.terminal.readLine(prompt: "", prefill: nil) == "windows")
    }

    @Test("UTF-8 lines come back whole")
    func unicode() {
        let piped = PipedTerminal(input: "grüße 🍓\n")
        #expect(piped.terminal.readLine(prompt: "", prefill: nil) == "grüße 🍓")
    }

    @Test("a secret is read like a line and never written out")
    func secret() {
        let piped = PipedTerminal(input: "hunter2\n")
        #expect(piped.terminal.readSecret(prompt: "password: ") == "hunter2")
        #expect(piped.terminal.readSecret(prompt: "again: ") == nil)
        let written = piped.writtenText()
        #expect(written == "password: again: ")
        #expect(!written.contains("hunter2"))
    }

    @Test("only the current line is taken from the input")
    func readsNoFurtherThanTheLine() throws {
        let input = Pipe()
        input.fileHandleForWriting.write(Data("one\ntwo\n".utf8))
        try input.fileHandleForWriting.close()
        let terminal = PlainTerminal(input: input.fileHandleForReading, output: FileHandle.nullDevice)
        #expect(terminal.readLine(prompt: "", prefill: nil) == "one")
        let rest = input.fileHandleForReading.readDataToEndOfFile()
        #expect(String(decoding: rest, as: UTF8.self) == "two\n")
    }

    @Test("writes text as given, without readline's prompt markers, and is not interactive")
    func writes() {
        let piped = PipedTerminal(input: "")
        piped.terminal.write("\u{1}\u{1B}[1m\u{2}bold\u{1}\u{1B}[0m\u{2}\n")
        piped.terminal.setCompletions(["ignored"])
        #expect(!piped.terminal.isInteractive)
        #expect(piped.writtenText() == "\u{1B}[1mbold\u{1B}[0m\n")
    }
}
