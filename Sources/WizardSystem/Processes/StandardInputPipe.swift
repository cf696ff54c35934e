#if canImport(Glibc)
import Glibc
#endif
import Wizard

/// A child's standard input that holds a few bytes and then ends: the bytes are in the pipe before
/// the child starts (a pipe holds at least 4096 bytes without a reader), so nothing waits on the child.
struct StandardInputPipe {
    /// The end the child reads (close-on-exec here; duplicated onto the child's descriptor 0).
    let readEnd: Int32

    /// A pipe holding `bytes`, or nil when there are none to give.
    init?(bytes: [UInt8]?, command: String) throws {
        guard let bytes else { return nil }
        guard bytes.count <= 4096 else {
            throw CommandRunnerError.cannotStart(command: command, reason: "the standard input to hand over is longer than a pipe holds")
        }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw CommandRunnerError.cannotStart(command: command, reason: "pipe: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        guard written == bytes.count else {
            close(ends[0])
            throw CommandRunnerError.cannotStart(command: command, reason: "could not fill the standard input pipe")
        }
        readEnd = ends[0]
    }

    func closeReadEnd() { close(readEnd) }
}
