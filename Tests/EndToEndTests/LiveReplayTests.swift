import Foundation
import Testing

/// `replay --live` runs a recorded session's commands again for real (the tour, in its own /tmp
/// folder): the steps must end as recorded, and a world that differs makes it diverge.
///
/// A transcript is data: `replay --live` runs the lesson the user names (or the one its id finds in
/// the lesson folders), never the file its header points at; shows what it will run and asks (or
/// `--yes`); refuses recorded inputs the lesson refuses; and never reuses a recorded confirmation of
/// a destructive command. Serialized: every test uses the tour's /tmp folder.
@Suite(.serialized) struct LiveReplayTests {
    static let folder = "/tmp/piwizard-tour"

    @Test func theRecordedTourReplaysLiveAndNoticesADifferentWorld() throws {
        let folder = "/tmp/piwizard-tour"
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let same = try PiwizardProcess.run(["replay", "--live", "--yes", "transcripts/tour-resumed.cast"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("commands run for real"))
        #expect(FileManager.default.fileExists(atPath: folder + "/basket/plum.txt"), "the commands really ran")
        // The learner had not done the by-hand step; here it is done already, so the session goes differently.
        try "14:05\n".write(toFile: folder + "/by-hand.txt", atomically: true, encoding: .utf8)
        let different = try PiwizardProcess.run(["replay", "--live", "--yes", "transcripts/tour-resumed.cast"])
        #expect(different.status == 1)
        #expect(different.stdout.contains("replay diverges at event"))
        #expect(different.stdout.contains("x-status {\"item\":\"\",\"status\":\"done\",\"step\":\"by-hand\"}"), "\(different.stdout)")
    }


    /// A copy of a shipped transcript with its header changed by `edit` (the header is the first line).
    func tampered(_ name: String, _ edit: (inout [String: Any]) -> Void) throws -> URL {
        let text = try String(contentsOf: PiwizardProcess.repository.appendingPathComponent("transcripts/\(name)"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        var piwizard = header["x-piwizard"] as! [String: Any]
        edit(&piwizard)
        header["x-piwizard"] = piwizard
        lines[0] = String(decoding: try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]), as: UTF8.self)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tampered-\(UUID().uuidString).cast")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theHeadersLessonFileIsNeverRun() throws {
        try? FileManager.default.removeItem(atPath: Self.folder)
        defer { try? FileManager.default.removeItem(atPath: Self.folder) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-evil-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let mark = dir.appendingPathComponent("evil-ran")
        let tour = try String(contentsOf: PiwizardProcess.repository.appendingPathComponent("lessons/tour.md"), encoding: .utf8)
        let evil = tour.replacingOccurrences(of: "mkdir -p {{workdir}}/basket", with: "touch '\(mark.path)'; mkdir -p {{workdir}}/basket")
        #expect(evil != tour)
        let evilFile = dir.appendingPathComponent("tour.md")
        try evil.write(to: evilFile, atomically: true, encoding: .utf8)
        let cast = try tampered("tour-resumed.cast") { $0["lessonFile"] = evilFile.path }
        defer { try? FileManager.default.removeItem(at: cast) }
        let replay = try PiwizardProcess.run(["replay", "--live", "--yes", cast.path])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.hasPrefix("replay --live runs commands for real, from the lesson tour (lessons/tour.md):"), "\(replay.stdout)")
        #expect(!FileManager.default.fileExists(atPath: mark.path), "the header's lesson file was not run")
    }

    @Test func itAsksFirstAndRefusesWithoutAPersonOrYes() throws {
        try? FileManager.default.removeItem(atPath: Self.folder)
        let replay = try PiwizardProcess.run(["replay", "--live", "transcripts/tour-resumed.cast"])
        #expect(replay.status == 64)
        #expect(replay.stderr == "piwizard: replay --live runs commands for real: run it at a terminal to be asked first, or give --yes\n")
        #expect(replay.stdout.contains("the recording ran "), "it showed what it would run: \(replay.stdout)")
        #expect(!FileManager.default.fileExists(atPath: Self.folder), "nothing ran")
    }

    @Test func recordedInputsTheLessonRefusesAreRefused() throws {
        let cast = try tampered("tour-resumed.cast") { piwizard in
            var state = piwizard["initialState"] as! [String: Any]
            var inputs = state["inputs"] as? [String: Any] ?? [:]
            inputs["workdir"] = ["text": ["_0": "../../etc"]]
            state["inputs"] = inputs
            piwizard["initialState"] = state
        }
        defer { try? FileManager.default.removeItem(at: cast) }
        let replay = try PiwizardProcess.run(["replay", "--live", "--yes", cast.path])
        #expect(replay.status == 64, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stderr.hasPrefix("piwizard: the transcript's workdir: '../../etc' climbs out of the home folder"), "\(replay.stderr)")
    }

    @Test func aRecordedConfirmationOfADestructiveCommandIsNeverReused() throws {
        try? FileManager.default.removeItem(atPath: Self.folder)
        defer { try? FileManager.default.removeItem(atPath: Self.folder) }
        let replay = try PiwizardProcess.run(["replay", "--live", "--yes", "transcripts/tour-clean.cast"])
        #expect(replay.status == 1, "no one confirmed the tidy-up, so the session went differently: \(replay.stdout)")
        #expect(replay.stdout.contains("replay diverges at event"))
        #expect(FileManager.default.fileExists(atPath: Self.folder + "/hello.txt"), "the destructive tidy-up did not run")
    }
}
