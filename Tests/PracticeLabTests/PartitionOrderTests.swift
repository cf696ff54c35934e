import Foundation
import Testing
@testable import PracticeLab

/// lsblk lists a disk's partitions in the order of their device numbers, and a partition's number is
/// the lowest free one when it is added: a card's second partition can get a lower number than its
/// first (another card's partition went in between). The expand-cluster lesson picks a card's
/// partitions by name, so it still mounts the root file system, not the FAT boot partition (a CI run
/// failed with `unknown filesystem type 'vfat'` when it took lsblk's order).
@Suite(.serialized, .enabled(if: geteuid() == 0 && FileManager.default.fileExists(atPath: "/dev/loop-control"), "loop devices need root"))
struct PartitionOrderTests {
    private let shell = LabShell()

    /// The lesson's own command for "the card's second partition", with `card` filled in.
    private func lessonsRootPartitionCommand(card: String) throws -> String {
        let lesson = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons/expand-cluster.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("root=$(lsblk") }, "expand-cluster.md has no root=$(lsblk …) line")
        return line.replacingOccurrences(of: "{{card}}", with: card) + "; echo \"$root\""
    }

    private func partitionNumber(_ device: String, _ part: Int) -> Int? {
        let name = (device as NSString).lastPathComponent
        let text = (try? String(contentsOfFile: "/sys/class/block/\(name)p\(part)/dev", encoding: .utf8)) ?? ""
        return text.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    @Test func theLessonTakesTheSecondPartitionByNameWhateverItsDeviceNumber() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.img").path, card = folder.appendingPathComponent("card.img").path
        for file in [other, card] { try SmallCard.make(at: file) }
        let otherDevice = shell.attempt(["losetup", "-f", "--show", other]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let cardDevice = shell.attempt(["losetup", "-f", "--show", card]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        defer {
            for device in [cardDevice, otherDevice] where device.hasPrefix("/dev/loop") {
                _ = shell.attempt(["partx", "-d", device])
                _ = shell.attempt(["losetup", "-d", device])
            }
        }
        // The card's first partition goes in after another card's; that one goes; then the card's
        // second partition takes the number it freed (freed a moment after the delete).
        var inverted = false
        for _ in 0..<40 where !inverted {
            _ = shell.attempt(["partx", "-d", cardDevice])
            _ = shell.attempt(["partx", "-a", "--nr", "1", otherDevice])
            _ = shell.attempt(["partx", "-a", "--nr", "1", cardDevice])
            _ = shell.attempt(["partx", "-d", "--nr", "1", otherDevice])
            for _ in 0..<10 where !inverted {
                usleep(200_000)
                _ = shell.attempt(["partx", "-a", "--nr", "2", cardDevice])
                if let first = partitionNumber(cardDevice, 1), let second = partitionNumber(cardDevice, 2), second < first { inverted = true }
                else { _ = shell.attempt(["partx", "-d", "--nr", "2", cardDevice]) }
            }
        }
        try #require(inverted, "the card's partitions could not be given numbers out of order")
        let listed = shell.attempt(["lsblk", "-lnpo", "NAME,TYPE", cardDevice]).output
        let parts = listed.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.last == "part" ? words.first.map(String.init) : nil
        }
        #expect(parts == [cardDevice + "p2", cardDevice + "p1"], "lsblk lists by number: \(listed)")

        let picked = shell.attempt(["bash", "-c", try lessonsRootPartitionCommand(card: cardDevice)])
        #expect(picked.output.trimmingCharacters(in: .whitespacesAndNewlines) == cardDevice + "p2", "\(picked.output)")
    }
}
