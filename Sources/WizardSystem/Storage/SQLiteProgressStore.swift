import Foundation
import GRDB
import Lessons
import Wizard

/// Saved runs in an SQLite database (`progress.sqlite` in the state folder, mode 0600), through GRDB, in
/// WAL mode: every save or update is one transaction that writes only the rows that changed. A crash or
/// a kill never loses a committed change (WAL); against a power cut, a change that marks a step running
/// (before its commands start), a finished run and a whole save are flushed to disk before they return
/// (`synchronous=FULL` for that commit, which also flushes the ones before it), so a step is never run
/// twice by mistake; other changes ride along with the next flush. Runs saved as JSON files by an older
/// piwizard (`runs/*.json`) are imported the first time the database is opened.
public struct SQLiteProgressStore: ProgressStore, Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// The database in `stateFolder`; SQLite keeps `-wal` and `-shm` files beside it.
    public static func databasePath(in stateFolder: URL) -> String { stateFolder.appendingPathComponent("progress.sqlite").path }

    /// Removes the database of a state folder that is done with, and SQLite's files beside it.
    public static func remove(in stateFolder: URL) {
        let path = databasePath(in: stateFolder)
        for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
    }

    /// Opens (or makes) the database in `stateFolder`. A damaged database is moved aside and reported
    /// (`ProgressStoreError.corrupt`; opening again then starts a new one); a newer one is refused.
    public static func open(stateFolder: URL) throws -> SQLiteProgressStore {
        let path = databasePath(in: stateFolder)
        do {
            try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ProgressStoreError.cannotWrite(path: path, reason: "its folder cannot be made (\(FileFailure.reason(error)))")
        }
        try PrivateFile.create(path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let store = SQLiteProgressStore(path: path, queue: queue)
            let migrator = ProgressSchema.migrator
            try queue.write { db in
                if try migrator.hasBeenSuperseded(db) {
                    throw ProgressStoreError.newerVersion(path: path, version: try migrator.appliedIdentifiers(db).count)
                }
            }
            try migrator.migrate(queue)
            try LegacyRunFiles(folder: stateFolder.appendingPathComponent("runs")).importOnce(into: store)
            return store
        } catch let error as ProgressStoreError {
            throw error
        } catch let error as DatabaseError where StorageFailure.isDamage(error) {
            throw ProgressStoreError.corrupt(path: path, keptAt: StorageFailure.moveAside(path), reason: StorageFailure.reason(error))
        } catch {
            throw ProgressStoreError.cannotRead(path: path, reason: StorageFailure.reason(error))
        }
    }

    public func load(lessonID: String) throws -> SavedRun? {
        try reading { db in try ProgressRows.run(lessonID, in: db) }
    }

    public func all() throws -> [SavedRun] {
        try reading { db in
            try String.fetchAll(db, sql: "SELECT lesson_id FROM run ORDER BY updated_at DESC").compactMap { try ProgressRows.run($0, in: db) }
        }
    }

    public func save(_ run: SavedRun) throws {
        try writing(durably: true) { db in
            try db.execute(sql: "DELETE FROM run WHERE lesson_id = ?", arguments: [run.lessonID])
            try ProgressRows.writeRun(run, in: db)
            try ProgressRows.writeInputs(run.state.inputs, of: run.lessonID, in: db)
            try ProgressRows.writeEdits(run.state.edits, of: run.lessonID, in: db)
            for (step, items) in run.state.statuses {
                for (item, status) in items {
                    try ProgressRows.writeStatus(StatusKey(step: step, item: item), status, mark: run.marks[step]?[item], of: run.lessonID, in: db)
                }
            }
            for (step, hash) in run.stepHashes { try ProgressRows.writeStepHash(step, hash, of: run.lessonID, in: db) }
        }
    }

    public func update(_ update: ProgressUpdate) throws {
        let durable = update.finished || update.statuses.values.contains { $0.status == .running }
        try writing(durably: durable) { db in
            try ProgressRows.execute("UPDATE run SET updated_at = ?, finished = ?, step_index = ?, practice_lab = ? WHERE lesson_id = ?",
                                     [update.updatedAt.timeIntervalSince1970, update.finished, update.stepIndex, update.practiceLab, update.lessonID], in: db)
            guard db.changesCount == 1 else { throw ProgressStoreError.cannotWrite(path: path, reason: "no saved run of \(update.lessonID) to update") }
            if let inputs = update.inputs { try ProgressRows.writeInputs(inputs, of: update.lessonID, in: db) }
            if let edits = update.edits { try ProgressRows.writeEdits(edits, of: update.lessonID, in: db) }
            for (key, mark) in update.statuses { try ProgressRows.writeStatus(key, mark.status, mark: mark, of: update.lessonID, in: db) }
            for key in update.removed {
                try ProgressRows.execute("DELETE FROM status WHERE lesson_id = ? AND step_id = ? AND item = ?", [update.lessonID, key.step, key.item], in: db)
            }
            for (step, hash) in update.stepHashes { try ProgressRows.writeStepHash(step, hash, of: update.lessonID, in: db) }
        }
    }

    public func remove(lessonID: String) throws {
        try writing(durably: true) { db in try db.execute(sql: "DELETE FROM run WHERE lesson_id = ?", arguments: [lessonID]) }
    }

    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch let error as ProgressStoreError { throw error } catch {
            throw ProgressStoreError.cannotRead(path: path, reason: StorageFailure.reason(error))
        }
    }

    /// One transaction; `durably`: on disk before it returns (GRDB's WAL set-up chooses NORMAL, which
    /// flushes only at checkpoints).
    func writing(durably: Bool = false, _ body: (Database) throws -> Void) throws {
        do {
            try queue.writeWithoutTransaction { db in
                if durably { try ProgressRows.execute("PRAGMA synchronous = FULL", in: db) }
                defer { if durably { try? ProgressRows.execute("PRAGMA synchronous = NORMAL", in: db) } }
                try db.inTransaction {
                    try body(db)
                    return .commit
                }
            }
        } catch let error as ProgressStoreError { throw error } catch {
            throw ProgressStoreError.cannotWrite(path: path, reason: StorageFailure.reason(error))
        }
    }
}
