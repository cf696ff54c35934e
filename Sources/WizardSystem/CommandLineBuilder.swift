#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Wizard

/// Turns a `CommandRequest` into the argument list a runner starts:
///
/// - on this machine, `["/bin/sh", "-c", text]`;
/// - with `user` set, the text runs as `sudo -u USER -- sh -c 'TEXT'` (`sudo -- sh -c 'TEXT'` for
///   root); a non-interactive request adds `-n`, so sudo fails at once instead of waiting for a
///   password nobody can type;
/// - on a remote host, `ssh` with connection sharing (`ControlMaster=auto`, a `ControlPath` in a
///   private folder, `ControlPersist=120`), `ConnectTimeout=10`, `BatchMode=yes` when not interactive
///   (never prompt) or `-t` when interactive (a remote terminal), the injected extra options, then
///   `--`, the destination and the text (sudo-wrapped when `user` is set) as one argument. The remote
///   side hands that argument to the login shell as it is. Host keys are always checked.
public struct CommandLineBuilder: Sendable, Hashable {
    /// Folder for ssh's shared-connection sockets; must be private to this user.
    public var controlDirectory: String
    /// Extra ssh options placed before the destination (`-i KEY`, `-p PORT`, `-o UserKnownHostsFile=…`).
    public var sshOptions: [String]
    /// The ssh program (looked up in `PATH` when it has no slash).
    public var sshProgram: String
    /// Variables exported for commands on remote hosts (the practice lab's `SSH_ASKPASS` when it runs
    /// unattended); empty for a normal session.
    public var remoteEnvironment: [String: String] = [:]

    /// A builder; `controlDirectory` defaults to `defaultControlDirectory(environment:)`.
    public init(
        controlDirectory: String? = nil,
        sshOptions: [String] = [],
        sshProgram: String = "ssh",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.controlDirectory = controlDirectory ?? Self.defaultControlDirectory(environment: environment)
        self.sshOptions = sshOptions
        self.sshProgram = sshProgram
    }

    /// `$XDG_RUNTIME_DIR/piwizard-ssh` when that variable holds an absolute path, else
    /// `/tmp/piwizard-ssh-UID`.
    public static func defaultControlDirectory(environment: [String: String], uid: uid_t = getuid()) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            return (runtime.hasSuffix("/") ? runtime : runtime + "/") + "piwizard-ssh"
        }
        return "/tmp/piwizard-ssh-\(uid)"
    }

    /// The argument list that runs `request`.
    public func arguments(for request: CommandRequest) -> [String] {
        let text = shellText(for: request)
        guard let host = request.host else { return ["/bin/sh", "-c", text] }
        var arguments = [sshProgram]
        arguments += request.interactive ? ["-t"] : ["-o", "BatchMode=yes"]
        arguments += [
            "-o", "ControlMaster=auto",
            "-o", "ControlPath=\(controlDirectory)/%C",
            "-o", "ControlPersist=120",
            "-o", "ConnectTimeout=10",
        ]
        arguments += sshOptions
        let exports = remoteEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuote($0.value))" }
        arguments += ["--", host.description, exports.isEmpty ? text : "export \(exports.joined(separator: " ")); \(text)"]
        return arguments
    }

    /// The shell text that runs on the target: the command itself, or wrapped in sudo when the
    /// request names a user.
    public func shellText(for request: CommandRequest) -> String {
        guard let user = request.user else { return request.command }
        let nonInteractive = request.interactive ? "" : "-n "
        let target = user == "root" ? "" : "-u \(Self.shellQuote(user)) "
        return "sudo \(nonInteractive)\(target)-- sh -c \(Self.shellQuote(request.command))"
    }

    /// Makes sure the control folder exists, belongs to this user and is private (mode 0700), before
    /// a remote request; does nothing for a local one. Throws `CommandRunnerError.cannotStart` when the
    /// folder cannot be made or belongs to someone else (another user could hijack the sockets).
    public func prepare(for request: CommandRequest) throws {
        guard request.host != nil else { return }
        func refuse(_ reason: String) -> CommandRunnerError {
            .cannotStart(command: request.command, reason: "ssh control folder \(controlDirectory): \(reason)")
        }
        if mkdir(controlDirectory, 0o700) != 0, errno != EEXIST {
            throw refuse(String(cString: strerror(errno)))
        }
        var info = stat()
        guard lstat(controlDirectory, &info) == 0 else { throw refuse(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw refuse("not a folder") }
        guard info.st_uid == getuid() else { throw refuse("belongs to another user") }
        if info.st_mode & 0o077 != 0, chmod(controlDirectory, 0o700) != 0 {
            throw refuse(String(cString: strerror(errno)))
        }
    }

    /// `text` as one POSIX shell word: as it is when made only of characters that need no quoting
    /// (letters, digits and `@%+=:,./_-`), otherwise in single quotes with each `'` written as `'\''`.
    /// Unlike `ShellQuote.quote` in Lessons, a leading `~/` is quoted too: this quotes whole command
    /// texts, which must reach the inner shell unchanged.
    public static func shellQuote(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "@", "%", "+", "=", ":", ",", ".", "/", "_", "-": return true
            default: return false
            }
        }
        if safe { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
