import Foundation
import Lessons
import Testing
@testable import Wizard
#if canImport(Glibc)
import Glibc
#endif

/// The destructive guard names what a loop device shows (the practice lab's card reader holds a node's
/// card image), and refuses to write a loop device over the very file the command reads.
@Suite struct LoopDeviceGuardTests {
    @Test func theConfirmationNamesTheFileBehindALoopDevice() throws {
        var drive = try SessionMachineTests.cardAtTheGuard()
        drive.send(SessionMachineTests.ok(TestLessons.lsblkWithCard))
        drive.send(SessionMachineTests.ok("/dev/sdb\n/var/lib/piwizard/labs/pi/cards/node2.img\n"))
        drive.send(SessionMachineTests.ok("/tmp/x.img\n/dev/sda2\n"))
        #expect(drive.shown.contains("This destroys everything on /dev/sdb.\n  /dev/sdb: 29.7 GiB, removable, model \"SD Card Reader\", usb, not mounted\n"
            + "  a loop device over the file /var/lib/piwizard/labs/pi/cards/node2.img\n"), "\(drive.shown)")
    }

    @Test func anOlderAnswerWithoutTheBackingFileStillReads() {
        let resolved = DestructiveGuard.resolved(from: CommandResult(exitStatus: 0, output: "/dev/sdb\n", duration: 0))
        #expect(resolved == .init(path: "/dev/sdb", backingFile: nil))
        #expect(DestructiveGuard.resolved(from: CommandResult(exitStatus: 1, output: "", duration: 0)) == nil)
    }

    /// A real loop device over a real file, behind a link as the lab's reader is: the guard's own shell
    /// finds the device and the file, and refuses `dd if=FILE of=LINK`.
    @Test(.enabled(if: getuid() == 0, "needs root for losetup"))
    func aRealLoopDeviceIsResolvedToTheFileBehindIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let card = folder.appendingPathComponent("node2.img").path
        try Data(count: 1 << 20).write(to: URL(fileURLWithPath: card))
        let shell = LocalShellRunner()
        let attached = try shell.run(CommandRequest(command: "losetup -f --show -- \(ShellQuote.quote(card))"), output: { _ in })
        try #require(attached.exitStatus == 0, "\(attached.output)")
        let loop = attached.output.trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? shell.run(CommandRequest(command: "losetup -d \(ShellQuote.quote(loop))"), output: { _ in }) }
        let reader = folder.appendingPathComponent("reader").path
        try FileManager.default.createSymbolicLink(atPath: reader, withDestinationPath: loop)

        let resolved = DestructiveGuard.resolved(from: try shell.run(DestructiveGuard.resolving(reader, host: nil), output: { _ in }))
        #expect(resolved == .init(path: loop, backingFile: card))
        let report = try BlockDeviceReport(json: shell.run(CommandRequest(command: BlockDeviceReport.command), output: { _ in }).output)
        let verdict = DestructiveGuard.verdict(device: reader, report: report, resolved: resolved)
        #expect(verdict.refusal == nil)
        #expect(verdict.description.hasPrefix("\(loop): 1.0 MiB, fixed, not mounted\n") && verdict.description.hasSuffix("a loop device over the file \(card)"), "\(verdict.description)")
        // As the lab's reader, it is named for what it stands for, and the card in it by its node.
        let inTheLab = DestructiveGuard.verdict(device: reader, report: report, resolved: resolved, standIn: [card: "node2's card"])
        #expect(inTheLab.description == "\(loop): 1.0 MiB, the practice lab's card reader, not mounted\n  in it: node2's card (\(card))", "\(inTheLab.description)")

        let located = try shell.run(DestructiveGuard.locating([card], host: nil), output: { _ in })
        let places = DestructiveGuard.places(in: located.output, count: 1)
        let refusal = DestructiveGuard.overlap(sources: [card], places: places, device: reader, resolved: resolved, report: report)
        #expect(refusal == "Refused: \(card) is the file behind \(reader) itself: the command would read what it writes over. Nothing was run.")
    }
}
