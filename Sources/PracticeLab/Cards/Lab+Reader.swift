import Foundation

/// The lab's card reader: a card in it is attached as a loop device with its partitions, and
/// `layout.reader` links to that disk, as `/dev/disk/by-id/…` links to a USB reader's.
extension Lab {
    /// The node whose card is in the reader.
    public func cardInReader() -> Int? {
        let card = cardPathInReader()
        return (1...layout.nodeCount).first { layout.card($0) == card }
    }

    /// The file of the card in the reader.
    private func cardPathInReader() -> String? { readerState.first }

    /// The loop device of the card in the reader (e.g. `/dev/loop7`).
    public func readerDevice() -> String? { readerState.count > 1 ? readerState[1] : nil }

    /// What `insertCard` wrote down: the card's file, then its loop device (nothing: the reader is empty).
    private var readerState: [String] {
        ((try? String(contentsOfFile: layout.readerState, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Takes node K's card out (switching the node off first, as one shuts a Pi down before) and puts it
    /// into the reader. A card already in the reader goes back to its node.
    public func insertCard(_ number: Int) throws {
        if supervisorProcess(number) != nil { try powerOff(number) }
        try ejectCard()
        let attach = "attach_card " + LabShell.line([layout.card(number)])
        let device = try shell.script(CardDeviceScript.functions + attach, named: attach)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try LabFile.write(layout.readerState, layout.card(number) + "\n" + device + "\n")
        try? FileManager.default.removeItem(atPath: layout.reader)
        try FileManager.default.createSymbolicLink(atPath: layout.reader, withDestinationPath: device)
    }

    /// Takes the card out of the reader (it goes back to its node).
    public func ejectCard() throws {
        if let device = readerDevice(), let card = cardPathInReader() {
            _ = shell.attempt(["sync"])
            let detach = "detach_card " + LabShell.line([device, card])
            try shell.script(CardDeviceScript.functions + detach, named: detach)
        }
        try? FileManager.default.removeItem(atPath: layout.reader)
        try? FileManager.default.removeItem(atPath: layout.readerState)
    }

    /// Throws node K's card away and puts a new, empty one in its slot (a card that died): the node is
    /// switched off first, and its card taken out of the reader if it is there. Node 1's card holds the
    /// lab's master and is refused.
    public func replaceCard(_ number: Int) throws {
        guard number != 1 else { throw LabError.invalid("node1 is the master the lab was made with; its card is not replaced (bring the lab down for a new one)") }
        if supervisorProcess(number) != nil { try powerOff(number) }
        if cardInReader() == number { try ejectCard() }
        try CardBuilder(layout: layout, flavour: flavour, image: "").buildBlankCard(number)
    }
}
