import Foundation
import Testing
import WizardSystem

@Suite("TerminalFactory")
struct TerminalFactoryTests {
    // Only where the test runner's stdin or stdout is not a terminal (CI, pipes): elsewhere the factory
    // would make a ReadlineTerminal, whose C globals other suites use.
    @Test(
        "without terminals on stdin and stdout the factory gives a plain terminal",
        .enabled(if: !TerminalFactory.standardStreamsAreTerminals))
    func plainWithoutTerminals() {
        let terminal = TerminalFactory.makeTerminal(historyFile: nil)
        #expect(terminal is PlainTerminal)
        #expect(!terminal.isInteractive)
    }
}
