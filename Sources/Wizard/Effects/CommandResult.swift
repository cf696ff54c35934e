/// How a command ended, and what it printed.
public struct CommandResult: Sendable, Hashable, Codable {
    /// The exit status; for a command ended by a signal, 128 + the signal number (as shells report it).
    public var exitStatus: Int32
    /// Everything the command printed (stdout and stderr together, as on a terminal).
    public var output: String
    /// Seconds from start to end.
    public var duration: Double
    /// True when the runner stopped the command because its timeout passed.
    public var timedOut: Bool

    public init(exitStatus: Int32, output: String, duration: Double, timedOut: Bool = false) {
        self.exitStatus = exitStatus
        self.output = output
        self.duration = duration
        self.timedOut = timedOut
    }

    public var succeeded: Bool { exitStatus == 0 && !timedOut }
}
