import GRDB

/// The tables of the progress database, as GRDB migrations: one row per saved run, and rows for its
/// inputs, statuses (with when each last changed), step hashes, edits and sessions' transcripts, so that a change writes only
/// its own rows. A database with a migration this piwizard does not know is refused (a newer piwizard).
enum ProgressSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, inputs, statuses, step hashes, edits") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    lesson_id TEXT PRIMARY KEY NOT NULL,
                    lesson_file TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    finished INTEGER NOT NULL,
                    step_index INTEGER NOT NULL,
                    practice_lab TEXT,
                    transcript TEXT
                );
                CREATE TABLE input (
                    lesson_id TEXT NOT NULL REFERENCES run(lesson_id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (lesson_id, name)
                ) WITHOUT ROWID;
                CREATE TABLE status (
                    lesson_id TEXT NOT NULL REFERENCES run(lesson_id) ON DELETE CASCADE,
                    step_id TEXT NOT NULL,
                    item TEXT NOT NULL,
                    status TEXT NOT NULL,
                    changed_at REAL,
                    transcript_event INTEGER,
                    PRIMARY KEY (lesson_id, step_id, item)
                ) WITHOUT ROWID;
                CREATE TABLE step_hash (
                    lesson_id TEXT NOT NULL REFERENCES run(lesson_id) ON DELETE CASCADE,
                    step_id TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    PRIMARY KEY (lesson_id, step_id)
                ) WITHOUT ROWID;
                CREATE TABLE edit (
                    lesson_id TEXT NOT NULL REFERENCES run(lesson_id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (lesson_id, key)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: the transcripts of a run's sessions") { db in
            try db.execute(sql: """
                CREATE TABLE session (
                    lesson_id TEXT NOT NULL REFERENCES run(lesson_id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    transcript TEXT NOT NULL,
                    PRIMARY KEY (lesson_id, position)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
