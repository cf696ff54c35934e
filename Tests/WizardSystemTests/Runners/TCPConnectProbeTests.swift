import Foundation
import NetworkTestSupport
import Testing
import Wizard
import WizardSystem

/// The live runner answers a probe from this machine by connecting itself, as the shell probe would.
@Suite struct TCPConnectProbeTests {
    /// A request whose shell text would give a different answer, to show that it did not run.
    let unused = CommandRequest(command: "exit 7")

    @Test func aListeningPortIsReachedWithoutStartingAProgram() throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let result = try LiveCommandRunner().probe(unused, connectingTo: "127.0.0.1", port: Int(listener.port))
        #expect(result.exitStatus == 0, "\(result.output)")
    }

    @Test func aClosedPortIsRefusedWithTheReason() throws {
        let listener = try LoopbackListener(listening: false)
        let port = Int(listener.port)
        listener.close()
        let result = try LiveCommandRunner().probe(unused, connectingTo: "127.0.0.1", port: port)
        #expect(result.exitStatus == 1)
        #expect(result.output == "connect to 127.0.0.1 port \(port): Connection refused\n")
    }

    @Test func aProbeThatRunsElsewhereRunsItsShellText() throws {
        // As another user (or on another host) the probe must start where it runs: here, sudo's shell.
        let request = CommandRequest(command: "exit 7", host: RemoteHost(address: "127.0.0.1"), timeout: 5)
        var builder = CommandLineBuilder()
        builder.sshProgram = "/bin/false"
        let result = try LiveCommandRunner(builder: builder).probe(request, connectingTo: "127.0.0.1", port: 22)
        #expect(result.exitStatus == 1, "the ssh program ran (a stand-in that fails), not a connect")
    }
}
