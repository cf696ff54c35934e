import Foundation
import Lessons
import Testing
import Wizard
@testable import WizardSystem
#if canImport(Glibc)
import Glibc
#endif

/// Each piwizard process's shared ssh connections, through real ssh masters to a throwaway sshd on
/// 127.0.0.1: closed with their folder when piwizard ends (by a signal too, through the built binary),
/// and those of a piwizard that is gone closed at the next start.
@Suite(
    "a session's ssh connections",
    .serialized,
    .enabled(if: LocalSSHServer.isAvailable, "needs /usr/sbin/sshd (apt-get install openssh-server) and root")
)
final class SSHSessionConnectionsTests {
    private let server: LocalSSHServer
    private let host = RemoteHost(address: "127.0.0.1", user: "root")

    init() throws {
        server = try LocalSSHServer()
    }

    deinit {
        server.stop(controlDirectories: [server.controlDirectory("user")])
    }

    /// Opens a shared connection whose socket is in `folder` and returns the folder.
    @discardableResult
    private func connect(in folder: String) throws -> String {
        let builder = CommandLineBuilder(controlDirectory: folder, sshOptions: server.sshOptions())
        let result = try PipeCommandRunner(builder: builder).run(CommandRequest(command: "true", host: host, timeout: 30)) { _ in }
        #expect(result.exitStatus == 0, "\(result.output)")
        return folder
    }

    /// The PIDs of the processes whose command line mentions `folder`: ssh's clients name it in their
    /// `ControlPath` option, a master in the title it gives itself (`ssh: FOLDER/HASH [mux]`). (The
    /// first character in brackets keeps the shell that runs pgrep out.)
    private func processes(mentioning folder: String) throws -> [String] {
        let pattern = "[" + folder.prefix(1) + "]" + folder.dropFirst() + "/"
        let result = try PipeCommandRunner().run(CommandRequest(command: "pgrep -f -- \(ShellQuote.word(pattern))", timeout: 10)) { _ in }
        return result.output.split(separator: "\n").map(String.init)
    }

    @Test func closingAFolderEndsItsMastersAndRemovesIt() throws {
        let folder = try connect(in: server.controlDirectory("one"))
        #expect(try processes(mentioning: folder).count == 1, "the shared connection's master runs in the background")
        SSHSessionConnections.close(folder: folder)
        #expect(try processes(mentioning: folder).isEmpty, "no master outlives the close")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func theFoldersOfPiwizardsThatAreGoneAreClosedAtStart() throws {
        let user = server.controlDirectory("user")
        try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
        let ended = try ChildProcess.spawn(["/bin/true"], newSession: false) { _ in }
        while ended.reap() == nil { usleep(1_000) }
        let gone = try connect(in: user + "/\(ended.pid)")
        let running = try connect(in: user + "/\(getppid())")
        SSHSessionConnections.closeLeftBehind(in: user)
        #expect(try processes(mentioning: gone).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(try processes(mentioning: running).count == 1, "a running piwizard's connection is left alone")
        SSHSessionConnections.close(folder: running)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aKilledCheckLeavesNoSSHBehind(_ signal: Int32) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("piwizard")
        let alternative = Repository.root.appendingPathComponent(".build/debug/piwizard")
        let piwizard = FileManager.default.isExecutableFile(atPath: binary.path) ? binary : alternative
        try #require(FileManager.default.isExecutableFile(atPath: piwizard.path), "build piwizard first (swift build)")
        let alias = "pw-sshd-\(server.port)"
        let config = "/etc/ssh/ssh_config.d/\(alias)-test.conf"
        try """
            Host \(alias)
                HostName 127.0.0.1
                Port \(server.port)
                IdentityFile \(server.directory)/client_key
                IdentitiesOnly yes
                UserKnownHostsFile \(server.directory)/known_hosts

            """.write(toFile: config, atomically: true, encoding: .utf8)
        defer { unlink(config) }
        let marker = "41.\(Int.random(in: 100_000...999_999))"
        let lesson = server.directory + "/slow-remote.md"
        try """
            ---
            id: slow-remote
            title: Slow remote
            summary: A check that takes long on another host.
            hosts: { master: nodes.role == master }
            inputs:
              nodes:
                type: list
                prompt: The nodes
                fields:
                  hostname: { type: hostname }
                  role: { type: choice, choices: [master, worker] }
                default:
                  - { hostname: \(alias), role: master }
            ---
            ## Slow {#slow}

            ```sh {run}
            true
            ```

            ```sh {check on=master}
            sleep \(marker)
            ```
            """.write(toFile: lesson, atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = piwizard
        check.arguments = ["check", lesson, "--state-dir", server.directory + "/state"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        try check.run()
        let folder = SSHControlFolder.userFolder() + "/\(check.processIdentifier)"
        func remoteSleeps() throws -> [String] {
            try PipeCommandRunner().run(CommandRequest(command: "pgrep -x -f 'sleep \(marker)'", timeout: 10)) { _ in }.output
                .split(separator: "\n").map(String.init)
        }
        var sleeping: [String] = []
        for _ in 0..<150 where sleeping.isEmpty {
            sleeping = try remoteSleeps()
            if sleeping.isEmpty { usleep(100_000) }
        }
        defer { for pid in (try? remoteSleeps()) ?? [] { kill(pid_t(pid) ?? 0, SIGTERM) } }
        try #require(!sleeping.isEmpty, "the check runs on the host, over ssh")
        #expect(try processes(mentioning: folder).count == 2, "the check rides a shared connection (its master and itself)")
        kill(check.processIdentifier, signal)
        check.waitUntilExit()
        #expect(check.terminationReason == .uncaughtSignal && check.terminationStatus == signal, "piwizard ends by the signal")
        #expect(try processes(mentioning: folder).isEmpty, "no ssh master outlives piwizard")
        #expect(!FileManager.default.fileExists(atPath: folder), "its control folder is gone")
    }
}
