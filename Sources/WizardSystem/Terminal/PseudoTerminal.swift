#if canImport(Glibc)
import Glibc
#endif
import Wizard

/// A program running in a new session whose controlling terminal is a fresh pseudo-terminal. The
/// parent holds only the master side: what the program prints is read from `master`, what is written
/// to `master` is the program's keyboard.
///
/// The master is opened with `O_CLOEXEC` (no other child ever inherits it) and the slave is opened only
/// inside the child, by path, as fd 0 and duplicated to 1 and 2. Being the first terminal the new
/// session leader opens, it becomes the controlling terminal, so Ctrl-C typed into the master reaches
/// the program's foreground process group. Since the parent never holds the slave, reading the master
/// fails with EIO as soon as the program (and whatever inherited its terminal) has gone. Linux only.
struct PseudoTerminal {
    /// The master side, non-blocking.
    let master: Int32
    /// The program running on the slave side.
    let child: ChildProcess

    /// Linux `TIOCSPTLCK` (unlock the slave; what `unlockpt` does, which Swift does not import).
    private static let unlockSlave: UInt = 0x4004_5431
    /// Linux `TIOCGPTN` (the slave's number; what `ptsname` asks, which Swift does not import).
    private static let slaveNumber: UInt = 0x8004_5430

    /// The size for a new pseudo-terminal: that of the first of `descriptors` that is a terminal,
    /// else 80 columns by 24 rows.
    static func windowSize(from descriptors: [Int32]) -> winsize {
        for fd in descriptors {
            if let size = currentWindowSize(of: fd) { return size }
        }
        return winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    }

    /// The window size of `fd` when it is a terminal that knows its size.
    static func currentWindowSize(of fd: Int32) -> winsize? {
        var size = winsize()
        guard isatty(fd) == 1, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
            return nil
        }
        return size
    }

    /// Opens a pseudo-terminal of `size` and starts `arguments` on it. Throws
    /// `CommandRunnerError.cannotStart` when either fails.
    static func spawn(_ arguments: [String], size: winsize) throws -> PseudoTerminal {
        func failure(_ step: String, _ code: Int32) -> CommandRunnerError {
            .cannotStart(command: arguments.joined(separator: " "), reason: "\(step): \(String(cString: strerror(code)))")
        }
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw failure("cannot open a pseudo-terminal", errno) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, unlockSlave, &unlock) == 0, ioctl(master, slaveNumber, &number) == 0 else {
            let code = errno
            _ = Glibc.close(master)
            throw failure("cannot set up the pseudo-terminal", code)
        }
        var windowSize = size
        _ = ioctl(master, UInt(TIOCSWINSZ), &windowSize)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        let slavePath = "/dev/pts/\(number)"
        do {
            let child = try ChildProcess.spawn(arguments, newSession: true) { actions in
                posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
                posix_spawn_file_actions_adddup2(&actions, 0, 1)
                posix_spawn_file_actions_adddup2(&actions, 0, 2)
            }
            return PseudoTerminal(master: master, child: child)
        } catch {
            _ = Glibc.close(master)
            throw error
        }
    }

    /// Passes a new window size to the program (the kernel sends it `SIGWINCH`).
    func resize(to size: winsize) {
        var size = size
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Closes the master side.
    func close() {
        _ = Glibc.close(master)
    }
}
