import Foundation
import Testing
import WizardSystem

/// Whether a reader holds a card, asked of a real block device this test makes: a loop device with a
/// file attached holds a card; the same device with nothing attached (size 0, as a USB reader without
/// a card) holds none.
@Suite(.enabled(if: getuid() == 0, "makes a loop device: needs root"))
struct CardReaderMediumTests {
    @Test func aReaderHoldsACardOnlyWhileItsDeviceHasASize() throws {
        #expect(!CardReaderMedium.holdsCard("/dev/no-such-reader-\(UUID().uuidString)"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let card = folder.appendingPathComponent("card.img")
        try Data(count: 1 << 20).write(to: card)
        let device = try Self.losetup(["--find", "--show", card.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        var attached = true
        defer { if attached { _ = try? Self.losetup(["-d", device]) } }
        #expect(device.hasPrefix("/dev/loop"))
        #expect(CardReaderMedium.holdsCard(device))
        let link = folder.appendingPathComponent("reader")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: device)
        #expect(CardReaderMedium.holdsCard(link.path), "a reader named by a link is the device it points to")
        _ = try Self.losetup(["-d", device])
        attached = false
        // The kernel drops the size when the file is detached; wait a moment for it.
        for _ in 0..<50 where CardReaderMedium.holdsCard(device) { usleep(20_000) }
        #expect(!CardReaderMedium.holdsCard(device), "the card is out: the device is still there, with size 0")
    }

    static func losetup(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/sbin/losetup")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: output, as: UTF8.self)
    }
}
