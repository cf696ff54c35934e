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
}
