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
