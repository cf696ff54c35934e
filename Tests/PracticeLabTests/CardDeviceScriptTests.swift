import Foundation
import Testing
@testable import PracticeLab

/// The card reader's shell functions on real loop devices: a card is attached with its partition
/// nodes, and a device is detached only while it still holds the card it is asked to detach (its
/// number may be another card's by then, another lab's too).
@Suite(.serialized, .enabled(if: geteuid() == 0 && FileManager.default.fileExists(atPath: "/dev/loop-control"), "loop devices need root"))
struct CardDeviceScriptTests {
    /// Runs `script` after the card functions, in bash; its output, failing the test on a non-zero exit.
    @discardableResult
    private func bash(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = LabShell().attempt(["bash", "-c", CardDeviceScript.functions + script])
        #expect(result.succeeded, "\(script)\n\(result.output)", sourceLocation: sourceLocation)
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Two small cards with a FAT-typed and a Linux partition each, as the lab's cards have.
    private func cards() throws -> (folder: URL, first: String, second: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-cards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let first = folder.appendingPathComponent("node2.img").path, second = folder.appendingPathComponent("node3.img").path
        for card in [first, second] { try SmallCard.make(at: card) }
        return (folder, first, second)
    }

    @Test func aCardIsAttachedWithNodesForItsPartitionsAndDetachedWithThem() throws {
        let (folder, card, _) = try cards()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try bash("attach_card '\(card)'")
        defer { _ = LabShell().attempt(["losetup", "-d", device]) }
        let name = (device as NSString).lastPathComponent
        for part in ["p1", "p2"] {
            let numbers = try bash("cat /sys/class/block/\(name)\(part)/dev")
            #expect(try bash("stat -c '%t %T' \(device)\(part)") == numbers.split(separator: ":").map { String(Int($0)!, radix: 16) }.joined(separator: " "))
        }
        try bash("detach_card \(device) '\(card)'")
        #expect(try bash("losetup -j '\(card)'").isEmpty)
        #expect(try bash("ls \(device)p* 2>/dev/null || true").isEmpty)
    }

    @Test func aDeviceThatHoldsAnotherCardNowIsLeftAlone() throws {
        let (folder, card, other) = try cards()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try bash("attach_card '\(other)'")
        defer { _ = LabShell().attempt(["losetup", "-d", device]) }
        // A stale record says this device holds `card`: detaching it must not take `other` out.
        try bash("detach_card \(device) '\(card)'")
        #expect(try bash("losetup -n -O BACK-FILE \(device)") == other)
        #expect(try bash("test -b \(device)p2 && echo present") == "present")
        try bash("detach_card \(device) '\(other)'")
        #expect(try bash("losetup -j '\(other)'").isEmpty)
    }
}
