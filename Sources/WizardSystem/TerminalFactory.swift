import Foundation
import Wizard

/// Chooses the live terminal: readline when a person is at a terminal, plain lines otherwise.
public enum TerminalFactory {
    /// Whether both stdin and stdout are terminals, the condition for readline.
    public static var standardStreamsAreTerminals: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// A ``ReadlineTerminal`` keeping history in `historyFile` when stdin and stdout are both terminals,
    /// otherwise a ``PlainTerminal`` on stdin and stdout. `keepable` says what of a line the history may
    /// keep (``InlineSecret/keepable(_:)``).
    public static func makeTerminal(historyFile: URL?, keepable: @escaping @Sendable (String) -> String = { $0 }) -> any Terminal {
        if standardStreamsAreTerminals {
            return ReadlineTerminal(historyFile: historyFile, keepable: keepable)
        }
        return PlainTerminal()
    }

    /// ``makeTerminal(historyFile:)`` with the history file at its usual place for `environment`
    /// (``historyFile(environment:)``).
    public static func makeTerminal(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> any Terminal {
        makeTerminal(historyFile: historyFile(environment: environment))
    }

    /// `$XDG_STATE_HOME/piwizard/history`, or `$HOME/.local/state/piwizard/history` when
    /// `XDG_STATE_HOME` is unset, empty or not absolute (as the XDG base directory spec says); nil when
    /// neither gives an absolute folder.
    public static func historyFile(environment: [String: String]) -> URL? {
        let state: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = xdg
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            state = home + "/.local/state"
        } else {
            return nil
        }
        return URL(fileURLWithPath: state, isDirectory: true)
            .appendingPathComponent("piwizard", isDirectory: true)
            .appendingPathComponent("history", isDirectory: false)
    }
}
