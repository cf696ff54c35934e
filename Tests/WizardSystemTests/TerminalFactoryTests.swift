import Foundation
import Testing
import WizardSystem

@Suite("TerminalFactory")
struct TerminalFactoryTests {
    @Test("history lives under XDG_STATE_HOME when it is absolute")
    func historyUnderXDGStateHome() {
        let file = TerminalFactory.historyFile(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
        #expect(file?.path == "/s/piwizard/history")
    }

    @Test("history falls back to ~/.local/state when XDG_STATE_HOME is unset, empty or relative")
    func historyUnderHome() {
        for xdg in [nil, "", "relative/state"] {
            var environment = ["HOME": "/home/pi"]
            environment["XDG_STATE_HOME"] = xdg
            let file = TerminalFactory.historyFile(environment: environment)
            #expect(file?.path == "/home/pi/.local/state/piwizard/history")
        }
    }

    @Test("no history file without an absolute home")
    func noHistoryWithoutHome() {
        #expect(TerminalFactory.historyFile(environment: [:]) == nil)
        #expect(TerminalFactory.historyFile(environment: ["HOME": "pi"]) == nil)
    }

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
