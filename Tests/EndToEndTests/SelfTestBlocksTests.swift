import Foundation
import Testing

/// A lesson's self-test blocks (drills, repairs, solutions) are for `piwizard test` alone: lint reads
/// them, but `show`, `start --preview` and a session never show them, and a session never runs them.
@Suite struct SelfTestBlocksTests {
    static func lesson(marker: String) -> String {
        """
        ---
        id: drilled
        title: A drilled lesson
        summary: One step with a drill, a repair and a solution.
        ---
        ## Make the file {#make}

        ```sh {run}
        touch \(marker).made
        ```

        ```sh {check name="the file is there"}
        test -f \(marker).made
        ```

        ```sh {drill hint=1}
        rm -f \(marker).made; touch \(marker).drilled
        ```

        ```sh {repair}
        touch \(marker).made; touch \(marker).repaired
        ```

        ```sh {solve}
        touch \(marker).made; touch \(marker).solved
        ```

        > **Hint:** The file is missing: run the step again.
        """
    }

    @Test func learnersNeverSeeOrRunThem() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = folder.appendingPathComponent("marker").path
        try Self.lesson(marker: marker).write(to: folder.appendingPathComponent("drilled.md"), atomically: true, encoding: .utf8)
        let lessons = ["--lessons", folder.path]

        let lint = try PiwizardProcess.run(["lint", folder.appendingPathComponent("drilled.md").path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let shown = try PiwizardProcess.run(["show", "drilled", "--width", "100"] + lessons)
        #expect(shown.status == 0 && shown.stdout.contains("touch \(marker).made"), "\(shown.stdout)")
        let preview = try PiwizardProcess.run(["start", "drilled", "--preview"] + lessons)
        #expect(preview.status == 0 && preview.stdout.contains("touch \(marker).made"), "\(preview.stdout)")
        let run = try PiwizardProcess.run(["start", "drilled", "--yes"] + lessons, environment: ["PIWIZARD_STATE_DIR": folder.appendingPathComponent("state").path])
        #expect(run.status == 0 && run.stdout.contains("Lesson finished"), "\(run.stdout)\(run.stderr)")
        for (name, output) in [("show", shown.stdout), ("preview", preview.stdout), ("session", run.stdout)] {
            for word in ["drilled", "repaired", "solved", "drill", "repair", "solve"] {
                #expect(!output.contains(".\(word)") && !output.contains("{\(word)"), "\(name) shows a self-test block: \(output)")
            }
        }
        for word in ["drilled", "repaired", "solved"] {
            #expect(!FileManager.default.fileExists(atPath: "\(marker).\(word)"), "the session ran the \(word) block")
        }
        #expect(FileManager.default.fileExists(atPath: "\(marker).made"))
    }
}

/// `{run person}` in `piwizard test`: the step's `solve` block stands in for the person; without one
/// the self-test stops there (exit 3) and says what to add.
@Suite struct PersonInSelfTestTests {
    static func lesson(marker: String, solve: Bool) -> String {
        """
        ---
        id: person
        title: A step for a person
        summary: A command only a person answers, and what piwizard test does instead.
        ---
        ## Set the answer {#answer}

        ```sh {run person}
        read -r answer && printf '%s\\n' "$answer" > \(marker).answer
        ```

        ```sh {check name="the answer is written"}
        test -s \(marker).answer
        ```
        \(solve ? "\n```sh {solve}\necho 42 > \(marker).answer\n```\n" : "")
        ```sh {teardown}
        rm -f \(marker).answer
        ```
        """
    }

    @Test func theSolutionStandsInForThePerson() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = folder.appendingPathComponent("marker").path
        try Self.lesson(marker: marker, solve: true).write(to: folder.appendingPathComponent("person.md"), atomically: true, encoding: .utf8)
        let held = try PiwizardProcess.run(["test", "person", "--lessons", folder.path])
        #expect(held.status == 0, "\(held.stdout)\(held.stderr)")

        try Self.lesson(marker: marker, solve: false).write(to: folder.appendingPathComponent("person.md"), atomically: true, encoding: .utf8)
        let stopped = try PiwizardProcess.run(["test", "person", "--lessons", folder.path])
        #expect(stopped.status != 0)
        #expect((stopped.stdout + stopped.stderr).replacingOccurrences(of: "\n", with: " ").contains("give the step a {solve} block"), "\(stopped.stdout)\(stopped.stderr)")
    }
}
