import Lessons

/// What a validator may do: run a shell command where its block runs (this machine, the master, a node),
/// and learn the ssh user for hosts it reaches from there.
public struct ValidatorContext: Sendable {
    /// Runs shell text on the block's target, non-interactively.
    public var run: @Sendable (String, Double?) throws -> CommandResult
    /// The user to log in as when a validator reaches another host (`ssh USER@HOST`).
    public var sshUser: String?
    /// Seconds a single command may take.
    public var timeout: Double?
    /// Extra options for the `ssh` a validator runs (an identity, a known_hosts file, a port); never
    /// one that turns host key checking off.
    public var sshOptions: [String]
    /// Files that stand in for block devices (the practice lab's card reader).
    public var standInDevices: Set<String>
    /// This machine's addresses and names when the check runs on this machine (nil when it runs on
    /// another host: then the shell text finds out there whether a host is that machine itself).
    public var here: Set<String>?
    /// Whether the check may wait for what it checks to come about (a node that is starting); false when
    /// a session looks whether a step is done before running it, where waiting cannot help.
    public var patient = true
    /// Runs several shell texts on the block's target at the same time (a question for every node), at
    /// most `jobs` at once; results in order. By default, `run` on parallel threads.
    public var runAll: @Sendable ([String], Double?) -> [Result<CommandResult, Error>]
    /// Whether a host accepts a TCP connection on a port, from where the block runs: the shell probe
    /// (`TCPProbe`), which the runner may answer without starting it (`CommandRunner.probe`). By
    /// default, `run` of the probe.
    public var probe: @Sendable (_ probe: String, _ host: String, _ port: Int, _ timeout: Double?) throws -> CommandResult

    public init(run: @escaping @Sendable (String, Double?) throws -> CommandResult, sshUser: String?, timeout: Double? = nil, sshOptions: [String] = [],
                standInDevices: Set<String> = []) {
        self.run = run
        self.sshUser = sshUser
        self.timeout = timeout
        self.sshOptions = sshOptions
        self.standInDevices = standInDevices
        runAll = { texts, timeout in NodeFanOut().map(texts) { text in Result { try run(text, timeout) } } }
        probe = { text, _, _, timeout in try run(text, timeout) }
    }

    /// Whether `host` accepts a TCP connection on `port` (one attempt, at most 5 s).
    public func probe(_ host: String, port: Int, timeout: Double? = nil) throws -> CommandResult {
        try probe(TCPProbe.script(host, port: port).description, host, port, timeout ?? self.timeout)
    }

    /// How a check's ssh logs in.
    public enum Login: Sendable {
        /// On the user's one shared connection to the host.
        case shared
        /// A login of its own that then becomes the shared connection (a check that proves a login works).
        case fresh
        /// A login of its own that leaves nothing behind (a check that proves which machine answers).
        case own
    }

    /// ssh from where the check runs to `destination` (`USER@HOST`), never prompting, host keys
    /// checked, logging in as `login` says. `options` come after the context's own (`-i KEY`).
    public func ssh(_ destination: String, login: Login = .shared, options: [String] = []) -> SSHInvocation {
        let freshLogin = login == .fresh
        let sharing: SSHInvocation.Sharing
        if login == .own {
            sharing = .ownLogin
        } else if here != nil {
            let folder = SSHControlFolder.path()
            if SSHControlFolder.problem(preparing: folder) != nil { sharing = .none }
            else { sharing = freshLogin ? .freshLogin(.folder(folder)) : .folder(folder) }
        } else {
            sharing = freshLogin ? .freshLogin(.decidedByShell) : .decidedByShell
        }
        return SSHInvocation(destination: destination, connectTimeout: 5, sharing: sharing, extraOptions: sshOptions + options)
    }

    /// Shell text that runs `command` (then `arguments`, expanded where the text runs) on
    /// `destination` over `ssh(destination, ...)`, deciding the shared connection's folder first when
    /// the check runs on another host.
    public func ssh(_ destination: String, run command: ShellText, arguments: ShellText? = nil, login: Login = .shared, options: [String] = []) -> ShellText {
        let invocation = ssh(destination, login: login, options: options)
        let text = invocation.shellText(remoteCommand: command, arguments: arguments)
        switch invocation.sharing {
        case .decidedByShell, .freshLogin(.decidedByShell): return SSHInvocation.sharingDecision + " " + text
        default: return text
        }
    }

    /// Runs shell texts at once with the context's timeout.
    public func runAll(_ scripts: [ShellText]) -> [Result<CommandResult, Error>] {
        runAll(scripts.map(\.description), timeout)
    }

    /// Runs shell text with the context's timeout (or `timeout` seconds).
    public func run(_ script: ShellText, timeout: Double? = nil) throws -> CommandResult {
        try run(script.description, timeout ?? self.timeout)
    }

    /// Shell text that runs `command` on `host`: right here when `host` is one of this machine's own
    /// addresses or names, otherwise over ssh (`ssh(_:run:)`), so the checks of a session log in to a
    /// node once (unless `login` says otherwise).
    public func onHost(_ host: String, _ command: ShellText, login: Login = .shared, user: String? = nil, port: Int = 22) -> ShellText {
        let target = (user ?? sshUser).map { "\($0)@\(host)" } ?? host
        let options = Self.portOptions(port)
        // A host on another port is reached over ssh even from itself: the port says which server.
        if port == 22, let here {
            // Decided here, without a shell test: a check on many nodes starts fewer programs.
            return here.contains(host) ? "sh -c \(word: command)" : ssh(target, run: command, login: login, options: options)
        }
        guard port == 22 else { return ssh(target, run: command, login: login, options: options) }
        return "if [ \(host) = \"$(hostname)\" ] || ip -o addr show 2>/dev/null | grep -qF \" \"\(host)\"/\"; "
            + "then sh -c \(word: command); "
            + "else \(ssh(target, run: command, login: login)); fi"
    }

    /// ssh's options for a port: none for 22.
    public static func portOptions(_ port: Int) -> [String] {
        port == 22 ? [] : ["-p", String(port)]
    }

    /// How a message names a host on a port: `raspi2`, or `raspi2 port 2222`.
    public static func hostAndPort(_ host: String, _ port: Int) -> String {
        port == 22 ? host : "\(host) port \(port)"
    }
}
