import Lessons
import Foundation
import Testing
import Wizard
import WizardSystem
#if canImport(Glibc)
import Glibc
#endif

/// Argument lists for local, sudo and ssh requests, and quoting that survives a real shell.
@Suite("CommandLineBuilder")
struct CommandLineBuilderTests {
    private let builder = CommandLineBuilder(controlDirectory: "/run/user/1000/piwizard-ssh")
    private let pi = RemoteHost(address: "raspberrypi.local", user: "pi")

    @Test func localCommandRunsInSh() {
        let request = CommandRequest(command: "echo $HOME")
        #expect(builder.arguments(for: request) == ["/bin/sh", "-c", "echo $HOME"])
    }

    @Test func addedVariablesReachALocalCommandButNotThisProcess() throws {
        var builder = self.builder
        builder.localEnvironment = ["PIWIZARD_LAB": "it's a lab", "PATH": "/opt/piwizard/bin:/usr/bin:/bin"]
        let request = CommandRequest(command: "printf '%s|%s' \"$PIWIZARD_LAB\" \"$PATH\"")
        #expect(builder.arguments(for: request) == ["/usr/bin/env", "PATH=/opt/piwizard/bin:/usr/bin:/bin", "PIWIZARD_LAB=it's a lab", "/bin/sh", "-c", request.command])
        let result = try PipeCommandRunner(builder: builder).run(request, output: { _ in })
        #expect(result.output == "it's a lab|/opt/piwizard/bin:/usr/bin:/bin")
        #expect(ProcessInfo.processInfo.environment["PIWIZARD_LAB"] != "it's a lab")
        // Remote commands do not get them (the node has its own PATH).
        #expect(!builder.arguments(for: CommandRequest(command: "true", host: pi)).contains { $0.contains("PIWIZARD_LAB") })
    }

    @Test func aRequestThatStopsAtItsFirstFailureRunsWithSetE() {
        let builder = CommandLineBuilder()
        #expect(builder.arguments(for: CommandRequest(command: "a\nb", stopsAtFirstFailure: true)) == ["/bin/sh", "-c", "set -e; a\nb"])
        #expect(builder.shellText(for: CommandRequest(command: "a", user: "root", stopsAtFirstFailure: true)) == "sudo -n -- sh -c 'set -e; a'")
        let remote = builder.arguments(for: CommandRequest(command: "a", host: RemoteHost(address: "10.0.0.2"), stopsAtFirstFailure: true))
        #expect(remote.last == "set -e; a")
    }

    @Test func rootMeansPlainSudoAndNonInteractiveNeverPrompts() {
        let request = CommandRequest(command: "apt-get update", user: "root")
        #expect(builder.arguments(for: request) == ["/bin/sh", "-c", "sudo -n -- sh -c 'apt-get update'"])
    }

    @Test func aSudoPasswordGoesOnStandardInputAndTheRemoteTextOnlyNamesItsHelper() throws {
        let request = CommandRequest(command: "apt-get update", host: pi, user: "root", sudoPassword: "CANARY")
        let remote = try #require(builder.arguments(for: request).last)
        #expect(remote == SudoPasswordHandover.preamble + "sudo -- sh -c 'apt-get update'", "sudo -A through the helper, without -n")
        #expect(!builder.arguments(for: request).joined().contains("CANARY"))
        #expect(SudoPasswordHandover.standardInput(for: request) == Array("CANARY\n".utf8))
        // On this machine sudo asks at the terminal: nothing is handed over.
        let local = CommandRequest(command: "sudo true", sudoPassword: "CANARY")
        #expect(builder.arguments(for: local) == ["/bin/sh", "-c", "sudo true"])
        #expect(SudoPasswordHandover.standardInput(for: local) == nil)
    }

    @Test func anotherUserIsNamedAndInteractiveSudoMayPrompt() {
        let request = CommandRequest(command: "echo it's me", user: "alice", interactive: true)
        #expect(builder.arguments(for: request) == ["/bin/sh", "-c", "sudo -u alice -- sh -c 'echo it'\\''s me'"])
    }

    @Test func remoteNonInteractiveUsesBatchModeAndSharedConnections() {
        let request = CommandRequest(command: "hostname -I", host: pi)
        #expect(builder.arguments(for: request) == [
            "ssh", "-o", "BatchMode=yes",
            "-o", "ControlMaster=auto", "-o", "ControlPath=/run/user/1000/piwizard-ssh/%C", "-o", "ControlPersist=120",
            "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=3", "-o", "ServerAliveCountMax=2",
            "--", "pi@raspberrypi.local", "hostname -I",
        ])
    }

    @Test func remoteInteractiveGetsATerminalAndTheSudoTextAsOneArgument() {
        let request = CommandRequest(command: "raspi-config", host: RemoteHost(address: "10.0.0.5"), user: "root", interactive: true)
        #expect(builder.arguments(for: request) == [
            "ssh", "-t", "-o", "LogLevel=ERROR",
            "-o", "ControlMaster=auto", "-o", "ControlPath=/run/user/1000/piwizard-ssh/%C", "-o", "ControlPersist=120",
            "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=3", "-o", "ServerAliveCountMax=2",
            "--", "10.0.0.5", "sudo -- sh -c raspi-config",
        ])
    }

    @Test func extraSSHOptionsComeBeforeTheDestination() {
        let custom = CommandLineBuilder(controlDirectory: "/tmp/c", sshOptions: ["-i", "/k/id", "-p", "2222"])
        let arguments = custom.arguments(for: CommandRequest(command: "true", host: pi))
        #expect(Array(arguments.suffix(7)) == ["-i", "/k/id", "-p", "2222", "--", "pi@raspberrypi.local", "true"])
    }

    @Test func hostKeysAreAlwaysChecked() {
        for interactive in [false, true] {
            let arguments = builder.arguments(for: CommandRequest(command: "true", host: pi, interactive: interactive))
            #expect(!arguments.contains { $0.contains("StrictHostKeyChecking") })
        }
    }

    @Test func defaultControlDirectoryPrefersTheRuntimeDirectoryAndIsThisProcesss() {
        #expect(SSHControlFolder.userFolder(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"]) == "/run/user/1000/piwizard-ssh")
        #expect(SSHControlFolder.userFolder(environment: [:], uid: 1000) == "/tmp/piwizard-ssh-1000")
        #expect(SSHControlFolder.userFolder(environment: ["XDG_RUNTIME_DIR": "relative"], uid: 7) == "/tmp/piwizard-ssh-7")
        #expect(SSHControlFolder.path(environment: [:], uid: 1000, pid: 4242) == "/tmp/piwizard-ssh-1000/4242")
        #expect(CommandLineBuilder(environment: [:]).controlDirectory == "/tmp/piwizard-ssh-\(getuid())/\(getpid())")
    }

    @Test func prepareMakesAPrivateControlDirectoryForRemoteRequestsOnly() throws {
        let folder = NSTemporaryDirectory() + "/pw-ctl-\(UUID().uuidString.prefix(8))"
        defer { rmdir(folder) }
        let custom = CommandLineBuilder(controlDirectory: folder)
        try custom.prepare(for: CommandRequest(command: "true"))
        #expect(access(folder, F_OK) != 0)
        try custom.prepare(for: CommandRequest(command: "true", host: pi))
        var info = stat()
        #expect(lstat(folder, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
        try custom.prepare(for: CommandRequest(command: "true", host: pi)) // again: already there
    }

    @Test(.enabled(if: getuid() == 0, "needs root to make a folder owned by another user"))
    func prepareRefusesAControlDirectoryOfAnotherUser() throws {
        let folder = NSTemporaryDirectory() + "/pw-ctl-\(UUID().uuidString.prefix(8))"
        #expect(mkdir(folder, 0o700) == 0)
        defer { rmdir(folder) }
        #expect(chown(folder, 65534, 65534) == 0)
        let custom = CommandLineBuilder(controlDirectory: folder)
        #expect(throws: CommandRunnerError.self) {
            try custom.prepare(for: CommandRequest(command: "true", host: pi))
        }
    }

    @Test func shellQuoteLeavesPlainWordsAlone() {
        #expect(ShellQuote.word("alice") == "alice")
        #expect(ShellQuote.word("/usr/bin/x-1.2") == "/usr/bin/x-1.2")
        #expect(ShellQuote.word("") == "''")
        #expect(ShellQuote.word("it's") == "'it'\\''s'")
        #expect(ShellQuote.word("~/x") == "'~/x'")
    }

    static let hostileTexts = [
        #"echo "$HOME" '$HOME' `echo tick` $(echo dollar)"#,
        #"printf '%s|' "it's" 'a"b' 'c\\d' '\'"#,
        "echo one\necho two; echo three",
        "echo 'Grüße 🍓' * ? [a] ~ ~/x",
        #"x='a  b'; printf '<%s>' $x "$x"; echo"#,
        "echo ';' '&&' '|' '>' '<' '#not a comment' # a comment",
        #"echo \' "'" '"' "\\""#,
    ]

    /// Wrapping a text in `sh -c QUOTED` (what sudo does) must run exactly what the text runs alone.
    @Test(arguments: hostileTexts)
    func quotedTextRunsTheSameInAnInnerShell(text: String) throws {
        let runner = PipeCommandRunner()
        let direct = try runner.run(CommandRequest(command: text, timeout: 20)) { _ in }
        let wrapped = try runner.run(CommandRequest(command: "sh -c " + ShellQuote.word(text), timeout: 20)) { _ in }
        #expect(wrapped.output == direct.output)
        #expect(wrapped.exitStatus == direct.exitStatus)
        let printed = try runner.run(CommandRequest(command: "printf %s " + ShellQuote.word(text), timeout: 20)) { _ in }
        #expect(printed.output == text)
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/sudo"),
                   "needs root and /usr/bin/sudo (sudo runs without a password for root)"),
          arguments: hostileTexts)
    func sudoRunsTheTextAsGiven(text: String) throws {
        let runner = PipeCommandRunner()
        let direct = try runner.run(CommandRequest(command: text, timeout: 20)) { _ in }
        let viaSudo = try runner.run(CommandRequest(command: text, user: "root", timeout: 20)) { _ in }
        #expect(viaSudo.output == direct.output)
        #expect(viaSudo.exitStatus == direct.exitStatus)
    }
}
