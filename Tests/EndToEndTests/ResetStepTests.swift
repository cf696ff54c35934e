import Foundation
import Testing

/// `reset --step S` on a finished run makes S pending again: `status` shows the run at S, and `resume`
/// runs S (and only S) before it says the lesson is finished.
@Suite struct ResetStepTests {
    @Test func aStepResetOnAFinishedRunIsRunAgainByResume() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-reset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log")
        try """
        ---
        id: two
        title: Two
        summary: Two steps that write to a log.
        ---

        ## A {#a}

        ```sh {run}
        echo a >> "$LOG"
        ```

        ## B {#b}

        ```sh {run}
        echo b >> "$LOG"
        ```

        """.write(to: dir.appendingPathComponent("two.md"), atomically: true, encoding: .utf8)
        let state = ["--state-dir", dir.appendingPathComponent("state").path]
        let env = ["LOG": log.path]
        #expect(try PiwizardProcess.run(["start", "./two.md", "--yes"] + state, in: dir, environment: env).status == 0)
        #expect(try PiwizardProcess.run(["reset", "two", "--step", "a"] + state, in: dir).stdout == "Step a of two is pending again.\n")
        let status = try PiwizardProcess.run(["status"] + state, in: dir)
        #expect(status.stdout.hasPrefix("two  at step 1 (a)  1 of 2 steps behind you"), "\(status.stdout)")
        let resume = try PiwizardProcess.run(["resume", "two", "--yes"] + state, in: dir, environment: env)
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Resuming at step 1 of 2"), "\(resume.stdout)")
        #expect(resume.stdout.contains("Lesson finished: 2 steps done."), "\(resume.stdout)")
        #expect(try String(contentsOf: log, encoding: .utf8) == "a\nb\na\n", "a ran again, b did not")
    }
}
