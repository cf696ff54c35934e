import Foundation
import Testing
import WizardSystem

/// Whether a reader holds a card, asked of the real devices of this machine.
@Suite struct CardReaderMediumTests {
    @Test func aReaderWithoutADeviceOrWithASizeOfZeroHoldsNoCard() throws {
        #expect(!CardReaderMedium.holdsCard("/dev/no-such-reader-\(UUID().uuidString)"))
        // A loop device with nothing attached has size 0, as a USB reader without a card.
        let sizes = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/class/block")) ?? []
        if let empty = sizes.first(where: { $0.hasPrefix("loop") && !$0.contains("p")
                && (try? String(contentsOfFile: "/sys/class/block/\($0)/size", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
                && FileManager.default.fileExists(atPath: "/dev/\($0)") }) {
            #expect(!CardReaderMedium.holdsCard("/dev/\(empty)"))
        }
        let disk = sizes.first { name in
            (try? String(contentsOfFile: "/sys/class/block/\(name)/size", encoding: .utf8)).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) != "0" } ?? false
                && FileManager.default.fileExists(atPath: "/dev/\(name)")
        }
        if let disk { #expect(CardReaderMedium.holdsCard("/dev/\(disk)")) }
    }
}
