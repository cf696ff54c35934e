import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pipe standing for the learner's keyboard: the runner reads `readEnd`, the test types into it.
/// Each end is closed once only (a second close could hit another test's descriptor of that number).
final class Keyboard: @unchecked Sendable {
    let readEnd: Int32
    private let writeEnd: Int32
    private let lock = NSLock()
    private var writeOpen = true

    init() {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0, "pipe failed")
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Types `text` (raw bytes, so "\u{03}" is Ctrl-C and "\u{04}" is Ctrl-D).
    func type(_ text: String) {
        lock.withLock {
            precondition(writeOpen, "typing after hang-up")
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            precondition(written == bytes.count, "short write to the keyboard pipe")
        }
    }

    /// End of input: the runner stops reading the keyboard.
    func hangUp() {
        lock.withLock {
            if writeOpen { close(writeEnd) }
            writeOpen = false
        }
    }

    func closeAll() {
        hangUp()
        close(readEnd)
    }
}
