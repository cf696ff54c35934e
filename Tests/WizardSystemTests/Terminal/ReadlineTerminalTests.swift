import Foundation
import Testing
@testable import WizardSystem

/// The parts of ReadlineTerminal that need no terminal: prompt marking, completion choice.
@Suite("ReadlineTerminal without a terminal")
struct ReadlineTerminalTests {
    @Test("colour codes in a prompt are wrapped in readline's invisible markers")
    func marksColours() {
        let prompt = "\u{1B}[1;32mpw\u{1B}[0m> "
        #expect(
            ReadlineTerminal.markingInvisible(prompt)
                == "\u{1}\u{1B}[1;32m\u{2}pw\u{1}\u{1B}[0m\u{2}> ")
    }

    @Test("an OSC title sequence is wrapped whole")
    func marksOSC() {
        let prompt = "\u{1B}]0;title\u{7}$ "
        #expect(ReadlineTerminal.markingInvisible(prompt) == "\u{1}\u{1B}]0;title\u{7}\u{2}$ ")
    }

    @Test("plain and already marked prompts are left as they are")
    func leavesPlainAndMarked() {
        #expect(ReadlineTerminal.markingInvisible("> ") == "> ")
        let marked = "\u{1}\u{1B}[1m\u{2}> "
        #expect(ReadlineTerminal.markingInvisible(marked) == marked)
    }

    @Test("a cut-off escape at the end is still wrapped")
    func cutOffEscape() {
        #expect(ReadlineTerminal.markingInvisible("a\u{1B}[1") == "a\u{1}\u{1B}[1\u{2}")
        #expect(ReadlineTerminal.markingInvisible("a\u{1B}") == "a\u{1}\u{1B}\u{2}")
    }

    @Test("a prompt is split after its last newline")
    func splitsPrompt() {
        #expect(ReadlineTerminal.splitPrompt("> ") == ("", "> "))
        #expect(ReadlineTerminal.splitPrompt("Step 2\nHost\n> ") == ("Step 2\nHost\n", "> "))
        #expect(ReadlineTerminal.splitPrompt("done\n") == ("done\n", ""))
    }

    @Test("the first word completes from the words, later words and paths from file names")
    func completionKind() {
        #expect(ReadlineTerminal.completionKind(linePrefix: "", word: "sta") == .words)
        #expect(ReadlineTerminal.completionKind(linePrefix: "  ", word: "") == .words)
        #expect(ReadlineTerminal.completionKind(linePrefix: "", word: "./scr") == .fileNames)
        #expect(ReadlineTerminal.completionKind(linePrefix: "", word: "/etc/ho") == .fileNames)
        #expect(ReadlineTerminal.completionKind(linePrefix: "", word: "~/.ss") == .fileNames)
        #expect(ReadlineTerminal.completionKind(linePrefix: "cat ", word: "fi") == .fileNames)
    }

    @Test("matches are the words with the prefix, sorted, without repeats")
    func matches() {
        let words = ["stop", "status", "help", "start", "status"]
        #expect(ReadlineTerminal.matches(for: "st", in: words) == ["start", "status", "stop"])
        #expect(ReadlineTerminal.matches(for: "x", in: words) == [])
        #expect(ReadlineTerminal.matches(for: "", in: words) == ["help", "start", "status", "stop"])
    }
}
