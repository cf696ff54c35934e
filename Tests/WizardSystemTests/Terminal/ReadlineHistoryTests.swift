import Foundation
import Testing
@testable import WizardSystem

/// Readline's history list works without a terminal. It is one C global, so these run one at a time.
@Suite("ReadlineHistory", .serialized)
struct ReadlineHistoryTests {
    private let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("history-tests-\(UUID().uuidString)", isDirectory: true)

    private func contents(_ file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("the folder is made 0700 and the file 0600")
    func createsPrivateFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state/piwizard/history")
        _ = ReadlineHistory(file: file, limit: 10)
        let manager = FileManager.default
        let folderMode = try manager.attributesOfItem(atPath: file.deletingLastPathComponent().path)[.posixPermissions]
        let fileMode = try manager.attributesOfItem(atPath: file.path)[.posixPermissions]
        #expect((folderMode as? NSNumber)?.intValue == 0o700)
        #expect((fileMode as? NSNumber)?.intValue == 0o600)
    }

    @Test("lines are appended to the file and loaded by the next session")
    func persists() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history")
        let first = ReadlineHistory(file: file, limit: 10)
        first.remember("ls -l")
        first.remember("whoami")
        #expect(try contents(file) == ["ls -l", "whoami"])
        let second = ReadlineHistory(file: file, limit: 10)
        #expect(second.lastEntry == "whoami")
    }

    @Test("blank lines and a repeat of the last line are not stored")
    func skipsBlankAndRepeats() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history")
        let history = ReadlineHistory(file: file, limit: 10)
        for line in ["a", "a", "", "   ", "b", "a"] {
            history.remember(line)
        }
        #expect(try contents(file) == ["a", "b", "a"])
        // A repeat of the last line of the previous session is skipped too.
        ReadlineHistory(file: file, limit: 10).remember("a")
        #expect(try contents(file) == ["a", "b", "a"])
    }

    @Test("history is capped in the file")
    func capped() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history")
        let history = ReadlineHistory(file: file, limit: 3)
        for number in 1...6 {
            history.remember("line \(number)")
        }
        #expect(try contents(file) == ["line 4", "line 5", "line 6"])
    }

    @Test("without a usable file, history stays in memory")
    func inMemory() {
        let history = ReadlineHistory(file: URL(fileURLWithPath: "/proc/none/history"), limit: 5)
        #expect(history.file == nil)
        history.remember("kept")
        #expect(history.lastEntry == "kept")
    }
}
