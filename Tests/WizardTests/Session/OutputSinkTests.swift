import Testing
@testable import Wizard

/// A command's output on the learner's screen: redrawn lines leave no tail, and piwizard's next words
/// start on a line of their own.
@Suite struct OutputSinkTests {
    @Test func aRedrawnLineIsClearedAndOutputWithoutALineBreakGetsOne() {
        let terminal = ScriptedTerminal(lines: [])
        let sink = OutputSink(terminal: terminal)
        sink.write("2420113408 bytes copied, 10 s, 238 MB/s")
        sink.write("\r24 bytes")
        sink.finish()
        terminal.write("✓ Done.\n")
        #expect(terminal.output == "2420113408 bytes copied, 10 s, 238 MB/s\r\u{1B}[K24 bytes\n✓ Done.\n")
    }

    @Test func outputThatEndsALineIsLeftAsItIs() {
        let terminal = ScriptedTerminal(lines: [])
        let sink = OutputSink(terminal: terminal)
        sink.write("done\n")
        sink.finish()
        sink.finish()
        #expect(terminal.output == "done\n")
        let silent = ScriptedTerminal(lines: [])
        OutputSink(terminal: silent).finish()
        #expect(silent.output == "", "no output, no line break")
        // An interactive command's output the pseudo-terminal showed: only its last line is ended.
        let shown = ScriptedTerminal(lines: [])
        let interactive = OutputSink(terminal: shown, shows: false, onScreen: true)
        interactive.write("Password changed")
        interactive.finish()
        #expect(shown.output == "\n")
        let probe = ScriptedTerminal(lines: [])
        let hidden = OutputSink(terminal: probe, shows: false, onScreen: false)
        hidden.write("no newline")
        hidden.finish()
        #expect(probe.output == "", "a look piwizard takes is not on the screen")
    }
}
