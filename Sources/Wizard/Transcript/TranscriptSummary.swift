import Foundation

/// What a transcript shows in short: the steps in order, each with its commands (where they ran, exit
/// status, time), check results and settled statuses, and how the session ended. `transcript show`
/// prints it as text, or as JSON (docs/json-output.md, schema 1).
public struct TranscriptSummary: Sendable, Hashable, Codable {
    public static let currentSchema = 1

    /// A command that ran, with its result.
    public struct Command: Sendable, Hashable, Codable {
        public var command: String
        public var host: String?
        public var exitStatus: Int32
        public var timedOut: Bool
        public var seconds: Double
    }

    /// A step (or one node of it) that became done, skipped or failed.
    public struct Settled: Sendable, Hashable, Codable {
        public var item: String
        public var status: StepStatus
    }

    /// One thing that happened in a step, in order.
    public enum Entry: Sendable, Hashable, Codable {
        case command(Command)
        case check(CheckOutcome)
        case settled(Settled)
    }

    /// A step, from its marker on.
    public struct StepEntries: Sendable, Hashable, Codable {
        public var id: String
        /// Seconds since the session started.
        public var at: Double
        public var entries: [Entry]
    }

    public var schema = Self.currentSchema
    public var lesson: String
    public var title: String
    public var events: Int
    /// The last line was cut off (a session killed mid-write).
    public var truncated: Bool
    public var steps: [StepEntries] = []
    /// How the session ended; nil when it was cut short.
    public var end: String?
    public var failedChecks: Int = 0

    public init(_ transcript: Transcript) {
        lesson = transcript.header.piwizard.lesson
        title = transcript.header.title
        events = transcript.events.count
        truncated = transcript.truncated
        var pending: CommandRequest?
        for (time, event) in transcript.events {
            switch event {
            case .marker(let step):
                steps.append(StepEntries(id: step, at: time, entries: []))
            case .command(let request):
                pending = request
            case .result(let result):
                let command = Command(command: pending?.command ?? "?", host: pending?.host?.description, exitStatus: result.exitStatus,
                                      timedOut: result.timedOut, seconds: result.duration)
                pending = nil
                append(.command(command))
            case .check(let outcome):
                if !outcome.passed { failedChecks += 1 }
                append(.check(outcome))
            case .end(let message):
                end = message
            case let .status(_, item, status) where status == .done || status == .skipped || status == .failed:
                append(.settled(Settled(item: item, status: status)))
            default:
                break
            }
        }
    }

    /// Entries before the first step marker go in a step of their own with the id `""`.
    mutating func append(_ entry: Entry) {
        if steps.isEmpty { steps.append(StepEntries(id: "", at: 0, entries: [])) }
        steps[steps.count - 1].entries.append(entry)
    }

    public var text: String {
        var lines = ["\(title) — \(events) events" + (truncated ? " (the last line was cut off)" : "")]
        for step in steps {
            if !step.id.isEmpty { lines.append(String(format: "[%7.1fs] ", step.at) + "step \(step.id)") }
            for entry in step.entries {
                switch entry {
                case .command(let command):
                    let place = command.host.map { " on \($0)" } ?? ""
                    let first = command.command.split(separator: "\n").first.map(String.init) ?? "?"
                    lines.append("    $ \(first)\(place) → exit \(command.exitStatus)\(command.timedOut ? " (timed out)" : ""), \(String(format: "%.1f", command.seconds)) s")
                case .check(let outcome):
                    lines.append("    \(outcome.passed ? "✓" : "✗") \(outcome.title)" + (outcome.passed ? "" : ": expected \(outcome.expected); found \(outcome.found)"))
                case .settled(let settled):
                    lines.append("    → \(step.id)\(settled.item.isEmpty ? "" : "/\(settled.item)") \(settled.status.rawValue)")
                }
            }
        }
        lines.append(end.map { "end: \($0)" } ?? "(no end: the session was cut short)")
        lines.append("\(failedChecks) failed check\(failedChecks == 1 ? "" : "s")")
        return lines.joined(separator: "\n") + "\n"
    }
}
