import Foundation
import Testing

/// `piwizard test`: the shipped tour proves itself, and each kind of mistake in a small broken lesson is
/// reported with the file and line where its author must look.
@Suite struct LessonSelfTestTests {
    /// Writes `text` as `NAME.md` into a new folder and runs `piwizard test NAME` there.
    private func test(_ name: String, _ text: String, _ arguments: [String] = []) throws -> (PiwizardProcess.Output, String) {
        let folder = try PiwizardProcess.temporaryFolder()
        try text.write(to: folder.appendingPathComponent("\(name).md"), atomically: true, encoding: .utf8)
        return (try PiwizardProcess.run(["test", name, "--lessons", folder.path] + arguments), folder.path)
    }

    @Test func theTourProvesItself() throws {
        let folder = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PiwizardProcess.run(["test", "tour", "--var", "workdir=\(folder.path)/tour", "--json", "--keep"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["held"] as? Bool == true && report["lesson"] as? String == "tour")
        let runs = try #require(report["runs"] as? [[String: Any]])
        let findings = (runs.first?["entries"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? [String: Any] }
        let phases = Set(findings.compactMap { $0["phase"] as? String })
        #expect(phases == ["before", "after", "solve", "drill", "repair"], "\(phases)")
        #expect(findings.contains { $0["step"] as? String == "basket" && $0["item"] as? String == "pear" && $0["phase"] as? String == "drill" })
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/tour"), "its tidy-up ran, destructive as it is")
        // With --keep the transcript the report names stays; the run's saved progress is gone.
        let transcript = try #require(runs.first?["transcript"] as? String)
        #expect(FileManager.default.fileExists(atPath: transcript))
        let state = URL(fileURLWithPath: transcript).deletingLastPathComponent().deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path) == ["transcripts"])
        try? FileManager.default.removeItem(at: state)
    }

    @Test func aCheckThatPassesBeforeOrFailsAfterItsStepIsNamedWithItsLine() throws {
        let (run, folder) = try test("broken", """
            ---
            id: broken
            title: Broken
            summary: A check that proves nothing, and one that never passes.
            ---
            ## Already true {#already}

            ```sh {run}
            true
            ```

            ```sh {check name="the root folder exists"}
            test -d /
            ```

            ## Never true {#never}

            ```sh {run}
            true
            ```

            ```sh {check name="a file nobody makes"}
            test -f /nonexistent/file
            ```
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 1)
        #expect(run.stdout.contains("✗ \(folder)/broken.md:12: already before: a check passes before the step has run, so it proves nothing: the root folder exists"), "\(run.stdout)")
        #expect(run.stdout.contains("✗ \(folder)/broken.md:22: never after: a check fails after the step ran: a file nobody makes: expected exit status 0, found exit status 1"), "\(run.stdout)")
        #expect(run.stdout.contains("The run did not reach the end"))
    }

    @Test func aCheckMarkedMayPassBeforeMayHoldBeforeItsStepAndTheOthersMustStillFail() throws {
        let scratch = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lesson = """
            ---
            id: marked
            title: Marked
            summary: One check holds trivially before the step, the other must not.
            ---
            ## Make {#make}

            ```sh {run}
            touch \(scratch.path)/made
            ```

            ```sh {check may-pass-before name="nothing stray is here"}
            test ! -e \(scratch.path)/stray
            ```

            ```sh {check name="the file is made"}
            test -f \(scratch.path)/made
            ```
            """
        let (run, folder) = try test("marked", lesson)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("make  –     ✓       ✓      –"), "\(run.stdout)")
        // Without the mark, the same check is named, at its own line (not the step's first check).
        try FileManager.default.removeItem(at: scratch.appendingPathComponent("made"))
        let (unmarked, unmarkedFolder) = try test("marked", lesson.replacingOccurrences(of: " may-pass-before", with: ""))
        defer { try? FileManager.default.removeItem(atPath: unmarkedFolder) }
        #expect(unmarked.status == 1)
        #expect(unmarked.stdout.contains("✗ \(unmarkedFolder)/marked.md:12: make before: a check passes before the step has run, so it proves nothing: nothing stray is here"), "\(unmarked.stdout)")
        // On another kind of block it is a lint error.
        let (misplaced, misplacedFolder) = try test("marked", lesson.replacingOccurrences(of: "```sh {run}", with: "```sh {run may-pass-before}"))
        defer { try? FileManager.default.removeItem(atPath: misplacedFolder) }
        #expect(misplaced.status == 65, "\(misplaced.stdout)\(misplaced.stderr)")
        #expect(misplaced.stderr.contains("marked.md:8:"), "\(misplaced.stderr)")
        #expect(misplaced.stderr.contains("may-pass-before on a block says that a {check} may hold before its step runs"), "\(misplaced.stderr)")
    }

    /// A drill's hint bound to a check (`Hint for ID:`) holds only when that check caught the fault,
    /// and a failing check shows its own hints, not the step's others.
    @Test func aDrillsHintMustExplainTheCheckThatCaughtIt() throws {
        let scratch = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lesson = """
            ---
            id: bound
            title: Bound hints
            summary: Two checks, each with its hint.
            ---
            ## Make {#make}

            ```sh {run}
            mkdir -p \(scratch.path)/d && touch \(scratch.path)/d/a
            ```

            ```sh {check id=folder name="the folder is there"}
            test -d \(scratch.path)/d
            ```

            ```sh {check id=file name="the file is there"}
            test -f \(scratch.path)/d/a
            ```

            ```sh {drill hint=1}
            rm \(scratch.path)/d/a
            ```

            > **Hint for folder:** The folder d is gone.

            > **Hint for file:** The file a is gone.
            """
        let (wrong, wrongFolder) = try test("bound", lesson)
        defer { try? FileManager.default.removeItem(atPath: wrongFolder) }
        #expect(wrong.status == 1, "\(wrong.stdout)\(wrong.stderr)")
        #expect(wrong.stdout.contains("but hint 1 is not among the hints shown (it explains folder)"), "\(wrong.stdout)")
        try? FileManager.default.removeItem(at: scratch.appendingPathComponent("d"))
        let (right, rightFolder) = try test("bound", lesson.replacingOccurrences(of: "{drill hint=1}", with: "{drill hint=2}"))
        defer { try? FileManager.default.removeItem(atPath: rightFolder) }
        #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
        // A hint that names a check the step does not have is a lint error.
        let (unknown, unknownFolder) = try test("bound", lesson.replacingOccurrences(of: "Hint for file:", with: "Hint for fil:"))
        defer { try? FileManager.default.removeItem(atPath: unknownFolder) }
        #expect(unknown.status == 65, "\(unknown.stdout)\(unknown.stderr)")
        #expect(unknown.stderr.contains("this hint explains 'fil', but step 'make' has no check with id=fil (did you mean 'file'?); its checks are: folder, file"), "\(unknown.stderr)")
    }

    /// Teardown blocks undo a run, before it (an earlier run's leftovers) and after it: the self-test
    /// passes twice in a row on one machine, and a run that held leaves no temporary folder behind.
    @Test func teardownLetsTheSelfTestRunTwiceInARow() throws {
        let scratch = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lesson = """
            ---
            id: again
            title: Again
            summary: A step that makes a folder.
            ---
            ## Make {#make}

            ```sh {run}
            mkdir \(scratch.path)/made
            ```

            ```sh {check}
            test -d \(scratch.path)/made
            ```
            """
        let (first, firstFolder) = try test("again", lesson)
        defer { try? FileManager.default.removeItem(atPath: firstFolder) }
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let (second, secondFolder) = try test("again", lesson)
        defer { try? FileManager.default.removeItem(atPath: secondFolder) }
        #expect(second.status == 1, "without a teardown the first run's folder is still there: \(second.stdout)")
        #expect(second.stdout.contains("a check passes before the step has run"), "\(second.stdout)")

        let undone = lesson + "\n\n```sh {teardown}\nrm -rf \(scratch.path)/made\n```\n"
        let leftovers = { (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))?.filter { $0.hasPrefix("piwizard-test-again-") } ?? [] }
        let before = Set(leftovers())
        for _ in 0..<2 {
            let (run, folder) = try test("again", undone)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("Teardown: 1 block run undid the run."), "\(run.stdout)")
            #expect(run.stdout.contains("transcript: removed with the run's folder"), "\(run.stdout)")
            #expect(!FileManager.default.fileExists(atPath: scratch.path + "/made"))
        }
        #expect(Set(leftovers()) == before, "a run that held leaves no temporary folder")
        let (kept, keptFolder) = try test("again", undone, ["--keep"])
        defer { try? FileManager.default.removeItem(atPath: keptFolder) }
        let path = try #require(kept.stdout.split(separator: "\n").first { $0.hasPrefix("transcript: /") }.map { String($0.dropFirst("transcript: ".count)) })
        #expect(FileManager.default.fileExists(atPath: path), "--keep keeps the transcript")
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path)
    }

    @Test func aDrillItsChecksDoNotCatchIsNamed() throws {
        let scratch = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lesson = """
            ---
            id: drill
            title: Drill
            summary: The check looks at the folder, the drill removes a file in it.
            ---
            ## Make {#make}

            ```sh {run}
            mkdir -p \(scratch.path)/d && touch \(scratch.path)/d/a
            ```

            ```sh {check name="the folder is there"}
            test -d \(scratch.path)/d
            ```

            ```sh {drill hint=1}
            rm \(scratch.path)/d/a
            ```

            > **Hint:** The file a is gone.
            """
        let (run, folder) = try test("drill", lesson)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 1)
        #expect(run.stdout.contains("✗ \(folder)/drill.md:16: make drill 1: every check still passes after the drill: they do not catch its fault"), "\(run.stdout)")
        // A check that does look at the file catches it, and the step's command repairs it.
        try FileManager.default.removeItem(at: scratch.appendingPathComponent("d"))
        let (fixed, fixedFolder) = try test("drill", lesson.replacingOccurrences(of: "test -d \(scratch.path)/d", with: "test -f \(scratch.path)/d/a"))
        defer { try? FileManager.default.removeItem(atPath: fixedFolder) }
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stdout.contains("make  –     ✓       ✓      1/1"), "\(fixed.stdout)")
        // A drill that names a hint the step does not have is a lint error: nothing runs.
        let (missing, missingFolder) = try test("drill", lesson.replacingOccurrences(of: "{drill hint=1}", with: "{drill hint=3}"))
        defer { try? FileManager.default.removeItem(atPath: missingFolder) }
        #expect(missing.status == 65, "\(missing.stdout)\(missing.stderr)")
        #expect(missing.stderr.contains("drill.md:16:1: error: hint=3: step 'make' has 1 hint"), "\(missing.stderr)")
    }

    @Test func aDrillWithWhenRunsOnlyForTheItemsItNames() throws {
        let scratch = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lesson = """
            ---
            id: sorted
            title: Sorted
            summary: Only a box of kind fruit gets the drill.
            inputs:
              boxes:
                type: list
                prompt: Boxes
                fields:
                  name: { type: string, unique: true }
                  kind: { type: choice, choices: [fruit, tool] }
                default:
                  - { name: a, kind: tool }
                  - { name: b, kind: fruit }
                  - { name: c, kind: tool }
            ---
            ## Fill {#fill foreach=boxes as=box}

            ```sh {run}
            touch \(scratch.path)/{{box.name}}
            ```

            ```sh {check name="the box is there"}
            test -f \(scratch.path)/{{box.name}}
            ```

            ```sh {drill hint=1 when="box.kind == fruit"}
            rm \(scratch.path)/{{box.name}}
            ```

            > **Hint:** The box is gone.
            """
        let (run, folder) = try test("sorted", lesson, ["--json"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = ((report["runs"] as? [[String: Any]])?.first?["entries"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? [String: Any] }
        let drilled = findings.filter { $0["phase"] as? String == "drill" }.compactMap { $0["item"] as? String }
        #expect(drilled.count == 1 && drilled.first?.contains("b") == true, "\(drilled)")
        // when= on a repair (it follows its drill), or comparing what is not a choice, is a lint error at its line.
        let withRepair = lesson.replacingOccurrences(of: "\n> **Hint:** The box is gone.",
                                                     with: "\n```sh {repair when=\"box.kind == fruit\"}\ntouch \(scratch.path)/{{box.name}}\n```\n\n> **Hint:** The box is gone.")
        let (misplaced, misplacedFolder) = try test("sorted", withRepair)
        defer { try? FileManager.default.removeItem(atPath: misplacedFolder) }
        #expect(misplaced.status == 65, "\(misplaced.stdout)\(misplaced.stderr)")
        #expect(misplaced.stderr.contains("sorted.md:31:"), "\(misplaced.stderr)")
        let (notAChoice, notAChoiceFolder) = try test("sorted", lesson.replacingOccurrences(of: "box.kind == fruit", with: "box.name == fruit"))
        defer { try? FileManager.default.removeItem(atPath: notAChoiceFolder) }
        #expect(notAChoice.status == 65, "\(notAChoice.stdout)\(notAChoice.stderr)")
        #expect(notAChoice.stderr.contains("sorted.md:27:"), "\(notAChoice.stderr)")
        #expect(misplaced.stderr.contains("a {repair} block follows its drill or step"), "\(misplaced.stderr)")
    }

    @Test func keepLabIsRefusedUnlessThereIsOneLabToKeep() throws {
        // Refused before anything runs: no lab is made, no lesson is read.
        let withoutLab = try PiwizardProcess.run(["test", "tour", "--keep-lab"])
        #expect(withoutLab.status == 64, "\(withoutLab.stdout)\(withoutLab.stderr)")
        #expect(withoutLab.stderr.contains("--keep-lab keeps the practice lab of a test run with --lab: add --lab, or leave --keep-lab out."), "\(withoutLab.stderr)")
        #expect(withoutLab.stdout.isEmpty, "\(withoutLab.stdout)")
        for flavours in [[String](), ["--os", "trixie", "--os", "bookworm"]] {
            let run = try PiwizardProcess.run(["test", "expand-cluster", "--lab", "--keep-lab"] + flavours)
            #expect(run.status == 64, "\(flavours): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("--keep-lab keeps one lab: name its flavour with one --os."), "\(flavours): \(run.stderr)")
            #expect(run.stdout.isEmpty && !run.stderr.contains("lab up"), "\(flavours): \(run.stdout)\(run.stderr)")
        }
    }
}
