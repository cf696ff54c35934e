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

    /// `--jobs 0` is one line and 64, not the argument parser's usage screen (issue 31).
    @Test func tooFewJobsIs64InOneLine() throws {
        for arguments in [["start", "tour", "--jobs", "0", "--yes"], ["check", "tour", "--jobs", "0"]] {
            let output = try PiwizardProcess.run(arguments)
            #expect(output.status == 64)
            #expect(output.stderr == "piwizard: --jobs 0: a check asks at least 1 node at a time; give --jobs 1 or more\n", "\(output.stderr)")
        }
    }

    /// `start --preview` fills the commands in with the values given, and refuses what a session
    /// refuses (issue 31: it ignored --var, and took --var nosuch=1).
    @Test func previewTakesTheGivenValuesAndRefusesUnknownOnes() throws {
        let shown = try PiwizardProcess.run(["start", "tour", "--preview", "--var", "name=Ada Lovelace"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("printf 'Helo, %s!\\n' 'Ada Lovelace' >"), "\(shown.stdout)")
        let refused = try PiwizardProcess.run(["start", "tour", "--preview", "--var", "nosuch=1"])
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("piwizard: --var: the lesson has no input 'nosuch'"), "\(refused.stderr)")
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

    @Test(arguments: [["status"], ["resume"], ["resume", "tour"], ["check", "tour"], ["reset", "tour"]])
    func everyCommandReportsDamagedProgressAlikeAndKeepsEveryCopy(_ command: [String]) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for round in 1...2 {
            try String(repeating: "garbage \(round) ", count: 100).write(to: dir.appendingPathComponent("progress.sqlite"), atomically: true, encoding: .utf8)
            let output = try PiwizardProcess.run(command + ["--state-dir", dir.path])
            #expect(output.status == 65, "\(command): \(output.stderr)")
            #expect(output.stderr.hasPrefix("piwizard: the saved progress in \(dir.path)/progress.sqlite is damaged (SQLite reads it as: file is not a database); it was kept aside as "), "\(output.stderr)")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("progress.corrupt-") }
        #expect(kept.count == 2, "a second damaged copy does not overwrite the first: \(kept)")
        let texts = try kept.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
        #expect(Set(texts.map { $0.prefix(9) }) == ["garbage 1", "garbage 2"])
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

    @Test func nothingToResumeIs66WithoutUsageText() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let none = try PiwizardProcess.run(["resume", "--state-dir", dir.path])
        #expect(none.status == 66)
        #expect(none.stderr == "piwizard: no unfinished run to resume; start one with: \(PiwizardProcess.typedName) start LESSON\n", "\(none.stderr)")
        let lesson = dir.appendingPathComponent("one.md")
        try "---\nid: one\ntitle: One\nsummary: One step.\n---\n\n## Only {#only}\n\n```sh {run}\ntrue\n```\n".write(to: lesson, atomically: true, encoding: .utf8)
        let finished = try PiwizardProcess.run(["start", lesson.path, "--yes", "--state-dir", dir.path])
        #expect(finished.status == 0, "\(finished.stderr)")
        let again = try PiwizardProcess.run(["resume", lesson.path, "--state-dir", dir.path])
        #expect(again.status == 66)
        #expect(again.stderr == "piwizard: the run of 'one' has finished; to grow or change it, give the new values (--var NAME=VALUE, --vars FILE), or start it again with: \(PiwizardProcess.typedName) start one\n", "\(again.stderr)")
    }

    @Test func aLabThatIsNotUpIs69() throws {
        let output = try PiwizardProcess.run(["lab", "status", "--name", "zq9"])
        #expect(output.status == 69, "\(output.stderr)")
        #expect(output.stderr == "piwizard: the lab 'zq9' is not up; start it with: \(PiwizardProcess.typedName) lab up\n")
    }

    /// A build in a clone, started from any folder (as the link `script/start` puts on `PATH`), finds
    /// the clone's lessons.
    @Test func aBuildInACloneFindsItsLessonsFromAnyFolder() throws {
        let elsewhere = try folder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let list = try PiwizardProcess.run(["list"], in: elsewhere)
        #expect(list.status == 0 && list.stdout.contains("expand-cluster") && list.stdout.contains("tour"), "\(list.stdout)\(list.stderr)")
        let resumable = try PiwizardProcess.run(["show", "tour"], in: elsewhere)
        #expect(resumable.status == 0, "\(resumable.stderr)")
    }

    /// A command a message suggests is one the user can type: `piwizard` when that is this program on
    /// `PATH` (a link to it too), else its full path.
    @Test func aSuggestedCommandNamesPiwizardAsTheUserCanTypeIt() throws {
        let bin = try folder()
        defer { try? FileManager.default.removeItem(at: bin) }
        let notThisOne = try PiwizardProcess.run(["status", "--state-dir", bin.appendingPathComponent("state").path], environment: ["PATH": "/usr/bin:/bin"])
        #expect(notThisOne.stdout == "No saved runs. Start one with: \(PiwizardProcess.binary.resolvingSymlinksInPath().path) start LESSON\n", "\(notThisOne.stdout)")
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("piwizard"), withDestinationURL: PiwizardProcess.binary)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let onPath = try PiwizardProcess.run(["status", "--state-dir", bin.appendingPathComponent("state").path], environment: ["PATH": path])
        #expect(onPath.stdout == "No saved runs. Start one with: piwizard start LESSON\n", "\(onPath.stdout)")
    }

    @Test func aTranscriptThatIsMissingIs66AndOneThatIsNotATranscriptIs65() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try PiwizardProcess.run(["transcript", "show", dir.appendingPathComponent("none.cast").path])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.hasPrefix("piwizard: cannot read "), "\(missing.stderr)")
        #expect(!missing.stderr.contains("Usage:") && !missing.stderr.contains("couldn’t"))
        let garbage = dir.appendingPathComponent("garbage.cast")
        try "not a transcript\n".write(to: garbage, atomically: true, encoding: .utf8)
        let bad = try PiwizardProcess.run(["transcript", "show", garbage.path])
        #expect(bad.status == 65, "\(bad.stderr)")
        #expect(bad.stderr.hasPrefix("piwizard: \(garbage.path): "), "\(bad.stderr)")
    }

    @Test func resettingARunThatWasNeverSavedIs66() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try PiwizardProcess.run(["reset", "tour", "--state-dir", dir.path])
        #expect(output.status == 66, "\(output.stderr)")
        #expect(output.stderr == "piwizard: no saved run of 'tour'\n")
    }

    @Test func usageErrorsStayTheArgumentParsers() throws {
        let output = try PiwizardProcess.run(["start", "--no-such-option"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("Usage:"))
    }
}
