import Foundation
import Testing

/// A node switched on while a card's partition is mounted in /mnt (the lesson's card path makes a card
/// its node's own there) does not keep that file system alive: once unmounted here it can be mounted
/// read-only again to be checked. A node's power supply runs in a private copy of this computer's
/// mount namespace, and on a host whose mounts do not propagate (no systemd) that copy held the card.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct CardMountPinTests {
    let lab = PracticeLabFixture(name: "pin", prefix: "10.77.211")

    @Test func aNodeStartedWhileACardIsMountedDoesNotHoldIt() throws {
        _ = try? lab.piwizard(["lab", "down"])
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mountPoint = "/mnt/piwizard-test-\(UUID().uuidString.prefix(8))"
        let device = try PracticeLabFixture.sh("truncate -s 32M \(folder.path)/card && mkfs.ext4 -q -F \(folder.path)/card && losetup -f --show \(folder.path)/card")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? PracticeLabFixture.sh("umount \(mountPoint) 2>/dev/null; rmdir \(mountPoint); losetup -d \(device)") }
        _ = try PracticeLabFixture.sh("mkdir -p \(mountPoint) && mount \(device) \(mountPoint)")

        #expect(try lab.piwizard(["lab", "up", "1", "--os", PracticeLabFixture.articleFlavour]).status == 0)
        defer { _ = try? lab.piwizard(["lab", "down"]) }
        _ = try PracticeLabFixture.sh("umount \(mountPoint)")
        let remount = try PracticeLabFixture.sh("mount -o ro,noload \(device) \(mountPoint) 2>&1 && echo mounted || true")
        #expect(remount.contains("mounted") && !remount.contains("busy"), "\(remount)")
        try lab.downAndExpectNothingLeft()
    }
}
