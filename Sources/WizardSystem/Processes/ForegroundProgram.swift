#if canImport(Glibc)
import Glibc
#endif
import Wizard

/// Runs a program in the foreground of this terminal, as a shell runs a command: it shares the
/// terminal (standard streams and process group, so Ctrl-C reaches it), while this process ignores
/// Ctrl-C and Ctrl-\ until it ends. The terminal's settings are put back when it ends, also when it
/// was killed before it could restore them itself (a console whose node powered off under it).
public enum ForegroundProgram {
    /// Runs `arguments` and returns its shell-style exit status (128 + N when signal N ended it).
    public static func run(_ arguments: [String]) throws -> Int32 {
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        var settings = termios()
        let terminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &settings) == 0
        defer { if terminal { tcsetattr(STDIN_FILENO, TCSADRAIN, &settings) } }
        let child = try ChildProcess.spawn(arguments, newSession: false, ownProcessGroup: false) { _ in }
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) == -1 {
            guard errno == EINTR else { return 255 }
        }
        return WaitStatus.exitStatus(status)
    }
}
