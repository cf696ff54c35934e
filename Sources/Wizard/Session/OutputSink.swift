import Foundation

/// Passes a running command's output to the terminal from whatever thread the runner reads it on,
/// one chunk at a time. With no terminal (an interactive run, which the runner shows itself) it drops it.
final class OutputSink: @unchecked Sendable {
    private let terminal: Terminal?
    private let lock = NSLock()

    init(terminal: Terminal?) {
        self.terminal = terminal
    }

    @Sendable func write(_ chunk: String) {
        lock.lock()
        defer { lock.unlock() }
        terminal?.write(chunk)
    }
}
