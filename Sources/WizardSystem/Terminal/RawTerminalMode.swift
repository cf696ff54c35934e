#if canImport(Glibc)
import Glibc
#endif

/// The learner's terminal switched to raw mode while an interactive command owns it: every byte
/// (Ctrl-C, Ctrl-D, arrow keys) passes through to the command's pseudo-terminal instead of being
/// interpreted here, and nothing is echoed twice. `restore()` puts back the settings found.
struct RawTerminalMode {
    private let fd: Int32
    private let saved: termios

    /// Switches `fd` to raw mode; nil (and nothing changed) when it is not a terminal.
    static func enter(_ fd: Int32) -> RawTerminalMode? {
        var saved = termios()
        guard isatty(fd) == 1, tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        cfmakeraw(&raw)
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        return RawTerminalMode(fd: fd, saved: saved)
    }

    /// Puts the terminal back as it was before `enter`.
    func restore() {
        var saved = saved
        _ = tcsetattr(fd, TCSADRAIN, &saved)
    }
}
