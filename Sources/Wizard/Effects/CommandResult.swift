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
    /// True when the learner stopped it with Ctrl-C (it ended by the interrupt signal after one was typed).
    public var interrupted: Bool

    public init(exitStatus: Int32, output: String, duration: Double, timedOut: Bool = false, interrupted: Bool = false) {
        self.exitStatus = exitStatus
        self.output = output
        self.duration = duration
        self.timedOut = timedOut
        self.interrupted = interrupted
    }

    enum CodingKeys: String, CodingKey { case exitStatus, output, duration, timedOut, interrupted }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        exitStatus = try container.decode(Int32.self, forKey: .exitStatus)
        output = try container.decode(String.self, forKey: .output)
        duration = try container.decode(Double.self, forKey: .duration)
        timedOut = try container.decode(Bool.self, forKey: .timedOut)
        interrupted = try container.decodeIfPresent(Bool.self, forKey: .interrupted) ?? false   // transcripts before it
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(exitStatus, forKey: .exitStatus)
        try container.encode(output, forKey: .output)
        try container.encode(duration, forKey: .duration)
        try container.encode(timedOut, forKey: .timedOut)
        if interrupted { try container.encode(interrupted, forKey: .interrupted) }
    }

    public var succeeded: Bool { exitStatus == 0 && !timedOut }
}
