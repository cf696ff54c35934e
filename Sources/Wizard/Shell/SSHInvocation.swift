import Lessons

/// One ssh command line: the one place piwizard chooses ssh's options, for the wizard's own commands
/// (an argument list) and for the checks that reach a host from where they run (shell words).
///
/// Host keys are always checked. Non-interactive ssh never prompts (`BatchMode=yes`); interactive ssh
/// gets a remote terminal (`-t`) and keeps its informational chatter to itself (`LogLevel=ERROR`). Connections are shared through the user's control folder
/// (`SSHControlFolder`), so a session logs in to a host once.
public struct SSHInvocation: Sendable, Hashable {
    /// How this ssh shares connections.
    public enum Sharing: Sendable, Hashable {
        /// Through the sockets in this folder (made and checked beforehand).
        case folder(String)
        /// Through the folder the shell text itself decides on the host it runs on (`$shared`, set by
        /// `sharingDecision`); empty when that folder is not private.
        case decidedByShell
        /// A login of its own that becomes the shared connection when there is none yet
        /// (`ControlMaster=yes`: it never rides on an open connection, so it proves that logging in works).
        case freshLogin(SharingPlace)
        /// A login of its own that neither rides on a shared connection nor leaves one behind
        /// (`ControlPath=none`): a check that proves which machine answers (its name, its machine id)
        /// never takes an old connection's word for it.
        case ownLogin
        case none
    }

    /// Where a fresh login's socket goes.
    public enum SharingPlace: Sendable, Hashable {
        case folder(String)
        case decidedByShell
    }

    public var destination: String
    public var interactive = false
    public var connectTimeout = 10
    public var sharing: Sharing
    /// Options of the lesson or the lab (`-i KEY`, `-p PORT`, `-o UserKnownHostsFile=…`); never one that
    /// turns host key checking off.
    public var extraOptions: [String] = []

    public init(destination: String, interactive: Bool = false, connectTimeout: Int = 10, sharing: Sharing, extraOptions: [String] = []) {
        self.destination = destination
        self.interactive = interactive
        self.connectTimeout = connectTimeout
        self.sharing = sharing
        self.extraOptions = extraOptions
    }

    /// The options, in order, up to the destination (without the program and without `$shared`).
    public var options: [String] {
        // At a remote terminal, ssh says "Shared connection to … closed." (information) after every
        // command: only its errors reach the learner.
        var options = interactive ? ["-t", "-o", "LogLevel=ERROR"] : ["-o", "BatchMode=yes"]
        switch sharing {
        case .folder(let folder): options += SSHControlFolder.sharingOptions(folder)
        case .freshLogin(.folder(let folder)): options += SSHControlFolder.sharingOptions(folder, master: "yes")
        case .ownLogin: options += ["-o", "ControlMaster=no", "-o", "ControlPath=none"]
        case .decidedByShell, .freshLogin(.decidedByShell), .none: break
        }
        return options + ["-o", "ConnectTimeout=\(connectTimeout)"] + Self.deadConnection + extraOptions
    }

    /// A connection that stops answering (a pulled cable, a node switched off) is given up after about
    /// 6 s, a shared one included, instead of hanging every command that rides on it.
    static let deadConnection = ["-o", "ServerAliveInterval=3", "-o", "ServerAliveCountMax=2"]

    /// The argument list that runs `remoteCommand` on the destination (`program` looked up in `PATH`).
    public func arguments(program: String = "ssh", remoteCommand: String) -> [String] {
        [program] + options + ["--", destination, remoteCommand]
    }

    /// Shell text that runs `remoteCommand` on the destination from where the text runs; `arguments`
    /// (shell text of piwizard's, expanded here) follow it as words of the remote command. With
    /// `.decidedByShell` sharing, the text must follow `SSHInvocation.sharingDecision`. Option values are
    /// quoted as values (a leading `~/` is expanded where the text runs).
    public func shellText(remoteCommand: ShellText, arguments: ShellText? = nil) -> ShellText {
        let words = ShellText(authored: (["ssh"] + options).map(ShellQuote.quote).joined(separator: " "))
        let tail: ShellText = arguments.map { " \($0)" } ?? ""
        switch sharing {
        case .decidedByShell: return "\(words) $shared -- \(destination) \(word: remoteCommand)\(tail)"
        case .freshLogin(.decidedByShell): return "\(words) $fresh -- \(destination) \(word: remoteCommand)\(tail)"
        default: return "\(words) -- \(destination) \(word: remoteCommand)\(tail)"
        }
    }

    /// Sets `$shared` (and `$fresh`, for a fresh login) to ssh's sharing options for the control folder
    /// decided where the text runs (the rule of `SSHControlFolder`), or to nothing when that folder
    /// cannot be made private to this user.
    public static let sharingDecision: ShellText = SSHControlFolder.shellDecision
        + " shared=; fresh=; if mkdir -p -m 700 \"$folder\" 2>/dev/null && [ -O \"$folder\" ] && [ -z \"$(find \"$folder\" -maxdepth 0 -perm /077)\" ]; "
        + "then shared=\"\(optionsIn("$folder", master: "auto"))\"; fresh=\"\(optionsIn("$folder", master: "yes"))\"; fi;"

    /// `SSHControlFolder.sharingOptions` for a folder the shell names (`$folder`), as words inside
    /// double quotes.
    static func optionsIn(_ folder: String, master: String) -> ShellText {
        ShellText(authored: SSHControlFolder.sharingOptions(folder, master: master).joined(separator: " "))
    }
}
