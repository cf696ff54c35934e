import Foundation
import Lessons
import Testing
@testable import Wizard

/// The destructive-command guard holds even when a lesson's own precondition would let a device through.
@Suite struct DestructiveGuardTests {
    static let lesson = TestLessons.card.replacingOccurrences(of: "removable: true\nunmounted: true\nnot-system: true\n", with: "")

    @Test(arguments: [("/dev/sda", "Refused: /dev/sda holds this computer's system; this command was not run."),
                      ("/dev/sdb", "Refused: /dev/sdb is mounted at /media/card; unmount it first. Nothing was run.")])
    func neverWritesOverTheSystemDiskOrAMountedDevice(_ device: String, _ message: String) throws {
        let runner = WizardSessionTests.cardRunner(device: device)
        runner.on("lsblk --json", output: TestLessons.lsblkWithCard.replacingOccurrences(of: #""name":"sdb1", "path":"/dev/sdb1", "size":268435456, "rm":true, "hotplug":true, "type":"part", "mountpoint":null"#, with: #""name":"sdb1", "path":"/dev/sdb1", "size":268435456, "rm":true, "hotplug":true, "type":"part", "mountpoint":"/media/card""#))
        let (session, terminal) = try WizardSessionTests.make(Self.lesson, id: "card", answers: [.type(device), .edit { $0 ?? "" }, .type("run"), .type("quit")], runner: runner, state: nil)
        #expect(session.run() == .quit(step: "write"))
        #expect(terminal.output.contains(message), "\(terminal.output)")
        #expect(!runner.commands.contains { $0.hasPrefix("dd ") })
    }
}
