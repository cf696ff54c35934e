import Foundation
import GRDB
import Lessons
import Wizard

/// How a saved run maps to the progress database's rows (see `ProgressSchema`), both ways.
enum ProgressRows {
    /// Runs one of the statements a step writes, prepared once per connection (SQLite compiling the
    /// same few statements at every step showed in a short step's cost).
    static func execute(_ sql: String, _ arguments: StatementArguments = [], in db: Database) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    static func writeRun(_ run: SavedRun, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO run (lesson_id, lesson_file, started_at, updated_at, finished, step_index, practice_lab, transcript)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (lesson_id) DO UPDATE SET lesson_file = excluded.lesson_file, started_at = excluded.started_at,
                updated_at = excluded.updated_at, finished = excluded.finished, step_index = excluded.step_index,
                practice_lab = excluded.practice_lab, transcript = excluded.transcript
            """, arguments: [run.lessonID, run.lessonFile, run.startedAt.timeIntervalSince1970, run.updatedAt.timeIntervalSince1970,
                             run.finished, run.state.stepIndex, run.state.practiceLab, run.transcript])
        try db.execute(sql: "DELETE FROM session WHERE lesson_id = ?", arguments: [run.lessonID])
        for (position, transcript) in (run.sessions ?? []).enumerated() {
            try db.execute(sql: "INSERT INTO session (lesson_id, position, transcript) VALUES (?, ?, ?)", arguments: [run.lessonID, position, transcript])
        }
    }

    /// The inputs, as JSON values (secrets never reach saved progress: `SavedRun` and
    /// `ProgressUpdate` drop them).
    static func writeInputs(_ inputs: [String: InputValue], of lessonID: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM input WHERE lesson_id = ?", arguments: [lessonID])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (name, value) in inputs {
            let json = String(decoding: try encoder.encode(value), as: UTF8.self)
            try db.execute(sql: "INSERT INTO input (lesson_id, name, value) VALUES (?, ?, ?)", arguments: [lessonID, name, json])
        }
    }

    static func writeEdits(_ edits: [EditKey: String], of lessonID: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM edit WHERE lesson_id = ?", arguments: [lessonID])
        for (key, text) in edits {
            try db.execute(sql: "INSERT INTO edit (lesson_id, key, text) VALUES (?, ?, ?)", arguments: [lessonID, key.description, text])
        }
    }

    /// One status, with when it last changed (nil for a status saved without a mark).
    static func writeStatus(_ key: StatusKey, _ status: StepStatus, mark: SavedRun.Mark?, of lessonID: String, in db: Database) throws {
        try execute("INSERT OR REPLACE INTO status (lesson_id, step_id, item, status, changed_at, transcript_event) VALUES (?, ?, ?, ?, ?, ?)",
                    [lessonID, key.step, key.item, status.rawValue, mark?.at.timeIntervalSince1970, mark?.transcriptEvent], in: db)
    }

    static func writeStepHash(_ step: String, _ hash: String, of lessonID: String, in db: Database) throws {
        try execute("INSERT OR REPLACE INTO step_hash (lesson_id, step_id, hash) VALUES (?, ?, ?)", [lessonID, step, hash], in: db)
    }

    /// The saved run of a lesson, nil when there is none. A row that cannot be read (a status this
    /// piwizard does not know, an input that is not JSON) is an error, never skipped.
    static func run(_ lessonID: String, in db: Database) throws -> SavedRun? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE lesson_id = ?", arguments: [lessonID]) else { return nil }
        let decoder = JSONDecoder()
        var inputs: [String: InputValue] = [:]
        for input in try Row.fetchAll(db, sql: "SELECT name, value FROM input WHERE lesson_id = ?", arguments: [lessonID]) {
            let name: String = input["name"]
            let text: String = input["value"]
            guard let value = try? decoder.decode(InputValue.self, from: Data(text.utf8)) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "input '\(name)' of \(lessonID) is not a value")
            }
            inputs[name] = value
        }
        var statuses: [String: [String: StepStatus]] = [:]
        var marks: [String: [String: SavedRun.Mark]] = [:]
        for status in try Row.fetchAll(db, sql: "SELECT * FROM status WHERE lesson_id = ?", arguments: [lessonID]) {
            let step: String = status["step_id"]
            let item: String = status["item"]
            let text: String = status["status"]
            guard let value = StepStatus(rawValue: text) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "step \(step) of \(lessonID) has the unknown status '\(text)'")
            }
            statuses[step, default: [:]][item] = value
            if let at: Double = status["changed_at"] {
                marks[step, default: [:]][item] = SavedRun.Mark(status: value, at: Date(timeIntervalSince1970: at), transcriptEvent: status["transcript_event"])
            }
        }
        let hashes = try Row.fetchAll(db, sql: "SELECT step_id, hash FROM step_hash WHERE lesson_id = ?", arguments: [lessonID])
        let edits = try Row.fetchAll(db, sql: "SELECT key, text FROM edit WHERE lesson_id = ?", arguments: [lessonID])
        var state = SessionState(inputs: inputs, stepIndex: row["step_index"], statuses: statuses,
                                 edits: Dictionary(edits.compactMap { row in EditKey(row["key"] ?? "").map { ($0, row["text"]) } }, uniquingKeysWith: { _, last in last }))
        state.practiceLab = row["practice_lab"]
        return SavedRun(lessonID: lessonID, lessonFile: row["lesson_file"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                        updatedAt: Date(timeIntervalSince1970: row["updated_at"]), finished: row["finished"], state: state,
                        stepHashes: Dictionary(hashes.map { ($0["step_id"], $0["hash"]) }, uniquingKeysWith: { _, last in last }),
                        marks: marks, transcript: row["transcript"],
                        sessions: try String.fetchAll(db, sql: "SELECT transcript FROM session WHERE lesson_id = ? ORDER BY position", arguments: [lessonID]))
    }
}
