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
    /// The password `sudo` asks for on `host`: the command's `sudo` gets it from a helper there, and it
    /// travels on ssh's standard input, never on a command line. Never encoded (transcripts hold the
    /// request without it) and not part of a request's equality.
    public var sudoPassword: String?
    /// Stop at the first command that fails, as a script with `set -e` does (a lesson's `{run}` block:
    /// a failing line is not followed by the next one, which might pass and hide it).
    public var stopsAtFirstFailure = false
    /// A lesson's command (a block the learner runs, or a self-test's teardown), not one piwizard runs
    /// to check, guard or detect: what it leaves in the background gets the hangup signal when it ends,
    /// unattended as at a terminal (piwizard's own commands, the lab's, leave theirs alone), and a
    /// transcript tells it apart (`transcript show`: what you ran, and what piwizard checked).
    public var isLessonCommand = false

    public init(command: String, host: RemoteHost? = nil, user: String? = nil, timeout: Double? = nil, interactive: Bool = false,
                console: Int? = nil, sudoPassword: String? = nil, stopsAtFirstFailure: Bool = false) {
        self.command = command
        self.host = host
        self.user = user
        self.timeout = timeout
        self.interactive = interactive
        self.console = console
        self.sudoPassword = sudoPassword
        self.stopsAtFirstFailure = stopsAtFirstFailure
    }

    private enum CodingKeys: String, CodingKey {
        case command, host, user, timeout, interactive, console, stopsAtFirstFailure
        case isLessonCommand = "lesson"
    }

    public init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        command = try values.decode(String.self, forKey: .command)
        host = try values.decodeIfPresent(RemoteHost.self, forKey: .host)
        user = try values.decodeIfPresent(String.self, forKey: .user)
        timeout = try values.decodeIfPresent(Double.self, forKey: .timeout)
        interactive = try values.decode(Bool.self, forKey: .interactive)
        console = try values.decodeIfPresent(Int.self, forKey: .console)
        stopsAtFirstFailure = try values.decodeIfPresent(Bool.self, forKey: .stopsAtFirstFailure) ?? false
        isLessonCommand = try values.decodeIfPresent(Bool.self, forKey: .isLessonCommand) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(command, forKey: .command)
        try values.encodeIfPresent(host, forKey: .host)
        try values.encodeIfPresent(user, forKey: .user)
        try values.encodeIfPresent(timeout, forKey: .timeout)
        try values.encode(interactive, forKey: .interactive)
        try values.encodeIfPresent(console, forKey: .console)
        if stopsAtFirstFailure { try values.encode(true, forKey: .stopsAtFirstFailure) }
        if isLessonCommand { try values.encode(true, forKey: .isLessonCommand) }
    }

    public static func == (left: CommandRequest, right: CommandRequest) -> Bool {
        left.command == right.command && left.host == right.host && left.user == right.user && left.timeout == right.timeout
            && left.interactive == right.interactive && left.console == right.console && left.stopsAtFirstFailure == right.stopsAtFirstFailure
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(command)
        hasher.combine(host)
        hasher.combine(user)
        hasher.combine(console)
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
