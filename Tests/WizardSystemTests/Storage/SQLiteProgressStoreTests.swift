import Foundation
import GRDB
import Lessons
import Testing
import Wizard
@testable import WizardSystem

/// The progress database on the real file system: private, without secrets, writing only what changed,
/// refusing a newer format, keeping a damaged file aside, importing old JSON runs once, and losing
/// nothing when the disk is full.
@Suite struct SQLiteProgressStoreTests {
    static let lesson = LessonParser.parse("""
    ---
    id: saved
    title: Saved
    summary: One step.
    inputs:
      password: { type: secret }
      name: { type: string, default: Ada }
    ---
    ## One {#one}
    ```sh {run readonly}
    echo {{password}} {{name}}
    ```
    """, file: "saved.md").lesson

    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-store-\(UUID().uuidString)")
    }

    func run(_ state: SessionState) -> SavedRun {
        SavedRun(lesson: Self.lesson, lessonFile: "saved.md", state: state, now: Date(timeIntervalSince1970: 1_700_000_000), transcript: "/t.cast")
    }

    @discardableResult
    func execute(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func savesPrivatelyAndWithoutSecrets() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteProgressStore.open(stateFolder: dir)
        var state = SessionState(inputs: ["password": .secret(SecretValue("CANARY-pw")), "name": .text("Ada")])
        state.setStatus(.done, step: "one")
        state.edits[EditKey(step: "one", item: "", block: 0)] = "echo edited"
        state.practiceLab = "dv1"
        var saved = run(state)
        try store.save(saved)
        _ = state.takeChanges()
        state.inputs["password"] = .secret(SecretValue("CANARY-pw2"))
        state.inputs["name"] = .text("Grace")
        let update = ProgressUpdate(lesson: Self.lesson, state: state, changes: state.takeChanges(), now: Date(timeIntervalSince1970: 1_700_000_001), transcriptEvent: 3)
        try store.update(update)
        saved = update.applied(to: saved)
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
            #expect(bytes.range(of: Data("CANARY-pw".utf8)) == nil, "\(name) holds a secret")
            #expect(try mode(dir.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
        #expect(try mode(dir.path) == 0o700)
        let loaded = try #require(try store.load(lessonID: "saved"))
        #expect(loaded == saved)
        #expect(loaded.state.inputs == ["name": .text("Grace")] && loaded.state.practiceLab == "dv1" && loaded.state.edits == [EditKey(step: "one", item: "", block: 0): "echo edited"])
        #expect(try store.all().map(\.lessonID) == ["saved"])
        try store.remove(lessonID: "saved")
        #expect(try store.load(lessonID: "saved") == nil)
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM status") } == 0, "a removed run leaves no rows")
    }

    /// A state change of a 5,000-step run writes its own rows, not the run's.
    @Test func anUpdateWritesOnlyWhatChanged() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteProgressStore.open(stateFolder: dir)
        var state = SessionState(inputs: ["name": .text("Ada")])
        for index in 0..<5000 { state.setStatus(.done, step: "s\(index)") }
        var saved = run(state)
        try store.save(saved)
        _ = state.takeChanges()
        state.setStatus(.failed, step: "s42")
        state.removeStatuses(of: "s7")
        state.stepIndex = 43
        let update = ProgressUpdate(lesson: Self.lesson, state: state, changes: state.takeChanges(), now: Date(timeIntervalSince1970: 1_700_000_100), transcriptEvent: 9)
        saved = update.applied(to: saved)
        let before = store.queue.inDatabase { $0.totalChangesCount }
        try store.update(update)
        let written = store.queue.inDatabase { $0.totalChangesCount } - before
        #expect(written <= 3, "the run's row and two statuses, not \(written) rows")
        let loaded = try #require(try store.load(lessonID: "saved"))
        #expect(loaded.state == saved.state && loaded.marks == saved.marks && loaded.updatedAt == saved.updatedAt)
        #expect(loaded.state.status("s7") == .pending && loaded.state.status("s42") == .failed && loaded.state.stepIndex == 43)
    }

    @Test func aDamagedDatabaseIsKeptAsideAndANewOneStarted() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let garbage = String(repeating: "not a database, cut off mid-", count: 200)
        try garbage.write(to: dir.appendingPathComponent("progress.sqlite"), atomically: true, encoding: .utf8)
        do {
            _ = try SQLiteProgressStore.open(stateFolder: dir)
            Issue.record("a damaged database must be reported")
        } catch let error as ProgressStoreError {
            guard case let .corrupt(_, keptAt, _) = error else { Issue.record("\(error)"); return }
            #expect(try String(contentsOfFile: keptAt, encoding: .utf8) == garbage, "kept as it was")
            #expect("\(error)".contains("is damaged"))
        }
        let fresh = try SQLiteProgressStore.open(stateFolder: dir)
        #expect(try fresh.all().isEmpty)
    }

    /// A run's sessions' transcripts are kept in order; a database made before piwizard kept them (v1
    /// only) gets the table on open, and its run reads with its one transcript.
    @Test func aRunKeepsItsSessionsTranscriptsInOrder() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteProgressStore.open(stateFolder: dir)
        var saved = run(SessionState())
        saved.transcript = "/t/second.cast"
        saved.sessions = ["/t/first.cast", "/t/second.cast"]
        try store.save(saved)
        #expect(try store.load(lessonID: "saved")?.sessionTranscripts == ["/t/first.cast", "/t/second.cast"])
        try store.queue.write { db in
            try db.execute(sql: "DROP TABLE session")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2:%'")
        }
        let older = try SQLiteProgressStore.open(stateFolder: dir)
        #expect(try older.load(lessonID: "saved")?.sessionTranscripts == ["/t/second.cast"], "only the last one was known")
    }

    @Test func aNewerDatabaseIsRefusedAndLeftAlone() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteProgressStore.open(stateFolder: dir)
        try store.save(run(SessionState()))
        try store.queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v3: from the future')") }
        do {
            _ = try SQLiteProgressStore.open(stateFolder: dir)
            Issue.record("a newer database must be refused")
        } catch let error as ProgressStoreError {
            #expect("\(error)".contains("written by a newer piwizard (format 3)"))
        }
        #expect(try store.load(lessonID: "saved") != nil, "left as it was")
    }

    @Test func runsSavedAsJSONByAnOlderPiwizardAreImportedOnce() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs = dir.appendingPathComponent("runs")
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        var state = SessionState(inputs: ["name": .text("Grace")], stepIndex: 1)
        state.setStatus(.done, step: "one")
        let old = run(state)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(old).write(to: runs.appendingPathComponent("saved.json"))
        let store = try SQLiteProgressStore.open(stateFolder: dir)
        let imported = try #require(try store.load(lessonID: "saved"))
        #expect(imported.state == old.state && imported.stepHashes == old.stepHashes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: runs.path) == ["saved.json.imported"])
        try store.remove(lessonID: "saved")
        #expect(try SQLiteProgressStore.open(stateFolder: dir).load(lessonID: "saved") == nil, "imported once, not again")
    }

    /// On a small tmpfs filled up: the update fails with "the disk is full", the saved run stays as it
    /// was, and the same update works once there is room.
    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func aFullDiskIsReportedAndLosesNothing() throws {
        let dir = folder()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { _ = try? execute(["/bin/umount", dir.path]); try? FileManager.default.removeItem(at: dir) }
        try #require(try execute(["/bin/mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", dir.path]) == 0)
        let store = try SQLiteProgressStore.open(stateFolder: dir)
        var state = SessionState(inputs: ["name": .text("Ada")])
        try store.save(run(state))
        let filler = dir.appendingPathComponent("filler")
        try execute(["/bin/dd", "if=/dev/zero", "of=\(filler.path)", "bs=4k"])
        _ = state.takeChanges()
        for index in 0..<2000 { state.setStatus(.done, step: "step-with-a-long-name-\(index)") }
        let update = ProgressUpdate(lesson: Self.lesson, state: state, changes: state.takeChanges(), now: Date(), transcriptEvent: nil)
        do {
            try store.update(update)
            Issue.record("a full disk must be reported")
        } catch let error as ProgressStoreError {
            #expect("\(error)".hasSuffix("the disk is full"), "\(error)")
        }
        #expect(try store.load(lessonID: "saved")?.state.statuses.isEmpty == true, "the failed update left the run as it was")
        try FileManager.default.removeItem(at: filler)
        try store.update(update)
        #expect(try store.load(lessonID: "saved")?.state == state)
    }
}
