import Wizard

/// The bookkeeping both runners share while a command runs: reaping the child, stopping it when its
/// timeout passes (see `TimeoutEscalation`), and deciding when to stop reading its output once it has
/// ended. The runners do the reading; they call `shouldContinue(outputOpen:)` before each `poll` and
/// `noteOutput()` after each read that brought bytes.
struct CommandLifecycle {
    /// How long output must have been quiet, after the command ended, before the runner stops waiting
    /// for the end of its output (something it left behind still holds the terminal or pipe open).
    static let quietAfterExit: Duration = .milliseconds(200)
    /// The longest the runner keeps reading after the command ended, however chatty what it left behind.
    static let drainLimit: Duration = .seconds(2)

    let child: ChildProcess
    let start: ContinuousClock.Instant
    private var escalation: TimeoutEscalation
    private var exitedAt: ContinuousClock.Instant?
    private var lastOutput: ContinuousClock.Instant
    /// The shell-style exit status, once the command has ended.
    private(set) var exitStatus: Int32?
    /// The signal that ended the command, when one did (not an exit by itself with 128 + N).
    private(set) var endingSignal: Int32?
    /// Waits since the output closed while the command had not been reaped yet.
    private var waitsAfterClose = 0

    init(child: ChildProcess, timeout: Double?, start: ContinuousClock.Instant) {
        self.child = child
        self.start = start
        escalation = TimeoutEscalation(timeout: timeout, start: start)
        lastOutput = start
    }

    /// True once the timeout passed and the command was told to stop.
    var timedOut: Bool { escalation.timedOut }

    /// Reaps the command if it has ended, signals it if its timeout is due, and tells whether the
    /// runner should go on reading (false once the command has ended and its output has closed, gone
    /// quiet, or run past `drainLimit`).
    mutating func shouldContinue(outputOpen: Bool) -> Bool {
        let now = ContinuousClock.now
        if exitStatus == nil, let ended = child.reapWithSignal() {
            exitStatus = ended.exitStatus
            endingSignal = ended.signal
            exitedAt = now
        }
        if let exitedAt {
            let quiet = now - max(exitedAt, lastOutput) >= Self.quietAfterExit
            return outputOpen && !quiet && now - exitedAt < Self.drainLimit
        }
        if let signal = escalation.signal(at: now) {
            child.signalGroup(signal)
        }
        return true
    }

    /// Milliseconds the runner may wait in `poll` before the next check is due. Once the output has
    /// closed, the command is usually ending: it is reaped after 1 ms, then 2, 4, ... up to 50 (one that
    /// closed its output and goes on running is not polled a thousand times a second).
    mutating func pollTimeout(outputOpen: Bool) -> Int32 {
        let wait: Int32
        if exitStatus != nil {
            wait = 10
        } else if outputOpen {
            wait = 50
        } else {
            wait = Int32(min(50, 1 << min(waitsAfterClose, 6)))
            waitsAfterClose += 1
        }
        guard let next = escalation.millisecondsUntilNext(from: .now) else { return wait }
        return min(wait, next)
    }

    /// Records that output just arrived.
    mutating func noteOutput() {
        lastOutput = .now
    }

    /// The result of the finished command.
    func result(output: String) -> CommandResult {
        CommandResult(
            exitStatus: exitStatus ?? 255,
            output: output,
            duration: start.duration(to: .now).inSeconds,
            timedOut: timedOut
        )
    }
}
