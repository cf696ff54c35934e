import Foundation
import Lessons
import Testing
@testable import Wizard

/// The guard before a command, as a machine of its own: fed the answers to its looks and questions
/// as events, with no session, terminal or runner around it.
@Suite struct CommandGuardTests {
    /// The card lesson's guard for its `dd` block, with `card` set to `device`.
    static func cardGuard(_ device: String = "/dev/sdb", mode: SessionMode = .learner, options: SessionOptions = SessionOptions(),
                          lesson text: String = TestLessons.card) throws -> CommandGuard {
        let loaded = try TestLessons.load(text, id: "card")
        let lesson = loaded.lesson
        let step = lesson.steps[0]
        let block = try #require(step.blocks.first { $0.kind == .run })
        let values = StepValues(lesson: lesson, assets: "/lessons", inputs: ["card": .text(device), "image": .text("/tmp/x.img")])
        return CommandGuard(block: block, step: step, lesson: lesson, values: values, item: nil, host: nil, mode: mode, options: options)
    }

    static func finished(_ output: String) -> SessionEvent {
        .commandFinished(CommandResult(exitStatus: 0, output: output, duration: 0))
    }

    /// Follows the guard through its looks, answering each with `answers` in turn; the last move.
    static func walk(_ guarding: CommandGuard, _ answers: [SessionEvent]) -> (moves: [CommandGuard.Move], stages: [CommandGuard.Stage]) {
        var moves = [guarding.start()]
        var stages: [CommandGuard.Stage] = []
        for answer in answers {
            guard case .wait(let stage, _) = moves.last!.next else { break }
            stages.append(stage)
            moves.append(guarding.answered(stage, answer))
        }
        return (moves, stages)
    }

    static let cardReport = finished(TestLessons.lsblkWithCard)

    @Test func aCardIsInspectedResolvedLocatedThenItsNameTyped() throws {
        let (moves, stages) = Self.walk(try Self.cardGuard(), [Self.cardReport, Self.finished("/dev/sdb\n\n"), Self.finished("/tmp/x.img\n/dev/sda2\n")])
        #expect(stages.map(\.name) == ["inspecting", "resolving", "locating"])
        let last = try #require(moves.last)
        #expect(last.text.joined().contains("This destroys everything on /dev/sdb."))
        guard case .wait(let stage, .confirm(let prompt)) = last.next else { Issue.record("\(last.next)"); return }
        #expect(prompt.contains("Type the device name (/dev/sdb)"))
        let guarding = try Self.cardGuard()
        #expect(guarding.answered(stage, .line("sdb")).next == .cleared)
        #expect(guarding.answered(stage, .line("/dev/sdb")).next == .cleared)
        #expect(guarding.answered(stage, .line("sdc")).next == .refused("Not confirmed ('sdc' is not /dev/sdb); this command was not run."))
        #expect(guarding.answered(stage, .interrupted).next == .refused("Not confirmed; this command was not run."))
    }

    @Test func theSystemDiskIsRefusedWhateverTheAnswer() throws {
        let (moves, _) = Self.walk(try Self.cardGuard("/dev/sda"), [Self.cardReport, Self.finished("/dev/sda\n\n")])
        #expect(moves.last?.next == .refused("Refused: /dev/sda holds this computer's system; this command was not run."))
    }

    @Test func anImageOnTheCardItselfIsRefused() throws {
        let (moves, _) = Self.walk(try Self.cardGuard(), [Self.cardReport, Self.finished("/dev/sdb\n\n"), Self.finished("/media/card/x.img\n/dev/sdb1\n")])
        #expect(moves.last?.next == .refused("Refused: /tmp/x.img lies on /dev/sdb1, part of /dev/sdb, which the command writes over. Nothing was run."))
    }

    @Test func unattendedTheDeviceMustBeConfirmedOnTheCommandLine() throws {
        let answers = [Self.cardReport, Self.finished("/dev/sdb\n\n"), Self.finished("/tmp/x.img\n/dev/sda2\n")]
        let refused = Self.walk(try Self.cardGuard(mode: .unattended), answers).moves.last
        #expect(refused?.next == .refused("it writes over /dev/sdb; confirm with --confirm-device /dev/sdb"))
        let allowed = Self.walk(try Self.cardGuard(mode: .unattended, options: SessionOptions(unattended: true, confirmedDevices: ["/dev/sdb"])), answers).moves.last
        #expect(allowed?.next == .cleared)
        #expect(allowed?.text.joined().contains("This destroys everything on /dev/sdb.") == true)
    }

    static let noDevice = TestLessons.card.replacingOccurrences(of: "```yaml {precondition validator=block-device}\ndevice: \"{{card}}\"\nremovable: true\nunmounted: true\nnot-system: true\n```\n", with: "```sh {precondition}\ntest -f {{image}}\n```\n")

    @Test func aStepThatNamesNoDeviceAsksYesOrNo() throws {
        let guarding = try Self.cardGuard(lesson: Self.noDevice)
        guard case .wait(let stage, .confirm(let prompt)) = guarding.start().next else { Issue.record("no question"); return }
        #expect(stage == .confirmingDestructive)
        #expect(prompt.contains("This command is destructive. Run it?"))
        let unclear = guarding.answered(stage, .line("maybe"))
        #expect(unclear.text == ["Please answer y or n.\n"])
        #expect(unclear.next == guarding.start().next)
        #expect(guarding.answered(stage, .line("y")).next == .cleared)
        #expect(guarding.answered(stage, .line("")).next == .refused("Not confirmed; this command was not run."))
        #expect(guarding.answered(stage, .endOfInput).next == .refused("Not confirmed; this command was not run."))
    }

    @Test func unattendedAStepThatNamesNoDeviceRunsOnlyWhenAllowed() throws {
        #expect(try Self.cardGuard(mode: .unattended, lesson: Self.noDevice).start().next
                == .refused("a destructive command runs unattended only when allowed: --allow-destructive write"))
        var options = SessionOptions(unattended: true)
        options.allowedDestructiveSteps = ["write"]
        #expect(try Self.cardGuard(mode: .unattended, options: options, lesson: Self.noDevice).start().next == .cleared)
        #expect(try Self.cardGuard(mode: .selfTest, lesson: Self.noDevice).start().next == .cleared)
    }

    static let writesAFile = TestLessons.card.replacingOccurrences(of: "```sh {run destructive}\ndd if={{image}} of={{card}} bs=4M conv=fsync\n```", with: "```sh {run}\ndd if=/dev/zero of={{image}} count=1\n```")

    @Test func aFileWrittenOverTheCardIsRefusedBeforeTheDeviceIsLookedAt() throws {
        let guarding = try Self.cardGuard(lesson: Self.writesAFile)
        guard case .wait(let stage, .run(let probe, showsOutput: false)) = guarding.start().next else { Issue.record("no probe"); return }
        #expect(stage == .checkingWrites(files: [.init(name: "image", value: "/tmp/x.img")], devices: [.init(name: "card", value: "/dev/sdb")]))
        #expect(probe.command.contains("readlink -f -- /tmp/x.img"))
        let onTheCard = guarding.answered(stage, Self.finished("file\t/tmp/x.img\t\t/dev/sdb1\ndevice\t/dev/sdb\t\n"))
        #expect(onTheCard.next == .refused("Refused: image (/tmp/x.img) lies on /dev/sdb1, part of card (/dev/sdb), which this lesson reads or writes as a whole. Nothing was run."))
        // Not destructive and elsewhere: the command may run.
        #expect(guarding.answered(stage, Self.finished("file\t/tmp/x.img\t\t/dev/sda2\ndevice\t/dev/sdb\t\n")).next == .cleared)
    }
}

extension CommandGuard.Stage {
    /// The stage's name, to compare a walk without its looks' details.
    var name: String {
        switch self {
        case .checkingWrites: "checkingWrites"
        case .inspecting: "inspecting"
        case .resolving: "resolving"
        case .locating: "locating"
        case .confirmingDevice: "confirmingDevice"
        case .confirmingDestructive: "confirmingDestructive"
        }
    }
}
