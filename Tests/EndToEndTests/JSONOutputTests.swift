import Foundation
import Testing

/// `check`, `transcript show` and `status` print the same records as JSON, in schema 1.
@Suite struct JSONOutputTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func checkReportsEveryStepAndItsChecks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        ---
        id: checked
        title: Checked
        summary: One check that holds, one that does not.
        ---
        ## Holds {#holds}

        ```sh {run}
        true
        ```

        ```sh {check}
        test -d /
        ```

        ## Does not {#does-not}

        ```sh {run}
        true
        ```

        ```sh {check}
        test -e /no/such/file
        ```
        """.write(to: dir.appendingPathComponent("checked.md"), atomically: true, encoding: .utf8)
        let output = try PiwizardProcess.run(["check", "./checked.md", "--json", "--state-dir", dir.appendingPathComponent("state").path], in: dir)
        #expect(output.status == 1, "a failed check fails the command: \(output.stderr)")
        let report = try object(output.stdout)
        #expect(report["schema"] as? Int == 1 && report["lesson"] as? String == "checked")
        let steps = try #require(report["steps"] as? [[String: Any]])
        #expect(steps.map { $0["id"] as? String } == ["holds", "does-not"])
        let items = steps.compactMap { ($0["items"] as? [[String: Any]])?.first }
        #expect(items.map { $0["passed"] as? Bool } == [true, false])
        let failed = try #require((items[1]["checks"] as? [[String: Any]])?.first)
        #expect(failed["expected"] as? String == "exit status 0")
        #expect((failed["found"] as? String)?.hasPrefix("exit status 1") == true)
    }

    @Test func transcriptShowGivesTheStepsTheirCommandsAndChecks() throws {
        let file = PiwizardProcess.repository.appendingPathComponent("transcripts/tour-clean.cast").path
        let text = try PiwizardProcess.run(["transcript", "show", file])
        let json = try PiwizardProcess.run(["transcript", "show", file, "--json"])
        #expect(json.status == 0 && text.status == 0)
        let summary = try object(json.stdout)
        #expect(summary["schema"] as? Int == 1 && summary["lesson"] as? String == "tour")
        let steps = try #require(summary["steps"] as? [[String: Any]])
        let stepLines = text.stdout.split(separator: "\n").filter { $0.hasPrefix("[") && ($0.contains("] step ") || $0.contains("] before the first step")) }
        #expect(steps.count == stepLines.count, "one record per step line")
        let entries = steps.flatMap { $0["entries"] as? [[String: Any]] ?? [] }
        #expect(entries.contains { $0["command"] != nil } && entries.contains { $0["check"] != nil } && entries.contains { $0["settled"] != nil })
        let failed = try #require(summary["failedChecks"] as? Int)
        #expect(text.stdout.contains(" passed, \(failed) failed"), "\(text.stdout)")
        #expect(entries.contains { $0["lookup"] != nil } && entries.contains { $0["typed"] != nil }, "look-ups and typed lines are entries of their own")
        #expect((summary["end"] as? String)?.hasPrefix("Lesson finished") == true)
    }
}
