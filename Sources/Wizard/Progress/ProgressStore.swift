/// Where saved runs live. The file store writes atomically; tests may use a memory store.
public protocol ProgressStore {
    /// The saved run of a lesson, nil if there is none. Throws `ProgressStoreError` for a file that
    /// cannot be trusted (it is then kept aside, never overwritten).
    func load(lessonID: String) throws -> SavedRun?
    func save(_ run: SavedRun) throws
    func remove(lessonID: String) throws
    /// Every saved run, newest first.
    func all() throws -> [SavedRun]
}

/// Why saved progress could not be used.
public enum ProgressStoreError: Error, Sendable, CustomStringConvertible {
    case corrupt(path: String, keptAt: String, reason: String)
    case newerVersion(path: String, version: Int)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .corrupt(path, keptAt, reason):
            return "the saved progress in \(path) is damaged (\(reason)); it was moved to \(keptAt) and this run starts afresh"
        case let .newerVersion(path, version):
            return "the saved progress in \(path) was written by a newer piwizard (format \(version)); update piwizard, or remove the file to start over"
        case let .cannotWrite(path, reason):
            return "cannot save progress to \(path): \(reason)"
        }
    }
}
