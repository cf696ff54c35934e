import Foundation
import Lessons
#if canImport(Glibc)
import Glibc
#endif

/// A transcript file being written: a new file (never an existing one) created with mode 0600 and appended to with one `write` per line,
/// straight to the kernel, so every event written is in the file even if the process is killed.
public final class TranscriptFile: @unchecked Sendable {
    public let url: URL
    private let descriptor: Int32
    private let lock = NSLock()
    private var firstFailure: String?

    /// Why a line could not be written ("the disk is full"), from the first failure on; nil while
    /// every line was written.
    public var failure: String? { lock.withLock { firstFailure } }

    /// Why a transcript file could not be made.
    public struct CreateError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write the transcript \(path): \(reason)" }
    }

    public init(url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CreateError(path: url.path, reason: "its folder cannot be made (\(FileFailure.reason(error)))")
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CreateError(path: url.path, reason: FileFailure.reason(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))) }
        self.url = url
        self.descriptor = fd
    }

    /// Flushes to disk off the session's path (see `syncInBackground`).
    private let flusher = DispatchQueue(label: "piwizard.transcript.flush")

    deinit {
        flusher.sync {}
        close(descriptor)
    }

    /// Appends one line (which carries its newline).
    @Sendable public func append(_ line: String) {
        lock.withLock {
            var bytes = Array(line.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    let reason = FileFailure.reason(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                    if firstFailure == nil { firstFailure = reason }
                    return
                }
                offset += written
            }
        }
    }

    /// Forces what was written to disk, and waits for it (at the end of a session).
    public func sync() {
        flusher.sync { _ = fsync(descriptor) }
    }

    /// Starts forcing what was written to disk and goes on at once (at step boundaries: a power cut
    /// loses at most about the current step's events, and the session never waits for the disk).
    /// A kill or a crash loses nothing either way: every line is in the kernel once `append` returns.
    public func syncInBackground() {
        flusher.async { [descriptor] in _ = fsync(descriptor) }
    }
}
