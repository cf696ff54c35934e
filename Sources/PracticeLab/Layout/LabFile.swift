import Foundation

/// Writes the lab's own files (scripts, settings, a card's configuration) whole, with their mode.
enum LabFile {
    /// Writes `text` to `path` atomically and sets its mode.
    static func write(_ path: String, _ text: String, mode: Int = 0o644) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        guard chmod(path, mode_t(mode)) == 0 else { throw LabError.invalid("cannot set the mode of \(path)") }
    }
}
