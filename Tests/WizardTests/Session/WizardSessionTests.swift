import Foundation
import Lessons
import Testing
@testable import Wizard

/// The session state machine, driven by a scripted terminal and a fake runner.
@Suite struct WizardSessionTests {
    static func defaults(_ loaded: LoadedLesson) -> SessionState {
        SessionState(inputs: loaded.defaultInputs)
    }

    static func make(_ text: String = TestLessons.cluster, id: String = "mini-cluster", answers: [ScriptedTerminal.Answer],
                     runner: FakeRunner, unattended: Bool = false, confirmed: Set<String> = [],
                     state: ((LoadedLesson) -> SessionState)? = defaults, width: Int = 80) throws -> (WizardSession, ScriptedTerminal) {
        let loaded = try TestLessons.load(text, id: id)
        let terminal = ScriptedTerminal(answers, interactive: !unattended)
        let options = SessionOptions(unattended: unattended, confirmedDevices: confirmed, width: width)
        let session = WizardSession(loaded: loaded, terminal: terminal, runner: runner, options: options,
                                    state: state?(loaded) ?? SessionState())
        return (session, terminal)
    }

    /// Every check fails before its step runs and passes after, as on a fresh cluster.
    static func freshCluster() -> FakeRunner {
        let runner = FakeRunner()
        runner.on("test -f /tmp/x.img", exits: [1, 0])
        runner.on("pi@10.9.0.1 hostname", exits: [1, 0], output: "n1\n")
        runner.on("pi@10.9.0.2 hostname", exits: [1, 0], output: "n2\n")
        runner.on("verify-dhcpcd", exits: [1, 0], output: "ok\n")
        runner.on("verify-interfaces", exits: [1, 0])
        return runner
    }

    @Test func walksEveryStepLoopAndBranchToTheEnd() throws {
        let runner = Self.freshCluster()
        let (session, terminal) = try Self.make(answers: [.type(""), .type("run"), .type(""), .type(""), .type("run"), .type("done")], runner: runner)
        let outcome = session.run()
        #expect(outcome == .finished(done: 4, skipped: 0, loopSteps: 3, loopItems: 4, itemName: "node"), "\(terminal.output)")
        #expect(session.state.status("dhcpcd", item: "n2") == .notApplicable)
        #expect(session.state.status("interfaces", item: "n1") == .notApplicable)
        #expect(session.state.status("interfaces", item: "n2") == .done)
        let naming = runner.requests.filter { $0.command.hasPrefix("set-name") }
        #expect(naming.map(\.command) == ["set-name n1", "set-name n2"])
        #expect(naming.map(\.host) == [RemoteHost(address: "10.9.0.1", user: "pi"), RemoteHost(address: "10.9.0.2", user: "pi")])
        #expect(naming.allSatisfy { $0.interactive })
        #expect(runner.commands.contains("configure-dhcpcd 10.9.0.1/24"))
        #expect(!runner.commands.contains { $0.contains("configure-dhcpcd 10.9.0.2") })
        #expect(terminal.output.contains("Step 1 of 4 · Prepare"))
        #expect(terminal.output.contains("node n2 (2 of 2)"))
        #expect(terminal.output.contains("sudo nano /etc/network/interfaces"))
        #expect(terminal.output.contains("Do this by hand, then type done."))
        #expect(terminal.unusedAnswers == 0)
    }

    @Test func offersToSkipAStepWhoseChecksAlreadyPass() throws {
        let runner = FakeRunner()
        runner.on("pi@10.9.0.1 hostname", output: "n1\n")
        runner.on("pi@10.9.0.2 hostname", output: "n2\n")
        runner.on("verify-dhcpcd", output: "ok\n")
        let (session, terminal) = try Self.make(answers: Array(repeating: .type("y"), count: 5), runner: runner)
        #expect(session.run() == .finished(done: 4, skipped: 0, loopSteps: 3, loopItems: 4, itemName: "node"))
        #expect(terminal.output.contains("Its checks pass already: this looks done."))
        #expect(!runner.commands.contains { $0.hasPrefix("mkdir") || $0.hasPrefix("set-name") || $0.hasPrefix("configure") })
    }

    @Test func aFailedCheckShowsExpectedFoundAndTheHintThenARetryPasses() throws {
        let runner = Self.freshCluster()
        runner.on("verify-dhcpcd", exits: [1, 1, 0], output: "ok\n")
        let answers: [ScriptedTerminal.Answer] = [.type(""), .type(""), .type(""), .type("run"), .type("why"), .type("hint"), .type("run"), .type("quit")]
        let (session, terminal) = try Self.make(answers: answers, runner: runner)
        #expect(session.run() == .quit(step: "interfaces"))
        #expect(terminal.output.contains("✗ check: verify-dhcpcd"))
        #expect(terminal.output.contains("expected: exit status 0 and output matching /ok/"))
        #expect(terminal.output.contains("found:    exit status 1, output: ok"))
        #expect(terminal.output.contains("Hint: Check /etc/dhcpcd.conf."))
        #expect(terminal.output.contains("The last check:"))
        #expect(session.state.status("dhcpcd", item: "n1") == .done)
    }

    @Test func refusesInvalidInputsWithTheReasonAndAsksAgain() throws {
        let runner = Self.freshCluster()
        let accept: ScriptedTerminal.Answer = .edit { $0 ?? "" }
        let answers: [ScriptedTerminal.Answer] = [
            accept,                               // image: the default
            .type(""),                            // prepare: run
            .type("10.9.0.0/33"), accept,         // subnet: invalid, then the default
            accept,                               // how many nodes: 2
            .type("n1 10.9.1.1 dhcpcd"),          // outside the subnet
            .type("n1 10.9.0.1 dhcpcd"),
            .type("n1 10.9.0.2 interfaces"),      // duplicate hostname
            .type("n2 10.9.0.1 interfaces"),      // duplicate address
            .type("n2 10.9.0.2 interfaces"),
            .type("bad name!"), accept,            // user
            .type("quit"),
        ]
        let (session, terminal) = try Self.make(answers: answers, runner: runner, state: nil, width: 400)
        #expect(session.run() == .quit(step: "name"))
        #expect(terminal.output.contains("✗ '10.9.0.0/33' has the prefix length '33'; it is a number 0-32"))
        #expect(terminal.output.contains("✗ nodes record 1 (n1): ip 10.9.1.1 is outside the subnet 10.9.0.0/24 (ip must be in subnet)"))
        #expect(terminal.output.contains("✗ record 2: hostname 'n1' is already used by record 1 (n1)"))
        #expect(terminal.output.contains("✗ record 2 (n2): ip '10.9.0.1' is already used by record 1 (n1)"))
        #expect(session.state.inputs["nodes"] == .records([
            ["hostname": "n1", "ip": "10.9.0.1", "netconf": "dhcpcd"], ["hostname": "n2", "ip": "10.9.0.2", "netconf": "interfaces"],
        ]))
        #expect(session.state.inputs["subnet"] == .text("10.9.0.0/24"))
        #expect(terminal.prompts.first?.prefill == "/tmp/x.img", "the default is offered for editing")
    }

    @Test func editChangesTheCommandBeforeItRuns() throws {
        let runner = Self.freshCluster()
        let answers: [ScriptedTerminal.Answer] = [.type("edit"), .edit { ($0 ?? "").replacingOccurrences(of: "/tmp/mini", with: "/tmp/other") }, .type("quit")]
        let (session, terminal) = try Self.make(answers: answers, runner: runner)
        #expect(session.run() == .quit(step: "name"))
        #expect(terminal.prompts[1].prefill == "mkdir -p /tmp/mini && touch /tmp/x.img")
        #expect(runner.commands.contains("mkdir -p /tmp/other && touch /tmp/x.img"))
        #expect(!runner.commands.contains("mkdir -p /tmp/mini && touch /tmp/x.img"))
        #expect(session.state.edits[EditKey(step: "prepare", item: "", block: 0)] == "mkdir -p /tmp/other && touch /tmp/x.img")
    }

    @Test func showLetsTheLearnerRunCommandsElsewhereThenDoneChecks() throws {
        let runner = Self.freshCluster()
        let (session, terminal) = try Self.make(answers: [.type("show"), .type("done"), .type("quit")], runner: runner)
        _ = session.run()
        #expect(terminal.output.contains("Run these yourself, then type done to check the step."))
        #expect(!runner.commands.contains { $0.hasPrefix("mkdir") })
        #expect(session.state.status("prepare") == .done)
    }

    @Test func navigationAndInformationCommands() throws {
        let runner = Self.freshCluster()
        let answers: [ScriptedTerminal.Answer] = [
            .type(""), .type("rnu"), .type("status"), .type("vars"), .type("help"), .type("graph"),
            .type("set nodes.2.ip 10.9.0.1"), .type("set nodes.2.ip 10.9.0.7"), .type("set subnet nonsense"),
            .type("goto nowhere"), .type("back"), .type("n"), .type("skip"), .type("n"), .type("skip"), .type("quit"),
        ]
        let (session, terminal) = try Self.make(answers: answers, runner: runner, width: 400)
        #expect(session.run() == .quit(step: "name"))
        let output = terminal.output
        #expect(output.contains("unknown command 'rnu'; did you mean 'run'?"))
        #expect(output.contains("→ · 2. Name each node [name]  n1 · n2 ·"))
        #expect(output.contains("  ✓ 1. Prepare [prepare]"))
        #expect(output.contains("→ you are here · ✓ done · ↷ skipped · – does not apply · ✗ failed · … was running · · to do"), "a legend under the status list")
        #expect(output.contains("    2. hostname=n2 ip=10.9.0.2 netconf=interfaces"))
        #expect(output.contains("goto STEP"))
        #expect(output.contains("┌ 3. With dhcpcd [dhcpcd]"))
        #expect(output.contains("✗ record 2 (n2): ip '10.9.0.1' is already used by record 1 (n1); nothing changed."))
        #expect(output.contains("✓ nodes.2.ip = 10.9.0.7"))
        #expect(output.contains("✗ 'nonsense' is not a subnet in CIDR form"))
        #expect(output.contains("No step 'nowhere'"))
        #expect(session.state.inputs["nodes"]?.records?[1]["ip"] == "10.9.0.7")
        // back reopened step 1: its checks pass, the learner declines the offer and skips it, then skips n1.
        #expect(output.contains("Its checks pass already"))
        #expect(session.state.status("prepare") == .skipped)
        #expect(session.state.status("name", item: "n1") == .skipped)
        #expect(session.state.stepIndex == 1)
        #expect(terminal.completions.contains("goto") && terminal.completions.contains("dhcpcd") && terminal.completions.contains("nodes"))
    }

    @Test func ctrlCAtThePromptRunsNothing() throws {
        let runner = Self.freshCluster()
        let (session, terminal) = try Self.make(answers: [.interrupt, .type("quit")], runner: runner)
        #expect(session.run() == .quit(step: "prepare"))
        #expect(terminal.output.contains("Nothing was run. Type quit to stop"))
        #expect(!runner.commands.contains { $0.hasPrefix("mkdir") })
    }

    @Test func ctrlCAtADestructiveConfirmationDoesNotConfirm() throws {
        let runner = Self.cardRunner(device: "/dev/sdb")
        let (session, terminal) = try Self.make(TestLessons.card, id: "card", answers: [.type("/dev/sdb"), .edit { $0 ?? "" }, .type("run"), .interrupt, .type("quit")], runner: runner, state: nil)
        #expect(session.run() == .quit(step: "write"))
        #expect(terminal.output.contains("Not confirmed; this command was not run."))
        #expect(!runner.commands.contains { $0.hasPrefix("dd ") })
    }

    @Test func endOfInputQuitsCleanly() throws {
        let (session, _) = try Self.make(answers: [], runner: Self.freshCluster())
        #expect(session.run() == .quit(step: "prepare"))
    }

    @Test func reportsEveryStateChange() throws {
        let (session, _) = try Self.make(answers: [.type(""), .type("quit")], runner: Self.freshCluster())
        var seen: [StepStatus] = []
        session.onStateChange = { state, _ in seen.append(state.status("prepare")); return nil }
        _ = session.run()
        // Every change is reported, in order: the step is running, then done; nothing after changes it.
        #expect(seen.first == .running)
        #expect(seen.drop { $0 == .running }.allSatisfy { $0 == .done }, "\(seen)")
        #expect(seen.contains(.done))
    }

    @Test func detectsABranchFactOnTheNodeWhenTheRecordSaysAuto() throws {
        let runner = FakeRunner()
        runner.on("detect-netconf", output: "interfaces\n")
        runner.on("pi@10.9.0.1 hostname", output: "n1\n")
        runner.on("pi@10.9.0.2 hostname", output: "n2\n")
        runner.on("verify-dhcpcd", output: "ok\n")
        let (session, terminal) = try Self.make(answers: Array(repeating: .type("y"), count: 6), runner: runner) { loaded in
            var state = SessionState(inputs: loaded.defaultInputs)
            state.inputs["nodes"] = .records([["hostname": "n1", "ip": "10.9.0.1", "netconf": "dhcpcd"], ["hostname": "n2", "ip": "10.9.0.2", "netconf": "auto"]])
            return state
        }
        #expect(session.run() == .finished(done: 4, skipped: 0, loopSteps: 3, loopItems: 4, itemName: "node"))
        #expect(runner.requests.first { $0.command == "detect-netconf" }?.host == RemoteHost(address: "10.9.0.2", user: "pi"))
        #expect(session.state.inputs["nodes"]?.records?[1]["netconf"] == "interfaces")
        #expect(terminal.output.contains("Detected netconf of n2: interfaces"))
    }

    // MARK: Destructive commands

    static func cardRunner(device: String) -> FakeRunner {
        let runner = FakeRunner()
        runner.on("lsblk --json", output: TestLessons.lsblkWithCard)
        runner.on("readlink -f", output: device + "\n")
        runner.on("cmp-card", exits: [1, 0])
        // Where the image lies: a file on the system disk's root partition.
        runner.on("findmnt -no SOURCE", output: "/tmp/x.img\n/dev/sda2\n")
        return runner
    }

    @Test func aDestructiveCommandRunsOnlyAfterTheDeviceNameIsTyped() throws {
        let runner = Self.cardRunner(device: "/dev/sdb")
        let (session, terminal) = try Self.make(TestLessons.card, id: "card", answers: [.type("/dev/sdb"), .edit { $0 ?? "" }, .type("run"), .type("sda"), .type("run"), .type("/dev/sdb")], runner: runner, state: nil)
        #expect(session.run() == .finished(done: 1, skipped: 0))
        #expect(terminal.output.contains("This destroys everything on /dev/sdb."))
        #expect(terminal.output.contains("/dev/sdb: 29.7 GiB, removable, model \"SD Card Reader\", usb, not mounted"))
        #expect(terminal.output.contains("Not confirmed ('sda' is not /dev/sdb); this command was not run."))
        #expect(runner.commands.filter { $0.hasPrefix("dd ") } == ["dd if=/tmp/x.img of=/dev/sdb bs=4M conv=fsync"])
    }

    @Test func theSystemDiskIsRefusedBeforeAnythingRuns() throws {
        let runner = Self.cardRunner(device: "/dev/sda")
        let (session, terminal) = try Self.make(TestLessons.card, id: "card", answers: [.type("/dev/sda"), .edit { $0 ?? "" }, .type("run"), .type("quit")], runner: runner, state: nil, width: 400)
        #expect(session.run() == .quit(step: "write"))
        #expect(terminal.output.contains("a precondition of this step does not hold, so nothing was run"))
        #expect(terminal.output.contains("found:    not removable; mounted at /boot/efi, /; /dev/sda holds this computer's system (/boot/efi, /)"))
        #expect(terminal.output.contains("Hint: Unmount it first."))
        #expect(!terminal.output.contains("umount /dev/sda"), "a hint that acts on the device is held back: it is the system disk")
        #expect(terminal.output.contains("Hint: Hints that act on /dev/sda are held back until it passes its checks"))
        #expect(!runner.commands.contains { $0.hasPrefix("dd ") })
    }

    @Test func aHintThatActsOnTheCardIsShownWhenTheCardIsOnlyMounted() throws {
        let runner = Self.cardRunner(device: "/dev/sdb")
        runner.on("lsblk --json", output: TestLessons.lsblkWithCard.replacingOccurrences(
            of: "\"path\":\"/dev/sdb1\", \"size\":268435456, \"rm\":true, \"hotplug\":true, \"type\":\"part\", \"mountpoint\":null",
            with: "\"path\":\"/dev/sdb1\", \"size\":268435456, \"rm\":true, \"hotplug\":true, \"type\":\"part\", \"mountpoint\":\"/media/card\""))
        let (session, terminal) = try Self.make(TestLessons.card, id: "card", answers: [.type("/dev/sdb"), .edit { $0 ?? "" }, .type("run"), .type("quit")], runner: runner, state: nil)
        #expect(session.run() == .quit(step: "write"))
        #expect(terminal.output.contains("found:    mounted at /media/card"), "\(terminal.output)")
        #expect(terminal.output.contains("sudo umount /dev/sdb?*"))
        #expect(!terminal.output.contains("held back"))
    }

    // MARK: Unattended

    @Test func unattendedStopsAtAStepThatNeedsHands() throws {
        let (session, _) = try Self.make(answers: [], runner: Self.freshCluster(), unattended: true)
        let outcome = session.run()
        #expect(outcome == .needsHands(step: "interfaces", reason: "it has commands to type by hand (at the console of n2)"))
        #expect(outcome.exitStatus == 3)
        #expect(session.state.status("dhcpcd", item: "n1") == .done)
    }

    @Test func unattendedFailsOnAFailedCheckAndOnAMissingInput() throws {
        let runner = Self.freshCluster()
        runner.on("test -f /tmp/x.img", exits: [1])
        let (session, _) = try Self.make(answers: [], runner: runner, unattended: true)
        let outcome = session.run()
        #expect(outcome == .failed(step: "prepare", reason: "check: test -f /tmp/x.img: expected exit status 0, found exit status 1, output: (no output)"))
        #expect(outcome.exitStatus == 1)
        let (cardSession, _) = try Self.make(TestLessons.card, id: "card", answers: [], runner: Self.cardRunner(device: "/dev/sdb"), unattended: true, state: nil)
        #expect(cardSession.run() == .missingInput(name: "card", step: "write"))
    }

    @Test func unattendedANodeThatFailsDoesNotStopTheOthers() throws {
        let runner = Self.freshCluster()
        runner.on("pi@10.9.0.1 hostname", exits: [1, 255, 255], output: "ssh: connect to host 10.9.0.1 port 22: No route to host\n")
        let (session, _) = try Self.make(answers: [], runner: runner, unattended: true)
        let outcome = session.run()
        guard case .failed(let step, let reason) = outcome else { Issue.record("\(outcome)"); return }
        #expect(step == "name")
        #expect(reason.hasPrefix("n1: hostname-is 10.9.0.1: expected 10.9.0.1 to answer with the name n1, found no answer"), "\(reason)")
        #expect(session.state.status("name", item: "n1") == .failed)
        #expect(session.state.status("name", item: "n2") == .done, "n2 was named although n1 failed")
        #expect(runner.commands.filter { $0.hasPrefix("set-name") } == ["set-name n1", "set-name n2"])
    }

    @Test func unattendedDestructiveCommandsNeedTheDeviceConfirmedOnTheCommandLine() throws {
        let given: (LoadedLesson) -> SessionState = { _ in SessionState(inputs: ["card": .text("/dev/sdb"), "image": .text("/tmp/x.img")]) }
        let (refused, _) = try Self.make(TestLessons.card, id: "card", answers: [], runner: Self.cardRunner(device: "/dev/sdb"), unattended: true, state: given)
        #expect(refused.run() == .needsHands(step: "write", reason: "it writes over /dev/sdb; confirm with --confirm-device /dev/sdb"))
        let runner = Self.cardRunner(device: "/dev/sdb")
        let (confirmed, _) = try Self.make(TestLessons.card, id: "card", answers: [], runner: runner, unattended: true, confirmed: ["/dev/sdb"], state: given)
        #expect(confirmed.run() == .finished(done: 1, skipped: 0))
        #expect(runner.commands.contains("dd if=/tmp/x.img of=/dev/sdb bs=4M conv=fsync"))
    }
}
