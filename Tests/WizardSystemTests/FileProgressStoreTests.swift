import Foundation
import Lessons
import Testing
import Wizard
import WizardSystem

@Suite struct FileProgressStoreTests {
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

    @Test func savesAtomicallyPrivatelyAndWithoutSecrets() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = FileProgressStore(folder: dir)
        var state = SessionState(inputs: ["password": .text("CANARY-pw"), "name": .text("Ada")])
        state.setStatus(.done, step: "one")
        let run = SavedRun(lesson: Self.lesson, lessonFile: "saved.md", state: state, now: Date(timeIntervalSince1970: 1_700_000_000), transcript: nil)
        try store.save(run)
        let file = dir.appendingPathComponent("saved.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(!text.contains("CANARY-pw"))
        #expect((try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["saved.json"], "no temporary file is left")
        let loaded = try #require(try store.load(lessonID: "saved"))
        #expect(loaded.state.inputs == ["name": .text("Ada")])
        #expect(loaded.state.status("one") == .done)
        #expect(try store.all().map(\.lessonID) == ["saved"])
        try store.remove(lessonID: "saved")
        #expect(try store.load(lessonID: "saved") == nil)
    }

    @Test func aCorruptFileIsKeptAsideAndReported() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "{\"version\": 1, \"lessonID\": \"saved\", trunc".write(to: dir.appendingPathComponent("saved.json"), atomically: true, encoding: .utf8)
        let store = FileProgressStore(folder: dir)
        #expect(throws: ProgressStoreError.self) { try store.load(lessonID: "saved") }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(names.count == 1 && names[0].hasPrefix("saved.corrupt-"))
        #expect(try String(contentsOf: dir.appendingPathComponent(names[0]), encoding: .utf8).hasSuffix("trunc"), "kept as it was")
    }

    @Test func aNewerFormatIsRefusedAndLeftAlone() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("saved.json")
        try "{\"version\": 99}".write(to: file, atomically: true, encoding: .utf8)
        let store = FileProgressStore(folder: dir)
        do {
            _ = try store.load(lessonID: "saved")
            Issue.record("a newer file must be refused")
        } catch let error as ProgressStoreError {
            #expect("\(error)".contains("written by a newer piwizard (format 99)"))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"version\": 99}")
    }
}
