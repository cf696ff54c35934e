import Foundation
import Testing

/// A run that was quit and resumed is two sessions, two transcripts: `status` names both, and
/// `transcript show --run LESSON` tells them in order.
@Suite struct RunSessionsTests {
    @Test func aQuitAndResumedRunShowsBothSessionsInOrder() throws {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        ---
        id: two
        title: Two
        summary: Two steps.
        ---

        ## A {#a}

        ```sh {run readonly}
        echo first step
        ```

        ## B {#b}

        ```sh {run readonly}
        echo second step
        ```

        """.write(to: dir.appendingPathComponent("two.md"), atomically: true, encoding: .utf8)
        let binary = PiwizardProcess.binary.path
        let state = "--state-dir '\(dir.appendingPathComponent("state").path)'"
        let first = try PiwizardProcess.shell("cd '\(dir.path)' && printf '\\nquit\\n' | '\(binary)' start ./two.md \(state)")
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let second = try PiwizardProcess.shell("cd '\(dir.path)' && printf '\\n' | '\(binary)' resume two \(state)")
        #expect(second.stdout.contains("Lesson finished"), "\(second.stdout)\(second.stderr)")

        let status = try PiwizardProcess.shell("'\(binary)' status \(state)")
        let files = status.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasSuffix(".cast") }
        #expect(status.stdout.contains("2 sessions (piwizard transcript show --run two):"), "\(status.stdout)")
        #expect(files.count == 2 && files[0] < files[1], "both transcripts, the first first: \(status.stdout)")

        let show = try PiwizardProcess.shell("'\(binary)' transcript show --run two \(state)")
        #expect(show.status == 0, "\(show.stderr)")
        let one = try #require(show.stdout.range(of: "Session 1 of 2: \(files.first ?? "?")"), "\(show.stdout)")
        let two = try #require(show.stdout.range(of: "Session 2 of 2: \(files.last ?? "?")"), "\(show.stdout)")
        #expect(show.stdout[one.upperBound..<two.lowerBound].contains("$ echo first step"))
        #expect(show.stdout[two.upperBound...].contains("$ echo second step") && !show.stdout[two.upperBound...].contains("first step"))
        let json = try PiwizardProcess.shell("'\(binary)' transcript show --run two --json \(state)")
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 2, "\(json.stdout)")
        let nothing = try PiwizardProcess.shell("'\(binary)' transcript show --run nosuch \(state)")
        #expect(nothing.status == 66 && nothing.stderr.contains("no saved run of nosuch"), "\(nothing.stderr)")
    }
}
