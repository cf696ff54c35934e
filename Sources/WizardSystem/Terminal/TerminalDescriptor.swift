#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One end of a terminal conversation as a file descriptor: lines read a byte at a time, text written
/// whole, echo switched off for secrets. It does not own the descriptor and never closes it.
struct TerminalDescriptor {
    /// What one attempt to read a line gave.
    enum LineRead: Equatable {
        /// A line, without its newline (nor a carriage return before it).
        case line(String)
        /// End of input before any character of a line.
        case endOfInput
        /// A caught signal ended the read; what was typed so far is dropped.
        case interrupted

        /// What `Terminal.readLine` returns for it: the line, nil at end of input, "" when interrupted.
        var answer: String? {
            switch self {
            case .line(let line): return line
            case .endOfInput: return nil
            case .interrupted: return ""
            }
        }
    }

    /// The file descriptor.
    let fd: Int32

    /// Whether the descriptor is a terminal.
    var isTerminal: Bool {
        isatty(fd) == 1
    }

    /// Reads one line. Bytes are read one at a time so that nothing past the newline is taken from input
    /// that a child process may share. A last line without a newline is returned as a line; end of input
    /// with nothing read gives `.endOfInput`, and so does a read error. When a read is interrupted by a
    /// signal and `isInterrupted` says so, the line is abandoned; other interruptions are retried.
    func readLine(isInterrupted: () -> Bool = { false }) -> LineRead {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") {
                    return .line(Self.decode(bytes))
                }
                bytes.append(byte)
            } else if count == 0 {
                return bytes.isEmpty ? .endOfInput : .line(Self.decode(bytes))
            } else if errno == EINTR {
                if isInterrupted() {
                    return .interrupted
                }
            } else {
                return bytes.isEmpty ? .endOfInput : .line(Self.decode(bytes))
            }
        }
    }

    /// Reads one line with the terminal's echo off (when the descriptor is a terminal), catching Ctrl-C,
    /// hang-up, quit and terminate for the length of the read. The echo is always put back. Ctrl-C gives
    /// `.interrupted`; the other signals are raised again once the terminal is restored, so they still
    /// end the process as they would have.
    func readSecretLine() -> LineRead {
        holdingEndingSignals(alsoCatching: [SIGINT]) {
            withEchoOff {
                readLine(isInterrupted: { SignalCatcher.caught != 0 })
            }
        }
    }

    /// Runs `body` with hang-up, quit and terminate caught (and `others`), and raises the ending one
    /// again once `body` has returned (having put the terminal back), so that it still ends the
    /// process as it would have. `SignalCatcher.caught` tells `body`'s caller which one came.
    func holdingEndingSignals<T>(alsoCatching others: [Int32] = [], _ body: () -> T) -> T {
        let ending = [SIGHUP, SIGQUIT, SIGTERM]
        let result = SignalCatcher.catching(others + ending, body)
        if ending.contains(SignalCatcher.caught) { raise(SignalCatcher.caught) }
        return result
    }

    /// Runs `body` with echo off on the terminal and restores the settings afterwards; on a descriptor
    /// that is not a terminal, just runs `body`.
    func withEchoOff<T>(_ body: () throws -> T) rethrows -> T {
        try withSettings({ $0.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL) }, body)
    }

    /// Runs `body` with the terminal's settings changed by `change`, and puts back the settings found
    /// afterwards; on a descriptor that is not a terminal, just runs `body`.
    func withSettings<T>(_ change: (inout termios) -> Void, _ body: () throws -> T) rethrows -> T {
        var saved = termios()
        guard isTerminal, tcgetattr(fd, &saved) == 0 else {
            return try body()
        }
        var changed = saved
        change(&changed)
        tcsetattr(fd, TCSANOW, &changed)
        defer {
            tcsetattr(fd, TCSANOW, &saved)
        }
        return try body()
    }

    /// Writes all of `text`, first flushing the C library's buffered streams so that nothing written
    /// through them (by readline or `print`) comes out after it.
    func write(_ text: String) {
        fflush(nil)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                writeToDescriptor(fd, buffer, from: offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Drops the readline prompt markers (`\u{1}` and `\u{2}`) from text that is written directly.
    static func withoutPromptMarkers(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { $0 != "\u{1}" && $0 != "\u{2}" })
        return String(scalars)
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        var content = bytes[...]
        if content.last == UInt8(ascii: "\r") {
            content = content.dropLast()
        }
        return String(decoding: content, as: UTF8.self)
    }
}

/// `write(2)` of the bytes from `offset` on; outside the type, whose own `write` would shadow it.
private func writeToDescriptor(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, from offset: Int) -> Int {
    guard let base = buffer.baseAddress else {
        return 0
    }
    return write(fd, base + offset, buffer.count - offset)
}
