@preconcurrency import CReadline
import Foundation

/// Readline's history list, loaded from a file and appended to it line by line.
///
/// The list is capped at `limit` entries in memory and in the file (`stifle_history`,
/// `history_truncate_file`). Empty and blank lines are not stored, nor a line equal to the one before.
/// When the file cannot be made (a read-only home, say), history stays in memory for the session.
final class ReadlineHistory {
    /// The history file, nil when history is kept in memory only.
    let file: URL?
    /// The most entries kept.
    let limit: Int

    /// Loads history from `file`, creating its folder (mode 0700) and the file (mode 0600) when missing.
    init(file: URL?, limit: Int) {
        self.limit = max(1, limit)
        using_history()
        clear_history()
        stifle_history(Int32(clamping: self.limit))
        if let file, Self.prepare(file) {
            self.file = file
            read_history(file.path)
        } else {
            self.file = nil
        }
    }

    /// Adds `line` to the list and appends it to the file, unless it is blank or repeats the last entry.
    func remember(_ line: String) {
        guard Self.isWorthKeeping(line, after: lastEntry) else {
            return
        }
        add_history(line)
        if let file {
            append_history(1, file.path)
            history_truncate_file(file.path, Int32(clamping: limit))
        }
    }

    /// The newest entry, nil when the list is empty.
    var lastEntry: String? {
        guard history_length > 0, let entry = history_get(history_base + history_length - 1),
            let line = entry.pointee.line
        else {
            return nil
        }
        return String(cString: line)
    }

    /// Whether `line` belongs in history after `previous`: not blank, and not the same line again.
    static func isWorthKeeping(_ line: String, after previous: String?) -> Bool {
        !line.allSatisfy(\.isWhitespace) && line != previous
    }

    /// Creates the file's folder (0700) and the file (0600) if missing; false when that fails.
    private static func prepare(_ file: URL) -> Bool {
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return false
        }
        let fd = open(file.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            return false
        }
        close(fd)
        return true
    }
}
