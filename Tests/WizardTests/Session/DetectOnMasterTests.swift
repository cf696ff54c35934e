import Foundation
import Lessons
import Testing
@testable import Wizard

/// A scalar input detected on the master (`detect-on: master`): the clones are copies of the master's
/// card, so what it runs is asked once, there, when a step first needs it.
@Suite struct DetectOnMasterTests {
    static let lesson = """
    ---
    id: stack
    title: Stack
    summary: A branch on what the master runs.
    hosts: { login: user, master: nodes.role == master }
    inputs:
      nodes:
        type: list
        fields:
          hostname: { type: hostname }
          ip: { type: ipv4 }
          role: { type: choice, choices: [master, worker] }
        default:
          - { hostname: m1, ip: 10.9.0.1, role: master }
          - { hostname: w2, ip: 10.9.0.2, role: worker }
      user: { type: string, default: pi }
      network:
        type: choice
        choices: [dhcpcd, interfaces]
        detect: detect-stack
        detect-on: master
        default: interfaces
    ---
    ## Look {#look}

    ```sh {run readonly}
    echo first
    ```

    ## With dhcpcd {#dhcpcd foreach=nodes as=node when="network == dhcpcd"}

    ```sh {run on=node readonly}
    use-dhcpcd
    ```

    ## With ifupdown {#interfaces foreach=nodes as=node when="network == interfaces"}

    ```sh {run on=node readonly}
    use-interfaces
    ```
    """

    static func withoutNetwork(_ loaded: LoadedLesson) -> SessionState {
        SessionState(inputs: loaded.defaultInputs.filter { $0.key != "network" })
    }

    @Test(arguments: [false, true])
    func theValueComesFromTheMasterWhenAStepFirstNeedsIt(unattended: Bool) throws {
        let runner = FakeRunner()
        runner.on("detect-stack", output: "dhcpcd\n")
        let answers: [ScriptedTerminal.Answer] = unattended ? [] : Array(repeating: .edit({ prefill in prefill ?? "" }), count: 8)
        let (session, terminal) = try WizardSessionTests.make(Self.lesson, id: "stack", answers: answers, runner: runner, unattended: unattended,
                                                               state: Self.withoutNetwork)
        _ = session.run()
        let detections = runner.requests.filter { $0.command == "detect-stack" }
        #expect(detections.map(\.host) == [RemoteHost(address: "10.9.0.1", user: "pi")], "once, on the master")
        #expect(runner.requests.firstIndex { $0.command == "echo first" }! < runner.requests.firstIndex { $0.command == "detect-stack" }!,
                "not before a step needs it")
        #expect(session.state.inputs["network"]?.text == "dhcpcd", "\(terminal.output)")
        #expect(terminal.output.contains("Detected network on the master: dhcpcd"))
        #expect(runner.requests.contains { $0.command == "use-dhcpcd" })
        #expect(!runner.requests.contains { $0.command == "use-interfaces" })
    }

    @Test func unattendedAFailedDetectionTakesTheDefault() throws {
        let runner = FakeRunner()
        runner.on("detect-stack", exits: [1])
        let (session, _) = try WizardSessionTests.make(Self.lesson, id: "stack", answers: [], runner: runner, unattended: true, state: Self.withoutNetwork)
        _ = session.run()
        #expect(session.state.inputs["network"]?.text == "interfaces")
        #expect(runner.requests.contains { $0.command == "use-interfaces" })
    }
}
