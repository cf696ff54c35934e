import Foundation
import Testing

/// The built binary's failures: one line `piwizard: …` on standard error, the exit status of the
/// README's table, and never Foundation's or SQLite's own text.
@Suite struct ExitStatusTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func anUnknownLessonIs66() throws {
        let output = try PiwizardProcess.run(["show", "expand-clustr"])
        #expect(output.status == 66)
        #expect(output.stderr.hasPrefix("piwizard: no lesson 'expand-clustr'"))
    }

    @Test func aLessonThatIsNotUTF8Is66WithAReason() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0xff, 0xfe, 0x00, 0x41]).write(to: dir.appendingPathComponent("bad.md"))
        let output = try PiwizardProcess.run(["show", "./bad.md"], in: dir)
        #expect(output.status == 66)
        #expect(output.stderr == "piwizard: cannot read bad.md: it is not UTF-8 text\n", "\(output.stderr)")
        #expect(!output.stderr.contains("The file") && !output.stderr.contains("couldn’t"), "no Foundation text: \(output.stderr)")
    }

    @Test func damagedSavedProgressIs65AndKeptAside() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try String(repeating: "garbage ", count: 100).write(to: dir.appendingPathComponent("progress.sqlite"), atomically: true, encoding: .utf8)
        let output = try PiwizardProcess.run(["status", "--state-dir", dir.path])
        #expect(output.status == 65)
        #expect(output.stderr.hasPrefix("piwizard: the saved progress in"), "\(output.stderr)")
        #expect(output.stderr.contains("is damaged"))
        let again = try PiwizardProcess.run(["status", "--state-dir", dir.path])
        #expect(again.status == 0 && again.stdout.contains("No saved runs"), "a new database after the damaged one was moved aside")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).contains { $0.hasPrefix("progress.corrupt-") })
    }

    @Test func aStateFolderThatIsAFileIs74() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("state")
        try "not a folder".write(to: file, atomically: true, encoding: .utf8)
        let output = try PiwizardProcess.run(["status", "--state-dir", file.path])
        #expect(output.status == 74, "\(output.stderr)")
        #expect(output.stderr.hasPrefix("piwizard: cannot save progress to"), "\(output.stderr)")
    }

    @Test func usageErrorsStayTheArgumentParsers() throws {
        let output = try PiwizardProcess.run(["start", "--no-such-option"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("Usage:"))
    }
}
