import Foundation
import Lessons
import Wizard

/// Turns a `CommandRequest` into the argument list a runner starts:
///
/// - on this machine, `["/bin/sh", "-c", text]` (through `env NAME=VALUE …` when `localEnvironment`
///   adds variables);
/// - with `user` set, the text runs as `sudo -u USER -- sh -c 'TEXT'` (`sudo -- sh -c 'TEXT'` for
///   root); a non-interactive request adds `-n`, so sudo fails at once instead of waiting for a
///   password nobody can type;
/// - on a remote host, `ssh` with connection sharing (`ControlMaster=auto`, a `ControlPath` in a
///   private folder, `ControlPersist=120`), `ConnectTimeout=10`, `BatchMode=yes` when not interactive
///   (never prompt) or `-t` when interactive (a remote terminal), the injected extra options, then
///   `--`, the destination and the text (sudo-wrapped when `user` is set) as one argument. The remote
///   side hands that argument to the login shell as it is. Host keys are always checked. A request
///   with a sudo password gets `SudoPasswordHandover`'s preamble (and the runner its standard input).
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
    /// Variables added for commands on this machine (the practice lab's name and this piwizard on
    /// `PATH`, for a lesson's `piwizard lab …` commands); this process's own environment is left alone.
    public var localEnvironment: [String: String] = [:]

    /// A builder; `controlDirectory` defaults to the user's (`SSHControlFolder`).
    public init(
        controlDirectory: String? = nil,
        sshOptions: [String] = [],
        sshProgram: String = "ssh",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.controlDirectory = controlDirectory ?? SSHControlFolder.path(environment: environment)
        self.sshOptions = sshOptions
        self.sshProgram = sshProgram
    }

    /// The argument list that runs `request`.
    public func arguments(for request: CommandRequest) -> [String] {
        let text = shellText(for: request)
        guard let host = request.host else {
            guard !localEnvironment.isEmpty else { return ["/bin/sh", "-c", text] }
            return ["/usr/bin/env"] + localEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + ["/bin/sh", "-c", text]
        }
        let ssh = SSHInvocation(destination: host.description, interactive: request.interactive, connectTimeout: 10,
                                sharing: .folder(controlDirectory), extraOptions: sshOptions)
        let exports = remoteEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\(ShellQuote.word($0.value))" }
        let handover = SudoPasswordHandover.applies(to: request) ? SudoPasswordHandover.preamble : ""
        return ssh.arguments(program: sshProgram, remoteCommand: (exports.isEmpty ? "" : "export \(exports.joined(separator: " ")); ") + handover + text)
    }

    /// The shell text that runs on the target: the command itself, or wrapped in sudo when the
    /// request names a user.
    public func shellText(for request: CommandRequest) -> String {
        // `set -e` on the command's first line, so the shell's line numbers stay the lesson's.
        let script = request.stopsAtFirstFailure ? "set -e; " + request.command : request.command
        guard let user = request.user else { return script }
        let nonInteractive = request.interactive || SudoPasswordHandover.applies(to: request) ? "" : "-n "
        let target = user == "root" ? "" : "-u \(ShellQuote.word(user)) "
        return "sudo \(nonInteractive)\(target)-- sh -c \(ShellQuote.word(script))"
    }

    /// Makes sure the control folder exists, belongs to this user and is private (mode 0700), before
    /// a remote request; does nothing for a local one. Throws `CommandRunnerError.cannotStart` when the
    /// folder cannot be made or belongs to someone else (another user could hijack the sockets).
    public func prepare(for request: CommandRequest) throws {
        guard request.host != nil else { return }
        if let problem = SSHControlFolder.problem(preparing: controlDirectory) {
            throw CommandRunnerError.cannotStart(command: request.command, reason: "ssh control folder \(controlDirectory): \(problem)")
        }
    }
}
