#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When to stop a command whose timeout has passed: `SIGTERM` once the timeout is reached, then
/// `SIGKILL` if it is still running `grace` seconds later. Pure bookkeeping; the runner sends the signals.
struct TimeoutEscalation {
    /// Seconds between `SIGTERM` and `SIGKILL`.
    static let grace: Duration = .seconds(1)

    private let termAt: ContinuousClock.Instant?
    private var sentTerm = false
    private var sentKill = false

    /// A schedule for a command started at `start`; no signals at all when `timeout` is nil.
    init(timeout: Double?, start: ContinuousClock.Instant) {
        termAt = timeout.map { start + .milliseconds(Int64((max($0, 0) * 1000).rounded())) }
    }

    /// True once the timeout has passed (the command is being, or has been, stopped).
    var timedOut: Bool { sentTerm }

    /// The signal due at `now`, if any; each signal is returned once.
    mutating func signal(at now: ContinuousClock.Instant) -> Int32? {
        guard let termAt, !sentKill else { return nil }
        if !sentTerm, now >= termAt {
            sentTerm = true
            return SIGTERM
        }
        if sentTerm, now >= termAt + Self.grace {
            sentKill = true
            return SIGKILL
        }
        return nil
    }

    /// Milliseconds until the next signal is due (for a poll timeout), nil when none is pending.
    func millisecondsUntilNext(from now: ContinuousClock.Instant) -> Int32? {
        guard let termAt, !sentKill else { return nil }
        let next = sentTerm ? termAt + Self.grace : termAt
        let left = now.duration(to: next)
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }
}
