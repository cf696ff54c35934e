import Foundation
import Lessons
import Wizard
#if canImport(Glibc)
import Glibc
#endif

/// Makes a file that only its owner can read and write (0600), before anything else writes to it:
/// SQLite gives its WAL and shared-memory files the database file's mode.
enum PrivateFile {
    static func create(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ProgressStoreError.cannotWrite(path: path, reason: FileFailure.reason(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)))
        }
        fchmod(fd, 0o600)
        close(fd)
    }
}
