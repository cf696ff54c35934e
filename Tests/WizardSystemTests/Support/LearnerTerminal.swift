import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal made by the test to stand for the learner's real terminal; the runner gets the
/// slave side as its input (and output), the test plays the learner on the master side.
struct LearnerTerminal: Sendable {
    let master: Int32
    let slave: Int32

    init(rows: UInt16 = 24, columns: UInt16 = 80) {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        precondition(openpty(&master, &slave, nil, nil, &size) == 0, "openpty failed")
        self.master = master
        self.slave = slave
    }

    /// Types `text` at the terminal.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// The terminal settings of the slave side.
    var settings: termios {
        var settings = termios()
        _ = tcgetattr(slave, &settings)
        return settings
    }

    /// Changes the window size, as resizing the terminal window does.
    func resize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    }

    func closeAll() {
        close(master)
        close(slave)
    }
}
