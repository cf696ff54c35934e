import Foundation
import Lessons
import Testing
@testable import Wizard

/// One ssh builder and one control-folder rule for the wizard's commands and the checks' hops.
@Suite struct SSHInvocationTests {
    func runShell(_ text: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", text]
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// The rule in Swift and the rule as shell text give the same user's folder, with and without a
    /// runtime folder (a hop's ssh runs from a shell on another host, not from a piwizard process).
    @Test(arguments: [["XDG_RUNTIME_DIR": "/run/user/1000"], ["XDG_RUNTIME_DIR": "/run/user/1000/"], ["XDG_RUNTIME_DIR": "relative"], [:]])
    func theShellDecidesTheSameFolderAsSwift(_ environment: [String: String]) throws {
        let decided = try runShell("\(SSHControlFolder.shellDecision) printf %s \"$folder\"", environment: environment.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a })
        #expect(decided == SSHControlFolder.userFolder(environment: environment))
    }

    @Test func aCommandsArgumentListSharesTheConnectionAndNeverPrompts() {
        let ssh = SSHInvocation(destination: "pi@10.0.0.2", sharing: .folder("/run/user/1000/piwizard-ssh"), extraOptions: ["-p", "2222"])
        #expect(ssh.arguments(remoteCommand: "hostname") == [
            "ssh", "-o", "BatchMode=yes", "-o", "ControlMaster=auto", "-o", "ControlPath=/run/user/1000/piwizard-ssh/%C",
            "-o", "ControlPersist=120", "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=3", "-o", "ServerAliveCountMax=2", "-p", "2222", "--", "pi@10.0.0.2", "hostname",
        ])
        let interactive = SSHInvocation(destination: "pi@10.0.0.2", interactive: true, sharing: .none)
        #expect(interactive.options == ["-t", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=3", "-o", "ServerAliveCountMax=2"])
    }

    @Test func aFreshLoginNeverRidesOnAnOpenConnectionButBecomesOne() {
        let ssh = SSHInvocation(destination: "pi@n1", connectTimeout: 5, sharing: .freshLogin(.folder("/tmp/f")))
        #expect(ssh.options.contains("ControlMaster=yes") && !ssh.options.contains("ControlMaster=auto"))
        let hop = SSHInvocation(destination: "pi@n1", connectTimeout: 5, sharing: .freshLogin(.decidedByShell))
        #expect(hop.shellText(remoteCommand: "true").description == "ssh -o BatchMode=yes -o ConnectTimeout=5 -o ServerAliveInterval=3 -o ServerAliveCountMax=2 $fresh -- pi@n1 true")
    }

    /// A check that runs here shares the wizard's own connections: the same folder as the commands'.
    @Test func checksHereUseTheCommandsFolder() {
        var context = ValidatorContext(run: { _, _ in CommandResult(exitStatus: 0, output: "", duration: 0) }, sshUser: "pi")
        context.here = ["127.0.0.1"]
        let folder = SSHControlFolder.path()
        if SSHControlFolder.problem(preparing: folder) == nil {
            #expect(context.ssh("pi@n1").sharing == .folder(folder))
            #expect(context.ssh("pi@n1", login: .fresh).sharing == .freshLogin(.folder(folder)))
        }
        context.here = nil
        let hop = context.onHost("10.0.0.3", "hostname").description
        #expect(hop.contains(SSHControlFolder.shellDecision.description), "a hop decides the folder where it runs")
        #expect(hop.contains("$shared -- pi@10.0.0.3 hostname"))
    }

    @Test func valuesInAHopAreQuotedAndATildeStillExpands() {
        let ssh = SSHInvocation(destination: "pi@n1", sharing: .none, extraOptions: ["-i", "~/.ssh/my key"])
        let text = ssh.shellText(remoteCommand: "cat \("a b")", arguments: "\"$blob\"").description
        #expect(text == "ssh -o BatchMode=yes -o ConnectTimeout=10 -o ServerAliveInterval=3 -o ServerAliveCountMax=2 -i ~/'.ssh/my key' -- pi@n1 'cat '\\''a b'\\''' \"$blob\"")
    }
}

/// ssh's report of a changed host key, read from its real wording.
@Suite struct HostKeyChangeTests {
    static let output = """
    @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
    @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
    @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
    IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
    Someone could be eavesdropping on you right now (man-in-the-middle attack)!
    It is also possible that a host key has just been changed.
    The fingerprint for the ED25519 key sent by the remote host is
    SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU.
    Please contact your system administrator.
    Add correct host key in /root/.ssh/known_hosts to get rid of this message.
    Offending ED25519 key in /root/.ssh/known_hosts:3
      remove with:
      ssh-keygen -f '/root/.ssh/known_hosts' -R '10.77.0.12'
    Host key for 10.77.0.12 has changed and you have requested strict checking.
    Host key verification failed.
    """

    @Test func itIsReadFromSSHsWords() throws {
        let change = try #require(HostKeyChange(output: Self.output))
        #expect(change == HostKeyChange(output: Self.output))
        #expect(change.host == "10.77.0.12" && change.offered == "SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU")
        #expect(change.knownHostsFile == "/root/.ssh/known_hosts" && change.line == 3)
        #expect(change.knownFingerprintCommand == "ssh-keygen -l -F 10.77.0.12 -f /root/.ssh/known_hosts")
        #expect(HostKeyChange.fingerprints(in: "10.77.0.12 ED25519 SHA256:abc (no comment)\n") == ["SHA256:abc"])
        #expect(HostKeyChange(output: "Host key verification failed.\n") == nil, "an unknown key is not a changed one")
    }
}
