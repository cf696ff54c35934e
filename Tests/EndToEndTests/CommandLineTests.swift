import Foundation
import Testing

/// The built binary, run as a user would run it, on the shipped lessons and on lessons made here.
@Suite struct CommandLineTests {
    static let brokenLesson = """
    ---
    id: broken
    title: Broken
    summary: Two errors and a warning.
    inputs:
      unused: { type: string, default: x }
    ---
    ## Copy {#copy requires=nowhere}

    ```sh {run on=node}
    cp a b
    ```
    """

    static let miniLesson = """
    ---
    id: mini
    title: Mini lesson
    summary: One step.
    time: 1m
    ---
    ## Look {#look}

    ```sh {run readonly}
    ls
    ```
    """

    @Test func listShowsTheShippedLessons() throws {
        let output = try PiwizardProcess.run(["list"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.contains { $0.hasPrefix("expand-cluster ") })
        #expect(lines.contains { $0.hasPrefix("tour ") })
        #expect(!output.stdout.contains("\u{1B}"), "no colour when stdout is not a terminal")
    }

    @Test func listAsJSON() throws {
        struct Entry: Decodable { var id: String; var title: String; var steps: Int; var errors: Int; var path: String }
        let output = try PiwizardProcess.run(["list", "--json"])
        #expect(output.status == 0)
        let entries = try JSONDecoder().decode([Entry].self, from: Data(output.stdout.utf8))
        let cluster = try #require(entries.first { $0.id == "expand-cluster" })
        #expect(cluster.steps >= 8 && cluster.errors == 0 && cluster.path == "lessons/expand-cluster.md")
        #expect(entries.contains { $0.id == "tour" && $0.errors == 0 })
    }

    /// `list` counts the steps as the session's header does: a branch the defaults do not take is none.
    @Test func listCountsTheStepsASessionCounts() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            ---
            id: ways
            title: Two ways
            summary: One step of two ways is taken.
            inputs:
              mode: { type: choice, prompt: Which way, choices: [a, b], default: a }
            ---
            ## First {#first}

            ```sh {run}
            true
            ```

            ## Way b {#way-b when="mode == b"}

            ```sh {run}
            true
            ```
            """.write(to: folder.appendingPathComponent("ways.md"), atomically: true, encoding: .utf8)
        let listed = try PiwizardProcess.run(["list", "--lessons", folder.path])
        #expect(listed.stdout.contains(#/\nways +Two ways +1 /#), "\(listed.stdout)")
        let state = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let run = try PiwizardProcess.run(["start", "ways", "--yes", "--lessons", folder.path], environment: ["PIWIZARD_STATE_DIR": state.path])
        #expect(run.stdout.contains("Step 1 of 1 · First"), "\(run.stdout)")
    }

    @Test func theShippedLessonsLintCleanly() throws {
        let output = try PiwizardProcess.run(["lint", "lessons/expand-cluster.md", "tour"])
        #expect(output.status == 0)
        #expect(output.stdout.isEmpty, "no errors or warnings expected:\n\(output.stdout)")
        #expect(output.stderr.contains("2 lessons checked: 0 errors, 0 warnings"))
    }

    @Test func lintReportsEveryProblemWithItsLocationAndFails() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.brokenLesson.write(to: folder.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        let output = try PiwizardProcess.run(["lint", "broken.md"], in: folder)
        #expect(output.status == 1)
        #expect(output.stdout.split(separator: "\n") == [
            "broken.md:6:3: warning: input 'unused' is declared but never used",
            "broken.md:8:1: warning: step 'copy' changes something but has no {check} to prove it worked (mark look-only commands readonly)",
            "broken.md:8:16: error: requires 'nowhere', but no step has that id",
            "broken.md:10:1: error: on=node needs a node: put the block in a step with foreach=LIST as=NODE",
        ])
        #expect(output.stderr.contains("1 lesson checked: 2 errors, 2 warnings"))
    }

    @Test func startRefusesABrokenLessonAndSaysWhere() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.brokenLesson.write(to: folder.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        let output = try PiwizardProcess.run(["start", "./broken.md"], in: folder)
        #expect(output.status != 0)
        #expect(output.stderr.contains("broken.md has 2 errors"))
        #expect(output.stderr.contains("broken.md:8:16: error: requires 'nowhere'"))
    }

    @Test func lessonFoldersComeFromTheOptionTheEnvironmentOrTheWorkingDirectory() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        let elsewhere = try PiwizardProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try Self.miniLesson.write(to: folder.appendingPathComponent("mini.md"), atomically: true, encoding: .utf8)
        let byOption = try PiwizardProcess.run(["list", "--lessons", folder.path], in: elsewhere)
        #expect(byOption.stdout.contains("mini  Mini lesson  1      1m"))
        let byEnvironment = try PiwizardProcess.run(["graph", "mini"], in: elsewhere, environment: ["PIWIZARD_LESSONS": folder.path])
        #expect(byEnvironment.status == 0)
        #expect(byEnvironment.stdout == "Mini lesson — 1 steps\n  1. Look [look]\n")
        // With none of those, this build uses its clone's lessons (see aBuildInACloneFindsItsLessonsFromAnyFolder).
        let none = try PiwizardProcess.run(["list"], in: elsewhere)
        #expect(!none.stdout.contains("mini") && none.stdout.contains("expand-cluster"), "\(none.stdout)")
    }

    @Test func anUnknownLessonGetsASuggestion() throws {
        let output = try PiwizardProcess.run(["show", "expand-clustr"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("no lesson 'expand-clustr' (did you mean 'expand-cluster'?)"))
        #expect(output.stderr.contains("available lessons:"))
    }

    @Test func showRendersTheLessonForTheTerminal() throws {
        let output = try PiwizardProcess.run(["show", "expand-cluster", "--width", "60"])
        #expect(output.status == 0)
        #expect(!output.stdout.contains("\u{1B}"))
        #expect(!output.stdout.contains("{#"), "heading attributes are not shown")
        #expect(output.stdout.contains("You will be asked for:"))
        let prose = output.stdout.split(separator: "\n").filter { !$0.hasPrefix("    ") && !$0.hasPrefix("  ┌") }
        #expect(prose.allSatisfy { $0.count <= 60 }, "prose wraps at 60 columns")
    }

    @Test func graphAsMermaidShowsLoopsAndBranches() throws {
        let output = try PiwizardProcess.run(["graph", "expand-cluster", "--format", "mermaid"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("flowchart TD\n"))
        #expect(output.stdout.contains("⟳ for each node in nodes"))
        #expect(output.stdout.contains(#"-->|"network == dhcpcd and setup == console"|"#), "\(output.stdout)")
        #expect(output.stdout.contains(#"-->|"node.role == worker and setup == card"|"#), "\(output.stdout)")
    }

    @Test func startPreviewWalksTheLessonWithDefaultsFilledIn() throws {
        let output = try PiwizardProcess.run(["start", "expand-cluster", "--preview"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Display-only walk"))
        #expect(output.stdout.contains("Step 1 of "))
        #expect(output.stdout.contains("mpiexec -f"))
        #expect(!output.stdout.contains("{{"), "every template is filled in")
    }

    @Test(arguments: [["--help"], ["help"], ["lab", "--help"], ["lab", "up", "--help"], ["help", "start"]])
    func helpIsTheArgumentParsersAtEveryLevel(arguments: [String]) throws {
        let output = try PiwizardProcess.run(arguments)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("USAGE: piwizard"), "\(output.stdout)")
        #expect(!output.stderr.contains("unexpected error"), "\(output.stderr)")
    }

    @Test func aNamedCheckIsShownByItsNameWhetherItPassesOrNot() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("named.md")
        try """
        ---
        id: named
        title: Named checks
        summary: Checks that say what they check.
        inputs:
          place: { type: path, default: /tmp }
        ---
        ## Look {#look}

        ```sh {run readonly}
        true
        ```

        ```sh {check name="the place is a folder"}
        test -d {{place}}
        ```

        ```yaml {check validator=file-contains name="the place holds no such file"}
        path: "{{place}}/no-such-file"
        pattern: x
        ```
        """.write(to: file, atomically: true, encoding: .utf8)
        let output = try PiwizardProcess.run(["check", file.path, "--state-dir", folder.path])
        #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("✓ the place is a folder"), "\(output.stdout)")
        #expect(output.stdout.contains("✗ the place holds no such file"), "\(output.stdout)")
        #expect(!output.stdout.contains("test -d"), "\(output.stdout)")
        #expect(try PiwizardProcess.run(["lint", file.path]).status == 0)
        // A step that is not there is not found (66), as for reset, not a usage error.
        let missing = try PiwizardProcess.run(["check", file.path, "--step", "lok", "--state-dir", folder.path])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr == "piwizard: the lesson named has no step 'lok' (did you mean 'look'?)\n", "\(missing.stderr)")
    }

    @Test func completionScriptsComeFromTheArgumentParser() throws {
        let output = try PiwizardProcess.run(["--generate-completion-script", "bash"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("_piwizard"))
        #expect(output.stdout.contains("graph"))
    }
}

/// Saved runs and transcripts from the command line: status, reset, transcript show/export, replay.
@Suite struct RunsCommandLineTests {
    @Test func statusResetAndTranscriptsOfARealRun() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state").path
        let none = try PiwizardProcess.run(["status", "--state-dir", state])
        #expect(none.stdout.contains("No saved runs."))
        // The tour unattended stops at its failing step (by design), leaving an unfinished run.
        let run = try PiwizardProcess.run(["start", "tour", "--yes", "--state-dir", state, "--var", "workdir=\(folder.path)/tour"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Step 'greet' failed"))
        let status = try PiwizardProcess.run(["status", "--state-dir", state])
        #expect(status.stdout.contains("tour  at step 2 (greet)  1 of 6 steps behind you"))
        let transcript = try #require(status.stdout.split(separator: "\n").first { $0.contains("transcript: ") }?.split(separator: " ").last.map(String.init))
        let show = try PiwizardProcess.run(["transcript", "show", transcript])
        #expect(show.stdout.contains("step greet"))
        #expect(show.stdout.contains("✗ file-contains"))
        let markdown = try PiwizardProcess.run(["transcript", "export", transcript, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# piwizard: A tour of piwizard"))
        let replay = try PiwizardProcess.run(["replay", transcript])
        #expect(replay.status == 0 && replay.stdout.hasPrefix("replay matches:"), "\(replay.stdout)\(replay.stderr)")
        let reset = try PiwizardProcess.run(["reset", "tour", "--state-dir", state])
        #expect(reset.stdout.contains("Forgot the saved run of tour."))
        #expect(try PiwizardProcess.run(["status", "--state-dir", state]).stdout.contains("No saved runs."))
    }

    @Test func replayOfAShippedTranscriptMatches() throws {
        let output = try PiwizardProcess.run(["replay", "transcripts/tour-clean.cast"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    }
}

/// `replay` of a transcript whose recorded lesson file changed since (another checkout's, edited)
/// replays against the lesson here whose text is the one recorded.
@Suite struct ReplayFindsTheRecordedLessonTests {
    @Test func theLessonWithTheRecordedTextIsReplayedNotAChangedFileOfTheSameName() throws {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try String(contentsOf: PiwizardProcess.repository.appendingPathComponent("lessons/tour.md"), encoding: .utf8)
        let elsewhere = dir.appendingPathComponent("elsewhere/tour.md")
        try FileManager.default.createDirectory(at: elsewhere.deletingLastPathComponent(), withIntermediateDirectories: true)
        try original.replacingOccurrences(of: "## ", with: "## Changed: ").write(to: elsewhere, atomically: true, encoding: .utf8)
        var text = try String(contentsOf: PiwizardProcess.repository.appendingPathComponent("transcripts/tour-clean.cast"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""lessonFile":"[^"]*""#, with: "\"lessonFile\":\"\(elsewhere.path)\"", options: .regularExpression)
        let cast = dir.appendingPathComponent("tour.cast")
        try text.write(to: cast, atomically: true, encoding: .utf8)
        let output = try PiwizardProcess.run(["replay", cast.path])
        #expect(output.status == 0 && output.stdout.hasPrefix("replay matches:"), "\(output.stdout)\(output.stderr)")
    }
}
