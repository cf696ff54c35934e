import Foundation
import Testing
import Wizard
import WizardSystem
#if canImport(Glibc)
import Glibc
#endif

/// Remote requests through real ssh to a throwaway sshd on 127.0.0.1, through both runners.
@Suite(
    "ssh through the runners",
    .serialized,
    .enabled(if: LocalSSHServer.isAvailable, "needs /usr/sbin/sshd (apt-get install openssh-server) and root")
)
final class SSHRunnerTests {
    private let server: LocalSSHServer
    private var controlDirectories: [String] = []
    private let host = RemoteHost(address: "127.0.0.1", user: "root")

    init() throws {
        server = try LocalSSHServer()
    }

    deinit {
        server.stop(controlDirectories: controlDirectories)
    }

    /// A builder reaching the test server, with its own control folder.
    private func builder(_ name: String = "ctl", knownHosts: String? = nil) -> CommandLineBuilder {
        let folder = server.controlDirectory(name)
        controlDirectories.append(folder)
        return CommandLineBuilder(controlDirectory: folder, sshOptions: server.sshOptions(knownHosts: knownHosts))
    }

    @Test(arguments: RunnerKind.allCases)
    func theHostnameComesBack(runner: RunnerKind) throws {
        let result = try runner.run(CommandRequest(command: "hostname", host: host, timeout: 30), builder: builder())
        #expect(result.exitStatus == 0, "\(result.output)")
        #expect(result.output == localHostName() + "\n")
    }

    @Test func theSharedConnectionIsReused() throws {
        let shared = builder()
        let runner = PipeCommandRunner(builder: shared)
        for _ in 0..<2 {
            let result = try runner.run(CommandRequest(command: "true", host: host, timeout: 30)) { _ in }
            #expect(result.exitStatus == 0, "\(result.output)")
        }
        let sockets = try FileManager.default.contentsOfDirectory(atPath: shared.controlDirectory)
        #expect(sockets.count == 1)
    }

    /// A shared connection whose other end stops answering (here: the sshd processes serving it are
    /// stopped, as a pulled cable would leave it) is given up by ssh's keepalive within seconds, and the
    /// command logs in anew, instead of hanging on it until its own timeout.
    @Test func aDeadSharedConnectionIsGivenUpAndTheCommandLogsInAnew() throws {
        let runner = PipeCommandRunner(builder: builder("dead"))
        #expect(try runner.run(CommandRequest(command: "true", host: host, timeout: 30)) { _ in }.exitStatus == 0)
        let serving = try descendants(of: server.pid)
        #expect(!serving.isEmpty, "the shared connection is served by sshd's children")
        for pid in serving { kill(pid, SIGSTOP) }
        defer { for pid in serving { kill(pid, SIGCONT) } }
        let result = try runner.run(CommandRequest(command: "true", host: host, timeout: 60)) { _ in }
        #expect(!result.timedOut && result.exitStatus == 0, "ssh gave up on the silent connection: \(result)")
    }

    /// Every process under `pid` (all started by the test's own sshd).
    private func descendants(of pid: pid_t) throws -> [pid_t] {
        let listing = try PipeCommandRunner().run(CommandRequest(command: "ps -e -o pid=,ppid=", timeout: 10)) { _ in }.output
        let pairs = listing.split(separator: "\n").compactMap { line -> (pid_t, pid_t)? in
            let fields = line.split(separator: " ").compactMap { pid_t($0) }
            return fields.count == 2 ? (fields[0], fields[1]) : nil
        }
        var found: [pid_t] = []
        var parents: Set<pid_t> = [pid]
        while true {
            let next = pairs.filter { parents.contains($0.1) && !found.contains($0.0) }.map(\.0)
            if next.isEmpty { return found }
            found += next
            parents = Set(next)
        }
    }

    @Test func interactiveRequestsGetARemoteTerminal() throws {
        try withConsole { keyboard, screen in
            keyboard.hangUp()
            let runner = PTYCommandRunner(builder: builder(), input: keyboard.readEnd, output: screen.fd)
            // Twice: the second rides on the first's shared connection. ssh's own chatter at the end of
            // a session ("Shared connection to … closed.") stays off the learner's screen.
            for _ in 0..<2 {
                let result = try runner.run(CommandRequest(command: "tty", host: host, timeout: 30, interactive: true)) { _ in }
                #expect(result.exitStatus == 0, "\(result.output)")
                #expect(result.output.hasPrefix("/dev/pts/"))
                #expect(!result.output.contains("onnection to"), "\(result.output)")
            }
        }
    }

    @Test func exitStatusAndQuotingSurviveTheTrip() throws {
        let runner = PipeCommandRunner(builder: builder())
        let text = #"printf '%s|' "it's" '$HOME' "a  b" '-n'; exit 5"#
        let result = try runner.run(CommandRequest(command: text, host: host, timeout: 30)) { _ in }
        #expect(result.exitStatus == 5)
        #expect(result.output == #"it's|$HOME|a  b|-n|"#)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sudo"), "needs sudo on the target"))
    func sudoRunsOnTheRemoteSide() throws {
        let runner = PipeCommandRunner(builder: builder())
        let result = try runner.run(CommandRequest(command: "id -u; echo \"it's $0\"", host: host, user: "root", timeout: 30)) { _ in }
        #expect(result.exitStatus == 0, "\(result.output)")
        #expect(result.output == "0\nit's sh\n")
    }

    /// The password travels on ssh's standard input to the real remote shell and its `sudo -A` helper:
    /// the `sudo` on the remote `PATH` here only reports what the helper gave it and which command
    /// lines were running (root's sudo would never ask).
    @Test func aSudoPasswordReachesTheHelperAndNoCommandLine() throws {
        let stubs = server.directory + "/stub-bin"
        try FileManager.default.createDirectory(atPath: stubs, withIntermediateDirectories: true)
        try """
        #!/bin/sh
        [ "$1" = -A ] || { echo "not asked with -A: $*"; exit 9; }
        shift
        printf 'helper:%s\n' "$("$SUDO_ASKPASS" '[sudo] password: ')"
        ps -eo args > \(stubs)/command-lines
        exec "$@"
        """.write(toFile: stubs + "/sudo", atomically: true, encoding: .utf8)
        chmod(stubs + "/sudo", 0o755)
        let password = "CANARY 'pa$$ word'"
        let runner = PipeCommandRunner(builder: builder())
        let request = CommandRequest(command: "PATH=\(stubs):$PATH; sudo echo ran; echo \"after:$(cat)\"", host: host, timeout: 30, sudoPassword: password)
        let result = try runner.run(request) { _ in }
        #expect(result.exitStatus == 0, "\(result.output)")
        #expect(result.output == "helper:\(password)\nran\nafter:\n", "the command itself reads nothing more")
        let lines = try String(contentsOfFile: stubs + "/command-lines", encoding: .utf8)
        #expect(lines.contains("ssh"), "the listing holds the command lines")
        #expect(!lines.contains("CANARY"))
        #expect(!CommandLineBuilder().arguments(for: request).joined(separator: " ").contains("CANARY"))
    }

    @Test func anUnknownHostKeyIsRefusedWithoutPrompting() throws {
        let empty = server.directory + "/empty_known_hosts"
        #expect(FileManager.default.createFile(atPath: empty, contents: nil))
        let runner = PipeCommandRunner(builder: builder("ctl-unknown", knownHosts: empty))
        let result = try runner.run(CommandRequest(command: "hostname", host: host, timeout: 30)) { _ in }
        #expect(result.exitStatus == 255)
        #expect(result.output.contains("Host key verification failed"))
    }

    /// A host whose key is not the one this computer knows (a new card at a known address): refused,
    /// with both fingerprints, the known one (from `ssh-keygen -F`) and the offered one, and what to do.
    @Test func aChangedHostKeyIsExplainedWithBothFingerprints() throws {
        let tools = PipeCommandRunner()
        let folder = server.directory
        let setup = try tools.run(CommandRequest(command: """
            ssh-keygen -q -t ed25519 -N '' -f \(folder)/other_key && \
            printf '[127.0.0.1]:\(server.port) %s\n' "$(cut -d' ' -f1,2 \(folder)/other_key.pub)" > \(folder)/changed_known_hosts && \
            ssh-keygen -l -f \(folder)/other_key.pub | cut -d' ' -f2 && ssh-keygen -l -f \(folder)/host_key.pub | cut -d' ' -f2
            """, timeout: 30)) { _ in }
        let fingerprints = setup.output.split(separator: "\n").map(String.init)
        #expect(setup.exitStatus == 0 && fingerprints.count == 2, "\(setup.output)")
        let runner = LiveCommandRunner(builder: builder("ctl-changed", knownHosts: folder + "/changed_known_hosts"))
        let result = try runner.run(CommandRequest(command: "hostname", host: host, timeout: 30)) { _ in }
        #expect(result.exitStatus == 255)
        #expect(result.output.contains("The host key of [127.0.0.1]:\(server.port) has changed: this computer knows \(fingerprints[0]) (\(folder)/changed_known_hosts, line 1), and [127.0.0.1]:\(server.port) now offers \(fingerprints[1])."), "\(result.output)")
        #expect(result.output.contains("forget the old key with ssh-keygen -R"))
    }

    @Test func aHostThatLooksLikeAnOptionIsNotTakenAsOne() throws {
        let marker = server.directory + "/injected"
        let runner = PipeCommandRunner(builder: builder())
        let hostile = RemoteHost(address: "-oProxyCommand=touch \(marker)")
        let result = try runner.run(CommandRequest(command: "true", host: hostile, timeout: 30)) { _ in }
        #expect(result.exitStatus == 255)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}
