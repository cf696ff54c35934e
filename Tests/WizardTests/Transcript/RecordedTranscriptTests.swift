import Foundation
import Lessons
import Testing
import Wizard

/// Replays every recorded session in `transcripts/` through the engine with the lessons in `lessons/`.
/// Re-record with `transcripts/record.sh` after an intended change (see transcripts/README.md).
@Suite struct RecordedTranscriptTests {
    static let repository = Repository.root
    static let folder = repository.appendingPathComponent("transcripts")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".cast") }.sorted()

    static func lesson(_ id: String, editing: (String) -> String = { $0 }) throws -> LoadedLesson {
        let url = repository.appendingPathComponent("lessons/\(id).md")
        let text = editing(try String(contentsOf: url, encoding: .utf8))
        let (lesson, diagnostics) = LessonLinter.lint(text, file: "lessons/\(id).md", validators: ValidatorRegistry.specs)
        try #require(!diagnostics.hasErrors)
        return LoadedLesson(lesson: lesson, url: url, warnings: diagnostics)
    }

    @Test func theRecordedSessionsAreThere() {
        #expect(Set(Self.files).isSuperset(of: ["tour-clean.cast", "tour-killed.cast", "tour-resumed.cast", "expand-cluster-duplicates.cast", "expand-cluster-lab.cast"]))
    }

    @Test(arguments: files)
    func replaysExactly(_ name: String) throws {
        let transcript = try Transcript(contentsOf: Self.folder.appendingPathComponent(name))
        let result = try TranscriptReplay.replay(transcript, lesson: try Self.lesson(transcript.header.piwizard.lesson))
        #expect(result.matches, "\(name):\n\(result.diff)")
        #expect(result.recorded > 20)
    }

    @Test func aLessonEditThatChangesARecordedStepFailsTheReplayWithADiff() throws {
        let transcript = try Transcript(contentsOf: Self.folder.appendingPathComponent("tour-clean.cast"))
        let edited = try Self.lesson("tour") { $0.replacingOccurrences(of: "printf 'Helo, %s!\\n'", with: "printf 'Hallo, %s!\\n'") }
        let result = try TranscriptReplay.replay(transcript, lesson: edited)
        #expect(!result.matches)
        #expect(result.diff.contains("- o   run:\\n    printf 'Helo, %s!\\n' friend > /tmp/piwizard-tour/hello.txt\\n"), "\(result.diff)")
        #expect(result.diff.contains("+ o   run:\\n    printf 'Hallo, %s!\\n' friend > /tmp/piwizard-tour/hello.txt\\n"), "\(result.diff)")
    }

    /// Node K's address in the lab `transcripts/record.sh` records in (10.77.210.0/24).
    static func labAddress(_ node: Int) -> String { "10.77.210.\(10 + node)" }

    /// `transcript show` of the lab run: each of the lesson's commands whole, with where it ran; piwizard's
    /// own (a validator's lsblk) only counted; the look-ups apart from the checks.
    @Test func theSummaryTellsWhatWasRunWholeAndWhatPiwizardChecked() throws {
        let transcript = try Transcript(contentsOf: Self.folder.appendingPathComponent("expand-cluster-lab.cast"))
        let summary = TranscriptReport.summary(transcript)
        #expect(summary.contains("    $ cd /mnt/$(basename /dev/pw-rec-reader)/etc\n      echo node2 | sudo tee hostname\n"), "\(summary.prefix(3000))")
        #expect(!summary.contains("lsblk --json"), "a validator's own command is not listed as the learner's")
        #expect(summary.contains("piwizard ran ") && summary.contains("found done"))
        #expect(summary.contains(", 0 failed;"), "a finished run has no failed check (its look-ups are not failures)")
    }

    @Test func theLabRunBuiltTheClusterAndComputedPi() throws {
        let transcript = try Transcript(contentsOf: Self.folder.appendingPathComponent("expand-cluster-lab.cast"))
        #expect(transcript.header.piwizard.practiceLab == true)
        let output = transcript.events.compactMap { if case .output(let text) = $0.event { return text } else { return nil } }.joined()
        #expect(output.contains("The card holds the image, byte for byte."))
        #expect(output.contains("node2 is on: called node2, address \(Self.labAddress(2))"), "a worker starts as itself, from its own card")
        #expect(output.contains("pi is approximately 3.14159265"))
        #expect(output.contains("Lesson finished"))
        let requests = transcript.events.compactMap { if case .command(let request) = $0.event { return request } else { return nil } }
        #expect(requests.contains { $0.command.contains("sudo truncate -s 0 etc/machine-id") }, "the card's machine id emptied in the reader")
        #expect(!requests.contains { $0.console != nil }, "no node's console on the card path")
    }

    @Test func theDuplicateRunRefusedTheDuplicatesBeforeAnythingRan() throws {
        let transcript = try Transcript(contentsOf: Self.folder.appendingPathComponent("expand-cluster-duplicates.cast"))
        let output = transcript.events.compactMap { if case .output(let text) = $0.event { return text } else { return nil } }.joined()
        #expect(output.contains("✗ record 2: hostname 'raspi1' is already used by record 1 (raspi1)"))
        #expect(output.contains("✗ record 2 (raspi2): ip '192.168.1.101' is already used by record 1 (raspi1)"))
        let commands = transcript.events.compactMap { if case .command(let request) = $0.event { return request.command } else { return nil } }
        #expect(!commands.contains { $0.hasPrefix("sudo dd") }, "no card was written")
    }
}
