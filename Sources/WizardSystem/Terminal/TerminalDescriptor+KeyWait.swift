#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting a while for one key, for a watch: the terminal's line editing, echo and signal keys are off
/// for the wait (Ctrl-C arrives as a byte, a key is there as soon as it is pressed) and put back after.
extension TerminalDescriptor {
    /// How a wait for a byte ended.
    enum ByteWait: Equatable {
        case timedOut
        /// This byte was read (the first of the key).
        case byte(UInt8)
        /// Ctrl-C (the byte, or the signal sent some other way).
        case interrupted
        /// Input ended, or cannot be read.
        case closed
    }

    /// Waits up to `seconds` for a byte and reads it. Hang-up, quit and terminate are caught for the
    /// length of the wait and raised again once the terminal is put back, so they still end piwizard
    /// and leave the terminal as it was.
    func waitForByte(seconds: Int) -> ByteWait {
        let result = holdingEndingSignals(alsoCatching: [SIGINT]) {
            withKeysUncooked { pollByte(milliseconds: seconds * 1000) }
        }
        if SignalCatcher.caught == SIGINT || result == .byte(3) { return .interrupted }
        return result
    }

    /// Runs `body` with the terminal uncooked, as a wait has it, so that what is typed meanwhile (Ctrl-C
    /// too) waits, unseen, for the next wait. Hang-up, quit and terminate are raised again once the
    /// terminal is put back.
    func holdingKeys<T>(_ body: () -> T) -> T {
        holdingEndingSignals { withKeysUncooked(body) }
    }

    /// Polls until a byte comes or the time is up; a signal ends the wait early.
    private func pollByte(milliseconds: Int) -> ByteWait {
        var left = milliseconds
        var started = timespec()
        clock_gettime(CLOCK_MONOTONIC, &started)
        while true {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(0, left)))
            if ready == 0 { return .timedOut }
            if ready < 0 {
                guard errno == EINTR, SignalCatcher.caught == 0 else { return SignalCatcher.caught == 0 ? .closed : .interrupted }
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                left = milliseconds - Int(now.tv_sec - started.tv_sec) * 1000 - Int(now.tv_nsec - started.tv_nsec) / 1_000_000
                continue
            }
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count == 1 { return .byte(byte) }
            if count < 0, errno == EINTR { return SignalCatcher.caught == 0 ? .timedOut : .interrupted }
            return .closed
        }
    }

    /// Runs `body` with the terminal's canonical mode, echo and signal keys off (bytes as they are
    /// typed, none shown, Ctrl-C a byte) and its settings put back afterwards; on a descriptor that is
    /// not a terminal, just runs `body`.
    private func withKeysUncooked<T>(_ body: () -> T) -> T {
        withSettings({ settings in
            settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
            withUnsafeMutableBytes(of: &settings.c_cc) { keys in
                keys[Int(VMIN)] = 1
                keys[Int(VTIME)] = 0
            }
        }, body)
    }
}
