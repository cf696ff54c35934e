import Foundation
import Lessons

/// Re-runs a lesson's engine against a transcript: the recorded prompt input goes to a replay terminal,
/// the recorded command results come from a replay runner, and every event the engine produces must
/// equal the recorded one. No command runs.
public enum TranscriptReplay {
    /// The verdict: `diff` is empty when the replay matched.
    public struct Result: Sendable {
        public var recorded: Int
        public var replayed: Int
        public var diff: String
        public var matches: Bool { diff.isEmpty }
    }

    /// How a live replay runs: the runner that runs commands for real, who confirms destructive
    /// commands (never the recording), and the devices confirmed for an unattended recording (never
    /// the recorded ones).
    public struct Live {
        public var runner: CommandRunner
        public var confirmer: Terminal?
        public var confirmedDevices: Set<String>

        public init(runner: CommandRunner, confirmer: Terminal?, confirmedDevices: Set<String> = []) {
            self.runner = runner
            self.confirmer = confirmer
            self.confirmedDevices = confirmedDevices
        }
    }

    /// Replays with recorded results (`live` nil: every event must match), or re-executes the commands
    /// for real with `live` (then the steps must end the same way: markers and statuses must match,
    /// since real output and timings differ from the recording).
    public static func replay(_ transcript: Transcript, lesson loaded: LoadedLesson, live: Live? = nil) throws -> Result {
        let header = transcript.header
        let recorder = try TranscriptRecorder(header: header, clock: { Date(timeIntervalSince1970: 0) }, write: { _ in })
        let replayTerminal = ReplayTerminal(lines: transcript.inputs, waits: transcript.waits, interactive: header.piwizard.interactive,
                                            confirmations: live.map { .askedAgain($0.confirmer) } ?? .recorded)
        let terminal = RecordingTerminal(replayTerminal, recorder: recorder, inlineSecret: InlineSecret(lesson: loaded.lesson))
        let runner = RecordingRunner(live?.runner ?? ReplayRunner(transcript: transcript), recorder: recorder)
        // The lesson's text is the one given; in a replay that runs nothing its asset folder is where
        // the recorded session found it, so a transcript replays the same from any checkout.
        var replayed = loaded
        if live == nil, !header.piwizard.lessonFile.isEmpty { replayed.url = URL(fileURLWithPath: header.piwizard.lessonFile) }
        var options = header.options
        if let live {
            // What the header says about devices is data too: no recorded confirmation or stand-in counts.
            options.confirmedDevices = live.confirmedDevices
            options.standInDevices = []
            options.standInCards = [:]
        }
        // An unattended run was given its secrets (the lab's sudo password), which no transcript holds:
        // their stand-in takes their place, as in the recorded commands.
        var state = header.piwizard.initialState
        if header.options.unattended {
            for input in loaded.lesson.inputs where input.type == .secret && state.inputs[input.name] == nil {
                state.inputs[input.name] = .secret(SecretValue(SecretStandIn.redacted))
            }
        }
        let session = WizardSession(loaded: replayed, terminal: terminal, runner: runner, options: options, state: state)
        session.onEvent = { recorder.append($0) }
        let outcome = session.run()
        recorder.append(.end(outcome.message))
        var expected = coalescingOutput(transcript.events.map(\.event))
        var actual = coalescingOutput(recorder.events)
        // A session cut short (no end event) replays up to where the recording stops.
        if !expected.contains(where: { if case .end = $0 { return true } else { return false } }) {
            actual = Array(actual.prefix(expected.count))
        }
        if live != nil {
            func outcome(_ event: TranscriptEvent) -> Bool {
                switch event {
                case .marker, .status: return true
                default: return false
                }
            }
            expected = expected.filter(outcome)
            actual = actual.filter(outcome)
        }
        var diff = difference(expected: expected, actual: actual)
        if !diff.isEmpty, let recorded = header.piwizard.lessonFingerprint, recorded != LessonFingerprint.of(loaded.lesson) {
            diff = "The lesson has changed since this session was recorded (its steps or inputs differ), which may explain what follows.\n" + diff
        }
        return Result(recorded: expected.count, replayed: actual.count, diff: diff)
    }

    /// The events with the output of each command (between its `x-command` and its `x-result`) joined
    /// into one event: how a command's output was cut into pieces depends on timing, not on the engine.
    static func coalescingOutput(_ events: [TranscriptEvent]) -> [TranscriptEvent] {
        var result: [TranscriptEvent] = []
        var inCommand = false
        for event in events {
            switch event {
            case .command: inCommand = true
            case .result: inCommand = false
            default: break
            }
            if inCommand, case .output(let text) = event, case .output(let previous)? = result.last {
                result[result.count - 1] = .output(previous + text)
            } else {
                result.append(event)
            }
        }
        return result
    }

    /// A readable difference of two event lists: the first divergence with some context; empty if equal.
    public static func difference(expected: [TranscriptEvent], actual: [TranscriptEvent]) -> String {
        // Compared whole; only the lines shown are shortened.
        guard let first = zip(expected, actual).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
                ?? (expected.count != actual.count ? min(expected.count, actual.count) : nil) else { return "" }
        var old = expected.map { describe($0) }
        var new = actual.map { describe($0) }
        // Where the first differing events differ beyond the shortened line, show that part of both.
        if first < expected.count, first < actual.count, old[first] == new[first] {
            let a = Array(fullText(expected[first]))
            let b = Array(fullText(actual[first]))
            let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            old[first] = describe(expected[first], around: at)
            new[first] = describe(actual[first], around: at)
        }
        var lines = ["replay diverges at event \(first + 1) of \(old.count) recorded (\(new.count) replayed):"]
        for index in max(0, first - 3)..<first { lines.append("  \(old[index])") }
        for index in first..<min(old.count, first + 4) { lines.append("- \(old[index])") }
        for index in first..<min(new.count, first + 4) { lines.append("+ \(new[index])") }
        return lines.joined(separator: "\n")
    }

    /// One event as a line: code and data, newlines made visible, shortened to about 160 characters
    /// (around character `around` of the visible text, when given).
    public static func describe(_ event: TranscriptEvent, around: Int? = nil) -> String {
        let shown = Array(fullText(event))
        guard shown.count > 160 else { return "\(event.code) \(String(shown))" }
        let start = max(0, min((around ?? 0) - 60, shown.count - 157))
        let end = min(shown.count, start + 157)
        return "\(event.code) \(start > 0 ? "..." : "")\(String(shown[start..<end]))\(end < shown.count ? "..." : "")"
    }

    /// The event's data with newlines made visible.
    static func fullText(_ event: TranscriptEvent) -> String {
        ((try? event.data()) ?? "").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

}
