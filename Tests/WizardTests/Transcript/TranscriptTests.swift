import Foundation
import Lessons
import Testing
@testable import Wizard

/// Recording a session into an asciicast transcript, reading it back, and replaying it.
@Suite struct TranscriptTests {
    final class Lines: @unchecked Sendable {
        var text = ""
        let lock = NSLock()
        func append(_ line: String) { lock.withLock { text += line } }
    }

    /// Runs the mini-cluster session recorded, returns the transcript text and the session.
    static func record(answers: [ScriptedTerminal.Answer], runner: FakeRunner, lesson: String = TestLessons.cluster, id: String = "mini-cluster",
                       waits: [KeyWait] = [], state: ((LoadedLesson) -> SessionState)? = nil) throws -> (String, WizardSession) {
        let loaded = try TestLessons.load(lesson, id: id)
        let initial = state?(loaded) ?? SessionState(inputs: loaded.defaultInputs)
        var header = TranscriptHeader(width: 80, height: 24, timestamp: 1_700_000_000, title: "piwizard: test",
                                      piwizard: .init(lesson: loaded.lesson.id, lessonFile: loaded.url.path, initialState: initial, unattended: false,
                                                      confirmedDevices: [], localAddresses: [], colour: false, interactive: true))
        header.piwizard.lessonFingerprint = LessonFingerprint.of(loaded.lesson)
        let lines = Lines()
        let recorder = try TranscriptRecorder(header: header, write: lines.append)
        let scripted = ScriptedTerminal(answers)
        scripted.waits = waits
        let terminal = RecordingTerminal(scripted, recorder: recorder)
        let session = WizardSession(loaded: loaded, terminal: terminal, runner: RecordingRunner(runner, recorder: recorder),
                                    options: header.options, state: initial)
        session.onEvent = { recorder.append($0) }
        let outcome = session.run()
        recorder.append(.end(outcome.message))
        return (lines.text, session)
    }

    static let answers: [ScriptedTerminal.Answer] = [.type(""), .type("run"), .type(""), .type(""), .type("run"), .type("done")]

    @Test func aTranscriptIsAsciicastV2WithMarkersAndPiwizardEvents() throws {
        let (text, _) = try Self.record(answers: Self.answers, runner: WizardSessionTests.freshCluster())
        let lines = text.split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 80 && header["title"] as? String == "piwizard: test")
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3 && event[0] is NSNumber && event[1] is String && event[2] is String)
        }
        let transcript = try Transcript(text: text)
        let markers = transcript.events.compactMap { if case .marker(let m) = $0.event { return m } else { return nil } }
        #expect(markers == ["prepare", "name/n1", "name/n2", "dhcpcd/n1", "interfaces/n2"])
        #expect(transcript.inputs == ["", "run", "", "", "run", "done"])
        #expect(transcript.events.contains { if case .command(let r) = $0.event { return r.command == "set-name n2" } else { return false } })
        #expect(transcript.events.contains { if case .check(let c) = $0.event { return c.passed && c.title == "hostname-is 10.9.0.2" } else { return false } })
        #expect(transcript.events.contains { if case let .status(step, item, status) = $0.event { return step == "interfaces" && item == "n2" && status == .done } else { return false } })
    }

    static let probing = """
    ---
    id: probing
    title: Probing
    summary: A check that only connects.
    ---
    ## Up {#up}

    ```yaml {check validator=reachable}
    host: "10.9.0.1"
    wait: "0"
    ```

    > **Hint:** Is it on?
    """

    @Test func aProbeIsRecordedAsTheShellProbeItStandsFor() throws {
        let runner = FakeRunner()
        runner.on("/dev/tcp", exits: [0])
        let (text, _) = try Self.record(answers: [.type("y")], runner: runner, lesson: Self.probing, id: "probing")
        let transcript = try Transcript(text: text)
        let commands = transcript.events.compactMap { if case .command(let request) = $0.event { return request } else { return nil } }
        #expect(commands.map(\.command) == ["timeout 5 bash -c 'exec 3<>/dev/tcp/\"$0\"/\"$1\"' 10.9.0.1 22 2>&1"])
        #expect(transcript.events.contains { if case .result(let result) = $0.event { return result.exitStatus == 0 } else { return false } })
    }

    @Test func aTranscriptCutOffMidLineStillParses() throws {
        let (text, _) = try Self.record(answers: Self.answers, runner: WizardSessionTests.freshCluster())
        let cut = String(text.dropLast(7))
        let transcript = try Transcript(text: cut)
        #expect(transcript.truncated)
        #expect(transcript.events.count == (try Transcript(text: text)).events.count - 1)
    }

    @Test func replayReproducesEveryEvent() throws {
        let (text, _) = try Self.record(answers: Self.answers, runner: WizardSessionTests.freshCluster())
        let transcript = try Transcript(text: text)
        let result = try TranscriptReplay.replay(transcript, lesson: try TestLessons.load(TestLessons.cluster, id: "mini-cluster"))
        #expect(result.matches, "\(result.diff)")
        #expect(result.replayed == result.recorded)
    }

    @Test func replayAgainstAChangedLessonFailsWithAReadableDiff() throws {
        let (text, _) = try Self.record(answers: Self.answers, runner: WizardSessionTests.freshCluster())
        let changed = TestLessons.cluster.replacingOccurrences(of: "set-name {{node.hostname}}", with: "hostnamectl set-hostname {{node.hostname}}")
        let result = try TranscriptReplay.replay(try Transcript(text: text), lesson: try TestLessons.load(changed, id: "mini-cluster"))
        #expect(!result.matches)
        // The transcript knows the lesson it was recorded with, and says that this one changed (issue 31, bug 3).
        #expect(result.diff.hasPrefix("The lesson has changed since this session was recorded"), "\(result.diff)")
        #expect(result.diff.contains("\nreplay diverges at event "))
        #expect(result.diff.contains("- o   run on n1 (10.9.0.1):\\n    set-name n1\\n"))
        #expect(result.diff.contains("+ o   run on n1 (10.9.0.1):\\n    hostnamectl set-hostname n1\\n"))
    }

    @Test func aSecretTypedAtANoEchoPromptIsNeverRecorded() throws {
        let lesson = """
        ---
        id: secret
        title: Secret
        summary: A password.
        inputs:
          password: { type: secret, prompt: Your sudo password }
        ---
        ## Use it {#use}

        ```sh {run}
        echo {{password}} | sudo -S true
        ```

        ```sh {check}
        sudo -n true
        ```
        """
        let canary = "CANARY-s3cr3t-4711"
        let runner = FakeRunner()
        runner.on("sudo -n true", exits: [1, 0])
        runner.on("sudo -S", output: "[sudo] password: \(canary) accepted\n")
        let (text, session) = try Self.record(answers: [.type(canary), .type("run"), .type("vars")], runner: runner, lesson: lesson, id: "secret") { _ in SessionState() }
        #expect(runner.commands.contains("echo \(canary) | sudo -S true"), "the real command gets the secret")
        #expect(!text.contains(canary), "the transcript never holds it")
        #expect(text.contains(SecretStandIn.redacted))
        #expect(session.state.withoutSecrets().inputs["password"] == nil)
    }

    @Test func theSummaryAndTheExportsAreReadable() throws {
        let runner = WizardSessionTests.freshCluster()
        runner.on("verify-dhcpcd", exits: [1, 1, 0], output: "ok\n")
        let answers: [ScriptedTerminal.Answer] = [.type(""), .type(""), .type(""), .type("run"), .type("run"), .type("quit")]
        let (text, _) = try Self.record(answers: answers, runner: runner)
        let transcript = try Transcript(text: text)
        let summary = TranscriptReport.summary(transcript)
        #expect(summary.contains("step name/n2"))
        #expect(summary.contains("    $ set-name n1\n      → on pi@10.9.0.1, exit 0"), "\(summary)")
        #expect(summary.contains("✗ check: verify-dhcpcd: expected exit status 0 and output matching /ok/; found exit status 1, output: ok"))
        // What was typed, at which prompt; the look-ups before each step apart from the checks.
        #expect(summary.contains("    ⌨ prepare> (Enter)"), "\(summary)")
        #expect(summary.contains("    done already? no"))
        let failedLines = summary.split(separator: "\n").filter { $0.hasPrefix("    ✗ ") }.count
        let lookups = summary.split(separator: "\n").filter { $0.hasPrefix("    done already? ") }.count
        #expect(summary.contains(" \(failedLines) failed; \"done already?\" looked up \(lookups) times, 0 found done"), "\(summary)")
        let markdown = try TranscriptReport.export(transcript, format: .markdown)
        #expect(markdown.contains("## dhcpcd/n1"))
        #expect(markdown.contains("```sh\nconfigure-dhcpcd 10.9.0.1/24\n```"))
        #expect(markdown.contains("> typed at `prepare>`: `(Enter)`"), "\(markdown)")
        let cast = try TranscriptReport.export(transcript, format: .asciicast)
        #expect(!cast.contains("x-command") && !cast.contains("x-piwizard"))
        #expect(cast.split(separator: "\n").count > 10)
    }
}

/// A watch recorded: its waits are in the transcript, a replay looks as often, and the summary tells
/// each watch apart from the "done already?" look-ups.
@Suite struct WatchTranscriptTests {
    @Test func aWatchReplaysLookForLookAndTheSummarySaysHowEachEnded() throws {
        let runner = FakeRunner()
        // The watched step's two checks: the file is there at the third look of the second watch.
        runner.on("test -f /tmp/watched/at-console", exits: [1, 1, 1, 1, 0])
        let answers: [ScriptedTerminal.Answer] = [.type("run"), .type("watch"), .type("quit")]
        let (text, session) = try TranscriptTests.record(answers: answers, runner: runner, lesson: WatchTests.lesson, id: "watched",
                                                         waits: [.timedOut, .interrupted, .timedOut])
        #expect(session.state.stepIndex == 1, "the second watch saw the step done and went on")
        let transcript = try Transcript(text: text)
        #expect(transcript.waits == [.timedOut, .interrupted, .timedOut])
        let replay = try TranscriptReplay.replay(transcript, lesson: try TestLessons.load(WatchTests.lesson, id: "watched"))
        #expect(replay.matches, "\(replay.diff)")

        let summary = TranscriptReport.summary(transcript)
        #expect(summary.contains("    done already? no\n    ⌨ console> run\n    watched: 2 looks, stopped with Ctrl-C\n    ⌨ console> watch\n    watched: 2 looks, then it passed\n"), "\(summary)")
        #expect(summary.contains("watched 2 times, 4 looks"), "\(summary)")
        #expect(summary.contains("\"done already?\" looked up 2 times"), "the watches' looks are not look-ups: \(summary)")
    }
}

@Suite struct TranscriptDifferenceTests {
    @Test func eventsAreComparedWholeNotByTheirShortenedLines() {
        let long = String(repeating: "x", count: 300)
        let diff = TranscriptReplay.difference(expected: [.output(long + "a")], actual: [.output(long + "b")])
        #expect(diff.hasPrefix("replay diverges at event 1 of 1 recorded (1 replayed):"))
        #expect(TranscriptReplay.difference(expected: [.output(long)], actual: [.output(long)]).isEmpty)
    }
}
