import Foundation
import Lessons
import Testing
@testable import Wizard

/// The session's transition function, driven by events alone: no terminal, no runner.
@Suite struct SessionMachineTests {
    /// A machine and its state, fed one event at a time.
    struct Drive {
        let machine: SessionMachine
        var state: MachineState
        var effects: [SessionEffect] = []

        init(_ text: String = TestLessons.cluster, id: String = "mini-cluster", unattended: Bool = false, interactive: Bool = true,
             confirmed: Set<String> = [], inputs: (LoadedLesson) -> [String: InputValue] = { $0.defaultInputs }) throws {
            let loaded = try TestLessons.load(text, id: id)
            machine = SessionMachine(loaded: loaded, options: SessionOptions(unattended: unattended, confirmedDevices: confirmed), interactiveTerminal: interactive)
            state = MachineState(session: SessionState(inputs: inputs(loaded)))
        }

        @discardableResult mutating func send(_ event: SessionEvent) -> [SessionEffect] {
            effects = machine.transition(&state, event)
            return effects
        }

        /// What the last transition showed.
        var shown: String {
            effects.compactMap { if case .write(let text) = $0 { return text } else { return nil } }.joined()
        }

        var last: SessionEffect? { effects.last }

        /// The command the last transition asks to run.
        var request: CommandRequest? {
            if case .run(let request, _)? = last { return request }
            return nil
        }
    }

    static let passed = CheckOutcome(passed: true, title: "check", expected: "x", found: "x")
    static let failed = CheckOutcome(passed: false, title: "check", expected: "x", found: "y")
    static func ok(_ output: String = "") -> SessionEvent { .commandFinished(CommandResult(exitStatus: 0, output: output, duration: 0.1)) }

    @Test func aStepGoesFromItsChecksToThePromptToItsCommandToItsChecksToTheNextStep() throws {
        var drive = try Drive()
        drive.send(.begin)
        #expect(drive.effects.first == .setCompletions(SessionCommand.words + ["prepare", "name", "dhcpcd", "interfaces"] + ["subnet", "gateway", "nodes", "user", "image"]))
        #expect(drive.effects.contains(.record(.marker("prepare"))))
        #expect(drive.shown.contains("Step 1 of 4 · Prepare"))
        guard case .check(let blocks, nil, _)? = drive.last else { Issue.record("\(drive.effects)"); return }
        #expect(blocks.map(\.body) == ["test -f {{image}}"])

        drive.send(.checked([Self.failed]))
        #expect(drive.last == .readLine(prompt: "prepare> ", prefill: nil))

        drive.send(.line("run"))
        #expect(drive.request?.command == "mkdir -p /tmp/mini && touch /tmp/x.img")
        // The step is saved as running before its command runs (a crash then never runs it twice).
        let running = try #require(drive.effects.firstIndex(of: .record(.status(step: "prepare", item: "", status: .running))))
        let save = try #require(drive.effects.firstIndex { if case .save = $0 { return true } else { return false } })
        #expect(running < save && save < drive.effects.count - 1)

        drive.send(Self.ok())
        #expect(drive.shown.contains("finished in 0.1 s"))
        guard case .check? = drive.last else { Issue.record("\(drive.effects)"); return }

        drive.send(.checked([Self.passed]))
        #expect(drive.effects.contains(.record(.status(step: "prepare", item: "", status: .done))))
        #expect(drive.shown.contains("✓ Done."))
        #expect(drive.state.session.stepIndex == 1)
        #expect(drive.effects.contains(.record(.marker("name/n1"))), "the loop's first node")
    }

    @Test func ctrlCAtThePromptRunsNothingAndEndOfInputQuits() throws {
        var drive = try Drive()
        drive.send(.begin)
        drive.send(.checked([Self.failed]))
        drive.send(.interrupted)
        #expect(drive.shown.contains("Nothing was run."))
        #expect(drive.last == .readLine(prompt: "prepare> ", prefill: nil))
        drive.send(.endOfInput)
        #expect(drive.last == .end(.quit(step: "prepare")))
        #expect(drive.state.hasEnded)
    }

    @Test func checksThatPassAlreadyAskAndYesMarksTheStepDone() throws {
        var drive = try Drive()
        drive.send(.begin)
        drive.send(.checked([Self.passed]))
        #expect(drive.shown.contains("Its checks pass already"))
        #expect(drive.last == .readLine(prompt: "Mark it done and go on? [Y/n] ", prefill: nil))
        drive.send(.line("maybe"))
        #expect(drive.shown == "Please answer y or n.\n")
        drive.send(.line("y"))
        #expect(drive.state.session.status("prepare") == .done)
        #expect(drive.effects.contains(.record(.marker("name/n1"))))
    }

    @Test func unattendedAFailedNodeDoesNotStopTheOthersAndTheStepEndsFailedAfterAll() throws {
        var drive = try Drive(unattended: true, interactive: false)
        drive.send(.begin)
        drive.send(.checked([Self.passed]))          // prepare is done already
        drive.send(.checked([Self.failed]))          // n1 is not named yet
        #expect(drive.request?.command == "set-name n1")
        #expect(drive.request?.host == RemoteHost(address: "10.9.0.1", user: "pi"))
        drive.send(.commandFinished(CommandResult(exitStatus: 3, output: "no such host\n", duration: 0)))
        #expect(drive.state.session.status("name", item: "n1") == .failed)
        guard case .check(_, let item, _)? = drive.last else { Issue.record("\(drive.effects)"); return }
        #expect(item?.key == "n2", "the next node goes on")
        drive.send(.checked([Self.failed]))
        drive.send(Self.ok())
        drive.send(.checked([Self.passed]))
        guard case .end(.failed(let step, let reason))? = drive.last else { Issue.record("\(drive.effects)"); return }
        #expect(step == "name")
        #expect(reason.hasPrefix("n1: exit status 3"))
        #expect(drive.state.session.status("name", item: "n2") == .done)
    }

    @Test func aChangedAddressAppliesToTheNodeAtThePrompt() throws {
        var drive = try Drive()
        drive.state.session.setStatus(.done, step: "prepare")
        drive.send(.begin)
        drive.send(.checked([Self.failed]))
        #expect(drive.last == .readLine(prompt: "name[n1]> ", prefill: nil))
        drive.send(.line("set nodes.1.ip 10.9.0.7"))
        #expect(drive.shown.contains("✓ nodes.1.ip = 10.9.0.7"))
        #expect(drive.shown.contains("Step 2 of 4 · Name each node"), "the step is shown again with the new value")
        drive.send(.line("run"))
        #expect(drive.request?.host == RemoteHost(address: "10.9.0.7", user: "pi"))
    }

    @Test func setWithoutAValueAsksPrefilledAndChecksTheAnswerAgainstTheOtherRecords() throws {
        var drive = try Drive()
        drive.state.session.setStatus(.done, step: "prepare")
        drive.send(.begin)
        drive.send(.checked([Self.failed]))
        drive.send(.line("set nodes.1.ip"))
        guard case .ask(let question)? = drive.last else { Issue.record("\(drive.effects)"); return }
        #expect(question.prompt == "ip of n1" && question.defaultValue == .text("10.9.0.1") && question.type == .ipv4)
        drive.send(.answered(.text("10.9.0.2")))
        #expect(drive.shown.contains("nothing changed"), "n2 has that address: \(drive.shown)")
        drive.send(.line("set nodes.1.ip"))
        drive.send(.answered(.text("10.9.0.9")))
        #expect(drive.state.session.inputs["nodes"]?.records?[0]["ip"] == "10.9.0.9")
        #expect(drive.last == .readLine(prompt: "name[n1]> ", prefill: nil))
    }

    /// Its progress moves to its new name; a step whose commands name it is to do again.
    @Test func aRenamedNodeKeepsWhatWasDoneOnIt() throws {
        var drive = try Drive()
        drive.state.session.setStatus(.done, step: "prepare")
        drive.state.session.setStatus(.done, step: "name", item: "n1")
        drive.state.session.setStatus(.done, step: "name", item: "n2")
        drive.state.session.stepIndex = 2
        drive.send(.begin)
        drive.send(.checked([Self.failed]))
        #expect(drive.last == .readLine(prompt: "dhcpcd[n1]> ", prefill: nil))
        drive.send(.line("set nodes.1.hostname n7"))
        #expect(drive.shown.contains("what was done on n1 is kept for n7"))
        #expect(drive.shown.contains("these steps you did do something new, and come again before the end: name (n7)."), "\(drive.shown)")
        #expect(drive.state.session.status("name", item: "n7") == .pending, "set-name n1 does not name it n7")
        #expect(drive.state.session.status("prepare") == .done)
        #expect(drive.state.session.status("name", item: "n1") == .pending)
        #expect(drive.last == .readLine(prompt: "dhcpcd[n7]> ", prefill: nil))
        #expect(drive.effects.contains(.record(.status(step: "name", item: "n7", status: .done))))
    }

    static let addressedByType = """
    ---
    id: typed
    title: Typed
    summary: Records whose fields are found by type.
    inputs:
      boards:
        type: list
        fields:
          label: { type: string, unique: true }
          address: { type: ipv4 }
        default:
          - { label: alpha, address: 10.9.0.5 }
    ---
    ## Each board {#each foreach=boards as=board}

    ```sh {run on=node}
    uptime
    ```
    """

    @Test func aRecordsNameAndAddressComeFromTheirDeclaredTypes() throws {
        var drive = try Drive(Self.addressedByType, id: "typed")
        drive.send(.begin)
        #expect(drive.effects.contains(.record(.marker("each/alpha"))))
        #expect(drive.last == .readLine(prompt: "each[alpha]> ", prefill: nil))
        drive.send(.line("run"))
        #expect(drive.request?.host == RemoteHost(address: "10.9.0.5"))
    }

    @Test func anInvalidSetIsRefusedWithTheRuleAndChangesNothing() throws {
        var drive = try Drive()
        drive.send(.begin)
        drive.send(.checked([Self.failed]))
        let before = drive.state.session
        drive.send(.line("set nodes.2.ip 10.9.0.1"))
        #expect(drive.shown.contains("nothing changed"))
        #expect(drive.state.session == before)
        #expect(!drive.effects.contains { if case .save = $0 { return true } else { return false } })
    }

    static let secretLesson = """
    ---
    id: secret
    title: Secret
    summary: A command with a password.
    inputs:
      password: { type: secret }
    ---
    ## Log in {#login}

    ```sh {run}
    login --password {{password}}
    ```
    """

    @Test func aSecretRunsInTheCommandButNeverReachesTheScreenOrTheTranscript() throws {
        var drive = try Drive(Self.secretLesson, id: "secret", inputs: { _ in [:] })
        drive.send(.begin)
        guard case .ask(let input)? = drive.last else { Issue.record("\(drive.effects)"); return }
        #expect(input.name == "password")
        drive.send(.answered(.secret(SecretValue("s3cr3t pa$$"))))
        #expect(!drive.effects.contains { if case .record(.inputValue(name: "password", _)) = $0 { return true } else { return false } })
        #expect(drive.shown.contains("login --password '••••••(password)'"))
        #expect(!drive.shown.contains("s3cr3t"))
        drive.send(.line("run"))
        #expect(drive.request?.command == "login --password 's3cr3t pa$$'")
        #expect(!drive.shown.contains("s3cr3t"))

        // An edit keeps the stand-in; the edited command runs with the secret in its place.
        drive.send(.commandFinished(CommandResult(exitStatus: 1, output: "", duration: 0)))
        drive.send(.line("edit"))
        #expect(drive.last == .readLine(prompt: "edit> ", prefill: "login --password '••••••(password)'"))
        drive.send(.line("login -v --password '••••••(password)'"))
        #expect(drive.request?.command == "login -v --password 's3cr3t pa$$'")
        #expect(drive.state.session.edits.values.allSatisfy { !$0.contains("s3cr3t") })
    }

    /// The card lesson for /dev/sdb, run at its prompt up to the destructive guard (its preconditions,
    /// the lesson's own checks, hold): the guard's disk report is asked for next.
    static func cardAtTheGuard(image: String? = nil) throws -> Drive {
        var drive = try Drive(TestLessons.card, id: "card", inputs: { loaded in
            loaded.defaultInputs.merging(["card": .text("/dev/sdb")].merging(image.map { ["image": .text($0)] } ?? [:]) { $1 }) { $1 }
        })
        drive.send(.begin)
        drive.send(.checked([Self.failed]))
        drive.send(.line("run"))
        drive.send(.checked([Self.passed]))
        return drive
    }

    @Test func aDestructiveCommandOnAMountedCardIsRefusedWithoutRunning() throws {
        var drive = try Self.cardAtTheGuard()
        #expect(drive.request?.command == BlockDeviceReport.command)
        let mounted = TestLessons.lsblkWithCard.replacingOccurrences(of: "\"path\":\"/dev/sdb1\", \"size\":268435456, \"rm\":true, \"hotplug\":true, \"type\":\"part\", \"mountpoint\":null",
                                                                     with: "\"path\":\"/dev/sdb1\", \"size\":268435456, \"rm\":true, \"hotplug\":true, \"type\":\"part\", \"mountpoint\":\"/media/card\"")
        drive.send(Self.ok(mounted))
        #expect(drive.request?.command.hasPrefix("readlink -f -- /dev/sdb && ") == true)
        drive.send(Self.ok("/dev/sdb\n"))
        #expect(drive.shown.contains("Refused: /dev/sdb is mounted at /media/card"))
        #expect(drive.state.session.status("write") == .failed)
        #expect(drive.last == .readLine(prompt: "write> ", prefill: nil), "back at the prompt; dd never ran")
    }

    @Test(arguments: [
        // The image is the card itself (issue 13: `dd if=X of=X` emptied the master's card).
        ("/dev/sdb", "/dev/sdb\n\n", "Refused: /dev/sdb is /dev/sdb itself"),
        // A link to the card.
        ("/dev/disk/by-id/usb-card", "/dev/sdb\n\n", "Refused: /dev/disk/by-id/usb-card is /dev/sdb itself"),
        // A file on one of the card's partitions.
        ("/media/card/x.img", "/media/card/x.img\n/dev/sdb2\n", "Refused: /media/card/x.img lies on /dev/sdb2, part of /dev/sdb"),
    ])
    func aDestructiveCommandNeverReadsTheDeviceItWritesOver(image: String, located: String, refusal: String) throws {
        var drive = try Self.cardAtTheGuard(image: image)
        drive.send(Self.ok(TestLessons.lsblkWithCard))
        drive.send(Self.ok("/dev/sdb\n"))
        drive.send(Self.ok(located))
        #expect(drive.shown.contains(refusal), "\(drive.shown)")
        #expect(drive.last == .readLine(prompt: "write> ", prefill: nil), "nothing ran, not even the question")
        #expect(drive.state.session.status("write") == .failed)
    }

    @Test func theGuardFindsWhereAFileReallyIsWithTheRealShell() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-locate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let card = folder.appendingPathComponent("it's a card").path
        try Data(count: 16).write(to: URL(fileURLWithPath: card))
        let link = folder.appendingPathComponent("link $(id)").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: card)
        let request = DestructiveGuard.locating([link], host: nil)
        let result = try LocalShellRunner().run(request, output: { _ in })
        let places = DestructiveGuard.places(in: result.output, count: 1)
        #expect(places.first?.file == card, "\(result.output)")
        #expect(places.first?.device.isEmpty == false, "findmnt names the file system's device")
        #expect(DestructiveGuard.overlap(sources: [link], places: places, device: card, resolved: .init(path: card), report: nil)?.hasPrefix("Refused: \(link) is \(card) itself") == true)
        #expect(DestructiveGuard.overlap(sources: [link], places: places, device: "/dev/sdz", resolved: .init(path: "/dev/sdz"), report: nil) == nil)
    }

    @Test func aDestructiveCommandRunsOnlyWhenTheDeviceNameIsTyped() throws {
        var drive = try Self.cardAtTheGuard()
        drive.send(Self.ok(TestLessons.lsblkWithCard))
        drive.send(Self.ok("/dev/sdb\n"))
        #expect(drive.request?.command.contains("findmnt -no SOURCE -T /tmp/x.img") == true, "where the image lies")
        drive.send(Self.ok("/tmp/x.img\n/dev/sda2\n"))
        #expect(drive.shown.contains("This destroys everything on /dev/sdb."))
        drive.send(.line("sdc"))
        #expect(drive.shown.contains("Not confirmed ('sdc' is not /dev/sdb); this command was not run."))
        drive.send(.line("run"))
        drive.send(.checked([Self.passed]))
        drive.send(Self.ok(TestLessons.lsblkWithCard))
        drive.send(Self.ok("/dev/sdb\n"))
        drive.send(Self.ok("/tmp/x.img\n/dev/sda2\n"))
        drive.send(.line("sdb"))
        #expect(drive.request?.command == "dd if=/tmp/x.img of=/dev/sdb bs=4M conv=fsync")
    }
}
