import Foundation
import GRDB
import Lessons

/// The progress database's failures in words a learner can act on (never SQLite's or Foundation's
/// codes alone; file system errors are `FileFailure`'s), and keeping a damaged database aside.
enum StorageFailure {
    static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    static func reason(_ error: Error) -> String {
        guard let error = error as? DatabaseError else { return FileFailure.reason(error) }
        switch error.resultCode {
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another piwizard is writing to it; try again when it has finished"
        case .SQLITE_READONLY, .SQLITE_PERM: return "it is read-only for this user"
        case .SQLITE_CANTOPEN: return "it cannot be opened (its folder is missing or not writable)"
        case .SQLITE_IOERR: return "the disk reported an error while reading or writing it"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "SQLite reads it as: \(error.message ?? "not a database")"
        default: return "SQLite error \(error.extendedResultCode.rawValue)" + (error.message.map { ": \($0)" } ?? "")
        }
    }

    /// Moves the database and its WAL aside (`progress.corrupt-TIME.sqlite`, `-TIME-2` for a second
    /// one in the same second: a copy kept aside is never overwritten); returns the new path.
    static func moveAside(_ path: String) -> String {
        let stamp = path.replacingOccurrences(of: ".sqlite", with: ".corrupt-\(Int(Date().timeIntervalSince1970))")
        var aside = stamp + ".sqlite"
        var number = 1
        while FileManager.default.fileExists(atPath: aside) {
            number += 1
            aside = "\(stamp)-\(number).sqlite"
        }
        for suffix in ["", "-wal", "-shm"] {
            rename(path + suffix, aside + suffix)
        }
        return aside
    }
}
