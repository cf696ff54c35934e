/// Where saved runs live (the SQLite progress database; tests may use another store). A save or an
/// update is all or nothing.
public protocol ProgressStore {
    /// The saved run of a lesson, nil if there is none.
    func load(lessonID: String) throws -> SavedRun?
    /// Replaces the lesson's saved run with `run`.
    func save(_ run: SavedRun) throws
    /// Writes one state change to a run saved before with `save`: costs what changed.
    func update(_ update: ProgressUpdate) throws
    func remove(lessonID: String) throws
    /// Every saved run, newest first.
    func all() throws -> [SavedRun]
}

/// Why saved progress could not be used or kept.
public enum ProgressStoreError: Error, Sendable, CustomStringConvertible {
    case corrupt(path: String, keptAt: String, reason: String)
    case newerVersion(path: String, version: Int)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)

    public var description: String {
        switch self {
        case let .corrupt(path, keptAt, reason):
            return "the saved progress in \(path) is damaged (\(reason)); it was kept aside as \(keptAt), and piwizard starts a new, empty one"
        case let .newerVersion(path, version):
            return "the saved progress in \(path) was written by a newer piwizard (format \(version)); update piwizard, or remove the file to start over"
        case let .cannotWrite(path, reason):
            return "cannot save progress to \(path): \(reason)"
        case let .cannotRead(path, reason):
            return "cannot read the saved progress in \(path): \(reason)"
        }
    }
}
