import Foundation
import Lessons
import Testing
@testable import Wizard

/// A lesson's sudo password (`type: secret`, `sudo: true`): asked once at the first step that runs
/// sudo on another host, handed to those commands beside their text (never in it), and never recorded.
@Suite struct SudoPasswordSessionTests {
    typealias Drive = SessionMachineTests.Drive

    static let lesson = """
    ---
    id: sudo
    title: Sudo on the nodes
    summary: Runs sudo over ssh.
    hosts: { login: user, master: nodes.role == master }
    inputs:
      nodes:
        type: list
        fields:
          ip: { type: ipv4 }
          role: { type: choice, choices: [master, worker] }
        default:
          - { ip: 10.9.0.11, role: master }
      user: { type: string, default: pi }
      password: { type: secret, sudo: true }
    ---
    ## Look {#look foreach=nodes as=node}

    ```sh {run on=node readonly}
    hostname
    ```

    ## Change {#change foreach=nodes as=node}

    ```sh {run on=node}
    sudo touch /etc/piwizard-test
    ```

    ```sh {check on=node}
    test -e /etc/piwizard-test
    ```
    """

    @Test func theFirstStepThatRunsSudoElsewhereAsksForItAndItsCommandCarriesItBesideItsText() throws {
        var drive = try Drive(Self.lesson, id: "sudo", inputs: { $0.defaultInputs })
        drive.send(.begin)
        guard case .readLine? = drive.last else { Issue.record("a step without sudo does not ask: \(drive.effects)"); return }
        drive.send(.line("run"))
        #expect(drive.request?.sudoPassword == nil)
        drive.send(SessionMachineTests.ok("n1\n"))
        drive.send(.checked([]))
        guard case .ask(let input)? = drive.last else { Issue.record("\(drive.effects)"); return }
        #expect(input.name == "password" && input.isSudoPassword)
        drive.send(.answered(.secret(SecretValue("rasp berry'"))))
        #expect(!drive.effects.contains { if case .record(.inputValue(name: "password", _)) = $0 { return true } else { return false } })
        guard case .check? = drive.last else { Issue.record("\(drive.effects)"); return }
        drive.send(.checked([SessionMachineTests.failed]))
        drive.send(.line("run"))
        let request = try #require(drive.request)
        #expect(request.command == "sudo touch /etc/piwizard-test", "the password is not in the text")
        #expect(request.sudoPassword == "rasp berry'")
        #expect(!request.interactive, "its standard input carries the password, so it cannot have the terminal")
        #expect(!drive.shown.contains("rasp berry"))
    }

    @Test func aRecordedRequestHoldsNoPasswordAndEqualsTheOneWithout() throws {
        let request = CommandRequest(command: "sudo true", host: RemoteHost(address: "10.9.0.11", user: "pi"), sudoPassword: "CANARY-sudo")
        let encoded = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        #expect(!encoded.contains("CANARY"))
        let decoded = try JSONDecoder().decode(CommandRequest.self, from: Data(encoded.utf8))
        #expect(decoded.sudoPassword == nil)
        #expect(decoded == request, "a replayed request matches the recorded one")
    }

    @Test func unattendedTheLessonsValueIsUsedAndAnEmptyOneMeansSudoAsksNone() throws {
        var drive = try Drive(Self.lesson, id: "sudo", unattended: true, interactive: false, inputs: { loaded in
            loaded.defaultInputs.merging(["password": .secret(SecretValue(""))]) { $1 }
        })
        drive.send(.begin)
        #expect(drive.request?.command == "hostname")
        #expect(drive.request?.sudoPassword == nil, "the first step runs no sudo")
        drive.send(SessionMachineTests.ok())
        drive.send(.checked([]))
        drive.send(.checked([SessionMachineTests.failed]))
        #expect(drive.request?.command == "sudo touch /etc/piwizard-test", "\(drive.effects)")
        #expect(drive.request?.sudoPassword == "")
    }

    @Test func whichBlocksRunSudoElsewhere() throws {
        let loaded = try TestLessons.load(Self.lesson, id: "sudo")
        let blocks = loaded.lesson.steps.flatMap(\.blocks)
        #expect(blocks.map(\.runsSudoElsewhere) == [false, true, false])
        var local = blocks[1]
        local.target = .local
        #expect(!local.runsSudoElsewhere, "sudo on this machine asks at the terminal")
        var root = blocks[0]
        root.user = "root"
        #expect(root.runsSudoElsewhere)
        var word = blocks[1]
        word.body = "pseudo-command --sudoers"
        #expect(!word.runsSudoElsewhere, "only the word sudo")
    }
}
