import Foundation
import Testing
import Wizard
import WizardSystem

/// The ssh validators against a real sshd on 127.0.0.1: key login works, and fails clearly when the
/// host key is not known (host key checking stays on).
@Suite(.serialized, .enabled(if: LocalSSHServer.isAvailable, "needs /usr/sbin/sshd (apt-get install openssh-server) and root"))
final class SSHValidatorTests {
    private let server: LocalSSHServer

    init() throws {
        server = try LocalSSHServer()
    }

    deinit {
        server.stop(controlDirectories: [])
    }

    func context(knownHosts: String? = nil) -> ValidatorContext {
        let runner = PipeCommandRunner()
        return ValidatorContext(run: { text, timeout in try runner.run(CommandRequest(command: text, timeout: timeout)) { _ in } },
                                sshUser: "root", timeout: 30, sshOptions: server.sshOptions(knownHosts: knownHosts))
    }

    @Test func keyLoginWorksWithTheInstalledKey() {
        let outcome = ValidatorRegistry.check("ssh-key-login", ["host": "127.0.0.1", "user": "root"], context: context())
        #expect(outcome.passed, "\(outcome)")
    }

    /// A server on another port than 22 is reached by the validators' `port` argument, not by a port
    /// written into the host (which lint refuses).
    @Test func theValidatorsReachAServerOnAnotherPortByTheirPortArgument() throws {
        var options = server.sshOptions()
        let flag = try #require(options.firstIndex(of: "-p"))
        options.removeSubrange(flag...flag + 1)
        let runner = PipeCommandRunner()
        let context = ValidatorContext(run: { text, timeout in try runner.run(CommandRequest(command: text, timeout: timeout)) { _ in } },
                                       sshUser: "root", timeout: 30, sshOptions: options)
        let port = String(server.port)
        let login = ValidatorRegistry.check("ssh-key-login", ["host": "127.0.0.1", "user": "root", "port": port], context: context)
        #expect(login.passed, "\(login)")
        #expect(login.title == "ssh-key-login root@127.0.0.1 port \(port)")
        let withoutPort = ValidatorRegistry.check("ssh-key-login", ["host": "127.0.0.1", "user": "root"], context: context)
        #expect(!withoutPort.passed, "port 22 has no server here: \(withoutPort)")
        let name = try runner.run(CommandRequest(command: "hostname")) { _ in }.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let hostname = ValidatorRegistry.check("hostname-is", ["host": "127.0.0.1", "expected": name, "user": "root", "port": port], context: context)
        #expect(hostname.passed, "\(hostname)")
        #expect(hostname.title == "hostname-is 127.0.0.1 port \(port)")
        let refused = ValidatorRegistry.check("ssh-key-login", ["host": "[127.0.0.1]:\(port)", "user": "root"], context: context)
        #expect(!refused.passed && refused.found.contains("holds a port"), "\(refused)")
    }

    /// A lesson's own ssh files (a practice server's), named by `ssh-config` and `known-hosts`: the
    /// validators read those and not the user's (the context here gives ssh no options of its own).
    @Test func theValidatorsUseTheLessonsOwnSSHFiles() throws {
        let runner = PipeCommandRunner()
        let plain = ValidatorContext(run: { text, timeout in try runner.run(CommandRequest(command: text, timeout: timeout)) { _ in } },
                                     sshUser: nil, timeout: 30, sshOptions: [])
        let config = server.directory + "/ssh config"   // a space in the path, as in any folder
        try """
        Host practice
          HostName 127.0.0.1
          Port \(server.port)
          User root
          IdentityFile \(server.directory)/client_key
          IdentitiesOnly yes
          UserKnownHostsFile \(server.directory)/known_hosts
          StrictHostKeyChecking yes

        """.write(toFile: config, atomically: true, encoding: .utf8)
        let viaConfig = ValidatorRegistry.check("ssh-key-login", ["host": "practice", "ssh-config": config], context: plain)
        #expect(viaConfig.passed, "\(viaConfig)")
        #expect(viaConfig.title == "ssh-key-login practice")

        let port = String(server.port)
        let known = server.directory + "/known_hosts"
        let arguments = ["host": "127.0.0.1", "user": "root", "port": port, "key": server.directory + "/client_key", "ssh-config": "none"]
        let withFile = ValidatorRegistry.check("ssh-key-login", arguments.merging(["known-hosts": known]) { $1 }, context: plain)
        #expect(withFile.passed, "\(withFile)")
        let empty = server.directory + "/no hosts"
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        let withEmpty = ValidatorRegistry.check("ssh-key-login", arguments.merging(["known-hosts": empty]) { $1 }, context: plain)
        #expect(!withEmpty.passed && withEmpty.found.contains("Host key verification failed"), "\(withEmpty)")

        #expect(ValidatorRegistry.check("known-host", ["host": "127.0.0.1", "port": port, "known-hosts": known], context: plain).passed)
        let missing = ValidatorRegistry.check("known-host", ["host": "127.0.0.1", "port": port, "known-hosts": empty], context: plain)
        #expect(missing.found == "no entry for [127.0.0.1]:\(port): nobody has confirmed its key yet", "\(missing)")
    }

    @Test func anUnknownHostKeyIsRefusedNotAccepted() throws {
        let empty = server.directory + "/empty_known_hosts"
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        let outcome = ValidatorRegistry.check("ssh-key-login", ["host": "127.0.0.1", "user": "root"], context: context(knownHosts: empty))
        #expect(!outcome.passed)
        #expect(outcome.found.contains("Host key verification failed"), "\(outcome.found)")
    }

    @Test func hostKeysAreComparedWithoutLoggingIn() throws {
        // The same server under two names shows one key: what a cloned card looks like.
        let same = ValidatorRegistry.check("unique-host-keys", ["nodes": "127.0.0.1 localhost", "port": String(server.port)], context: context())
        #expect(!same.passed)
        #expect(same.found.hasPrefix("127.0.0.1 and localhost share 'SHA256:"), "\(same.found)")
        // A node whose ssh server does not answer is named, not skipped.
        let gone = ValidatorRegistry.check("unique-host-keys", ["nodes": "127.0.0.1 127.0.0.2", "port": String(server.port)], context: context())
        #expect(gone.found.contains("127.0.0.2: no ed25519 host key"), "\(gone.found)")
    }

    @Test func aKeyTheServerDoesNotKnowIsRefused() throws {
        let stranger = server.directory + "/stranger"
        let made = try PipeCommandRunner().run(CommandRequest(command: "ssh-keygen -q -t ed25519 -N '' -f \(stranger)")) { _ in }
        try #require(made.exitStatus == 0)
        var options = server.sshOptions()
        options[options.firstIndex(of: "-i")! + 1] = stranger
        let runner = PipeCommandRunner()
        let context = ValidatorContext(run: { text, timeout in try runner.run(CommandRequest(command: text, timeout: timeout)) { _ in } },
                                       sshUser: "root", timeout: 30, sshOptions: options)
        let outcome = ValidatorRegistry.check("ssh-key-login", ["host": "127.0.0.1", "user": "root"], context: context)
        #expect(!outcome.passed)
        #expect(outcome.found.contains("Permission denied"), "\(outcome.found)")
    }

    /// A check that proves which machine answers logs in on its own: a shared connection opened before
    /// the host's key changed (a card swapped, a node reinstalled) still answers, but `hostname-is` and
    /// `unique-across-nodes` do not take its word for it and meet the changed key.
    @Test func identityChecksDoNotRideAnOpenConnection() throws {
        let folder = SSHControlFolder.path()
        try #require(SSHControlFolder.problem(preparing: folder) == nil)
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        let runner = PipeCommandRunner(builder: CommandLineBuilder(controlDirectory: folder, sshOptions: server.sshOptions()))
        let host = RemoteHost(address: "127.0.0.1", user: "root")
        #expect(try runner.run(CommandRequest(command: "true", host: host, timeout: 30)) { _ in }.exitStatus == 0)
        let opened = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).subtracting(before)
        defer { for socket in opened { server.closeConnection(socket: folder + "/" + socket) } }
        try #require(opened.count == 1, "the command left one shared connection")

        // The host now shows another key than the one known: write a stranger's key as the known one.
        let stranger = server.directory + "/stranger_host"
        let made = try PipeCommandRunner().run(CommandRequest(command: "ssh-keygen -q -t ed25519 -N '' -f \(stranger) && printf '[127.0.0.1]:\(server.port) ' > \(server.directory)/known_hosts && cat \(stranger).pub >> \(server.directory)/known_hosts")) { _ in }
        try #require(made.exitStatus == 0)
        #expect(try runner.run(CommandRequest(command: "true", host: host, timeout: 30)) { _ in }.exitStatus == 0, "the open connection hides the change")

        var here = context()
        here.here = []
        let own = localHostName()
        let name = ValidatorRegistry.check("hostname-is", ["host": "127.0.0.1", "expected": own], context: here)
        #expect(!name.passed && name.found.contains("Host key verification failed"), "\(name)")
        let ids = ValidatorRegistry.check("unique-across-nodes", ["nodes": "127.0.0.1", "command": "cat /etc/machine-id"], context: here)
        #expect(!ids.passed && ids.found.contains("127.0.0.1: no answer"), "\(ids)")
    }
}
