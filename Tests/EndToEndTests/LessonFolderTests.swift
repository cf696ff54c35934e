import Foundation
import Testing

/// What `list`, `lint` and `show` make of a lesson folder holding things that are not lessons: a
/// folder or a FIFO named `*.md` is skipped (reading a FIFO would wait forever), and a lesson whose id
/// is another lesson's is a lint error naming both files.
@Suite struct LessonFolderTests {
    static let tour = try! String(contentsOf: PiwizardProcess.repository.appendingPathComponent("lessons/tour.md"), encoding: .utf8)

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lessons/sub.md"), withIntermediateDirectories: true)
        try Self.tour.write(to: dir.appendingPathComponent("lessons/tour.md"), atomically: true, encoding: .utf8)
        #expect(mkfifo(dir.appendingPathComponent("lessons/pipe.md").path, 0o644) == 0)
        return dir
    }

    @Test func aFolderOrAFIFOIsNotALesson() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = try PiwizardProcess.run(["list"], in: dir)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == 2, "a header and the tour: \(list.stdout)")
        #expect(!list.stdout.contains("sub") && !list.stdout.contains("pipe"))
        let lint = try PiwizardProcess.run(["lint"], in: dir)
        #expect(lint.status == 0 && lint.stderr == "1 lesson checked: 0 errors, 0 warnings\n", "\(lint.stderr)")
        let pipe = try PiwizardProcess.run(["show", "lessons/pipe.md"], in: dir)
        #expect(pipe.status == 66)
        #expect(pipe.stderr == "piwizard: cannot read lessons/pipe.md: it is a FIFO (a named pipe), not a lesson file\n")
        let sub = try PiwizardProcess.run(["start", "lessons/sub.md"], in: dir)
        #expect(sub.status == 66)
        #expect(sub.stderr == "piwizard: cannot read lessons/sub.md: it is a folder, not a lesson file\n")
    }

    @Test func twoLessonsWithOneIdAreALintErrorNamingBoth() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.tour.write(to: dir.appendingPathComponent("lessons/tour-copy.md"), atomically: true, encoding: .utf8)
        let lint = try PiwizardProcess.run(["lint"], in: dir)
        #expect(lint.status == 1)
        #expect(lint.stdout == "lessons/tour-copy.md:2:1: error: the id 'tour' is also the lesson lessons/tour.md; give each lesson its own id, the name of its file (id: tour-copy)\n", "\(lint.stdout)")
        let start = try PiwizardProcess.run(["start", "tour-copy", "--yes", "--state-dir", dir.appendingPathComponent("state").path], in: dir)
        #expect(start.status == 65, "the copy does not load: \(start.stderr)")
    }
}
