#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches chosen signals for the length of one blocking read, so that they end the read (which returns
/// `EINTR`, the handler being installed without `SA_RESTART`) instead of the process.
///
/// The handler only records the signal number; the reader looks at ``caught`` afterwards. The handlers in
/// place before are put back when the body returns, however it returns.
enum SignalCatcher {
    /// The number of the last signal caught, 0 when none. Written by the handler and by ``catching(_:_:)``.
    nonisolated(unsafe) static var caught: sig_atomic_t = 0

    /// Runs `body` with `signals` caught, then restores the handlers that were there before.
    static func catching<T>(_ signals: [Int32], _ body: () throws -> T) rethrows -> T {
        // Touching the variable here also finishes its lazy initialisation before any handler can run.
        caught = 0
        var previous: [(signal: Int32, action: sigaction)] = []
        for number in signals {
            var action = sigaction()
            setHandler(&action)
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            if sigaction(number, &action, &old) == 0 {
                previous.append((number, old))
            }
        }
        defer {
            for entry in previous.reversed() {
                var old = entry.action
                sigaction(entry.signal, &old, nil)
            }
        }
        return try body()
    }

    /// Whether the signal caught last is `signal`.
    static func hasCaught(_ signal: Int32) -> Bool {
        caught == signal
    }

    private static func setHandler(_ action: inout sigaction) {
        let handler: @convention(c) (Int32) -> Void = { number in
            SignalCatcher.caught = number
        }
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
    }
}
