import Foundation

/// Whether a card reader's device holds a card: the device (or the link to it) exists and the kernel
/// gives it a size. A USB reader without a card keeps its device with size 0; the practice lab's reader
/// link goes when its card is taken out.
public enum CardReaderMedium {
    public static func holdsCard(_ device: String) -> Bool {
        let resolved = URL(fileURLWithPath: device).resolvingSymlinksInPath().path
        guard FileManager.default.fileExists(atPath: resolved) else { return false }
        let name = (resolved as NSString).lastPathComponent
        guard let size = try? String(contentsOfFile: "/sys/class/block/\(name)/size", encoding: .utf8) else { return true }
        return size.trimmingCharacters(in: .whitespacesAndNewlines) != "0"
    }
}
