/// A command for a runner: the final shell text (templates filled in, quoted), where and how it runs.
public struct CommandRequest: Sendable, Hashable, Codable {
    /// Shell text, run by `/bin/sh -c` on the target.
    public var command: String
    /// The machine it runs on; nil for this machine.
    public var host: RemoteHost?
    /// Run it through `sudo` as this user (`root` for a plain `sudo`); nil for the session's user.
    public var user: String?
    /// Give up after this many seconds (the command is stopped, the result says `timedOut`).
    public var timeout: Double?
    /// Attach the learner's terminal: keystrokes reach the program, output streams live, in a
    /// pseudo-terminal so that password prompts and full-screen programs work.
    public var interactive: Bool
    /// Type it at the console of the loop's node number N (1 for the first record), which only the
    /// practice lab can do; nil for an ordinary command.
    public var console: Int?

    public init(command: String, host: RemoteHost? = nil, user: String? = nil, timeout: Double? = nil, interactive: Bool = false, console: Int? = nil) {
        self.command = command
        self.host = host
        self.user = user
        self.timeout = timeout
        self.interactive = interactive
        self.console = console
    }
}

/// A machine reached over ssh.
public struct RemoteHost: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Address or name to connect to.
    public var address: String
    /// The login user; nil for ssh's default.
    public var user: String?

    public init(address: String, user: String? = nil) {
        self.address = address
        self.user = user
    }

    public var description: String { user.map { "\($0)@\(address)" } ?? address }
}
