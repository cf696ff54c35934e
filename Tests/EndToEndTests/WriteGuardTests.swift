import Foundation
import Testing

/// A command that writes a path input (`dd … of={{image}}`) is refused before it runs, unattended too,
/// when the path is the file behind the card's loop device (the practice lab's reader holds a node's
/// card file) or a block device; the card keeps every byte. A real loop device, the built binary.
@Suite(.serialized, .enabled(if: getuid() == 0 && FileManager.default.fileExists(atPath: "/dev/loop-control"), "loop devices need root"))
struct WriteGuardTests {
    static let lesson = """
    ---
    id: image-card
    title: Image a card
    summary: Copies the start of a card into an image file.
    inputs:
      card: { type: block-device }
      image: { type: path }
    ---
    # Image a card

    ## Image {#image}

    ```sh {run}
    dd if={{card}} of={{image}} bs=4096 count=1 status=none && touch {{image}}.copied
    ```

    ```sh {check}
    test -s {{image}} && test -f {{image}}.copied
    ```

    """

    /// Runs the lesson with `image`, a real loop device over a 1 MiB card file; `image` may name the
    /// card file (`CARD`) or a link to the loop device (`LINK`).
    func image(_ image: String) throws -> (output: PiwizardProcess.Output, cardSize: Int, card: String, loop: String) {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let card = dir.appendingPathComponent("node1.img").path
        try Data(repeating: 0x5A, count: 1 << 20).write(to: URL(fileURLWithPath: card))
        let attached = try PiwizardProcess.shell("losetup -f --show -- \(PiwizardProcess.quote(card))")
        try #require(attached.status == 0, "\(attached.stderr)")
        let loop = attached.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? PiwizardProcess.shell("losetup -d \(PiwizardProcess.quote(loop))") }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link").path, withDestinationPath: loop)
        try Self.lesson.write(to: dir.appendingPathComponent("image-card.md"), atomically: true, encoding: .utf8)
        let path = image.replacingOccurrences(of: "CARD", with: card).replacingOccurrences(of: "LINK", with: dir.appendingPathComponent("link").path)
        let output = try PiwizardProcess.run(["start", "./image-card.md", "--yes", "--state-dir", dir.appendingPathComponent("state").path,
                                              "--var", "card=\(loop)", "--var", "image=\(path)"], in: dir)
        let size = (try FileManager.default.attributesOfItem(atPath: card)[.size] as? Int) ?? -1
        return (output, size, card, loop)
    }

    @Test func theFileBehindTheCardIsNotWrittenOver() throws {
        let result = try image("CARD")
        #expect(result.output.status != 0)
        #expect(result.output.unwrappedStdout.contains("Refused: image is \(result.card), the file behind card (\(result.loop))"), "\(result.output.stdout)")
        #expect(result.cardSize == 1 << 20, "the card keeps its size")
    }

    @Test func aBlockDeviceBehindALinkIsNotWrittenAsAFile() throws {
        let result = try image("LINK")
        #expect(result.output.status != 0)
        #expect(result.output.unwrappedStdout.contains("a block device (\(result.loop))"), "\(result.output.stdout)")
        #expect(result.cardSize == 1 << 20)
    }

    @Test func anotherFileIsWritten() throws {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try image(dir.appendingPathComponent("copy.img").path)
        #expect(result.output.status == 0, "\(result.output.stdout)\(result.output.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("copy.img").path))
    }
}
