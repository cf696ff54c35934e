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
    /// Runs several shell texts on the block's target at the same time (a question for every node), at
    /// most `jobs` at once; results in order. By default, `run` on parallel threads.
    public var runAll: @Sendable ([String], Double?) -> [Result<CommandResult, Error>]

    public init(run: @escaping @Sendable (String, Double?) throws -> CommandResult, sshUser: String?, timeout: Double? = nil, sshOptions: [String] = [],
                standInDevices: Set<String> = []) {
        self.run = run
        self.sshUser = sshUser
        self.timeout = timeout
        self.sshOptions = sshOptions
        self.standInDevices = standInDevices
        runAll = { texts, timeout in NodeFanOut().map(texts) { text in Result { try run(text, timeout) } } }
    }

    /// `ssh -o BatchMode=yes -o ConnectTimeout=5` and the extra options, as shell words.
    public var ssh: String {
        (["ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5"] + sshOptions).map(ShellQuote.quote).joined(separator: " ")
    }

    /// Runs shell texts at once with the context's timeout.
    public func runAll(_ commands: [String]) -> [Result<CommandResult, Error>] {
        runAll(commands, timeout)
    }

    /// Runs shell text with the context's timeout.
    public func run(_ command: String) throws -> CommandResult {
        try run(command, timeout)
    }

    /// Shell text that runs `command` on `host`: right here when `host` is one of this machine's own
    /// addresses or names, otherwise over `ssh -o BatchMode=yes` (never prompting, host keys checked).
    /// The ssh shares one connection per host (ControlMaster, kept for 120 s in a private folder of the
    /// user, the one the wizard's own ssh uses), so the checks of a session log in to a node once.
    public func onHost(_ host: String, _ command: String) -> String {
        let target = ShellQuote.quote(sshUser.map { "\($0)@\(host)" } ?? host)
        if let here {
            // Decided here, without a shell test: a check on many nodes starts fewer programs.
            if here.contains(host) { return "sh -c \(ShellQuote.quote(command))" }
            return [ssh, ControlFolder.sharingOptions(), target, ShellQuote.quote(command)].compactMap { $0 }.joined(separator: " ")
        }
        let quotedHost = ShellQuote.quote(host)
        return "if [ \(quotedHost) = \"$(hostname)\" ] || ip -o addr show 2>/dev/null | grep -qF \" \"\(quotedHost)\"/\"; "
            + "then sh -c \(ShellQuote.quote(command)); "
            + "else \(Self.sharedConnection) \(ssh) $shared \(target) \(ShellQuote.quote(command)); fi"
    }

    /// Sets `$shared` to ssh's connection-sharing options when the user's control folder
    /// (`/tmp/piwizard-ssh-UID`) exists or can be made, is theirs and is private; else to nothing.
    static let sharedConnection = "folder=/tmp/piwizard-ssh-$(id -u); shared=; "
        + "if mkdir -p -m 700 \"$folder\" 2>/dev/null && [ -O \"$folder\" ] && [ -z \"$(find \"$folder\" -maxdepth 0 -perm /077)\" ]; "
        + "then shared=\"-o ControlMaster=auto -o ControlPath=$folder/%C -o ControlPersist=120\"; fi;"
}
