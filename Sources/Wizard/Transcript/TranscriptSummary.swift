import Foundation
import Lessons

/// What a transcript tells, in short: the steps in order, each with what the learner typed (at which
/// prompt), the values inputs got, the lesson's commands the session ran (whole, where, exit status,
/// time), the checks and how each step settled; the "is it done already?" look-ups before a step are
/// told apart from checks, and piwizard's own commands (a validator's `lsblk`, a guard's `readlink`)
/// from the lesson's. `transcript show` prints it as text (`text`), or as JSON (docs/json-output.md,
/// schema 1); `transcript export --format markdown` writes it as a report.
public struct TranscriptSummary: Sendable, Hashable, Codable {
    public static let currentSchema = 1

    /// A command that ran, with its result: the lesson's (`lesson`), or one of piwizard's own.
    public struct Command: Sendable, Hashable, Codable {
        public var command: String
        public var host: String?
        public var exitStatus: Int32
        public var timedOut: Bool
        public var seconds: Double
        public var lesson: Bool
        /// The last lines of its output (a lesson's command only).
        public var outputTail: String?
    }

    /// A step (or one node of it) that became done, skipped or failed.
    public struct Settled: Sendable, Hashable, Codable {
        public var item: String
        public var status: StepStatus
    }

    /// A line typed at a prompt (`••••••` for a secret), and the prompt as the screen showed it.
    public struct Typed: Sendable, Hashable, Codable {
        public var prompt: String
        public var line: String
    }

    /// An input that got a value (never a secret's), as text.
    public struct Value: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
    }

    /// "Is the step done already?": the checks asked before the step ran, and whether all passed.
    public struct Lookup: Sendable, Hashable, Codable {
        public var checks: Int
        public var done: Bool
    }

    /// A watch of the step's checks: how many looks, whether the last one found them passing, and
    /// how it ended otherwise (`key`, `interrupt`, `end`; nil while it goes on or when it passed).
    public struct Watch: Sendable, Hashable, Codable {
        public var looks: Int
        public var passed: Bool
        public var ended: KeyWait?
    }

    /// One thing that happened in a step, in order.
    public enum Entry: Sendable, Hashable, Codable {
        case command(Command)
        case check(CheckOutcome)
        case settled(Settled)
        case typed(Typed)
        case value(Value)
        case lookup(Lookup)
        case watch(Watch)
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
    /// Checks that failed, look-ups left out.
    public var failedChecks: Int = 0
    public var passedChecks: Int = 0
    /// Look-ups before a step, and how many found it done.
    public var lookups: Int = 0
    public var lookupsDone: Int = 0
    /// Watches of a step's checks, and the looks they took.
    public var watches: Int = 0
    public var watchLooks: Int = 0
    /// Commands piwizard ran of its own (to check, guard or detect).
    public var ownCommands: Int = 0

    public init(_ transcript: Transcript) {
        lesson = transcript.header.piwizard.lesson
        title = transcript.header.title
        events = transcript.events.count
        truncated = transcript.truncated
        var reader = TranscriptSummaryReader()
        for (time, event) in transcript.events { reader.read(event, at: time, into: &self) }
    }

    /// Entries before the first step marker go in a step of their own with the id `""`.
    mutating func append(_ entry: Entry) {
        if steps.isEmpty { steps.append(StepEntries(id: "", at: 0, entries: [])) }
        steps[steps.count - 1].entries.append(entry)
    }

    /// Counts a watch's check: one more check of the look in progress (`continues`), one more look of
    /// the watch going on, or a new watch.
    mutating func addWatchLook(_ outcome: CheckOutcome, continues: Bool) {
        guard case .watch(var watch)? = steps.last?.entries.last, watch.ended == nil, !watch.passed || continues else {
            (watches, watchLooks) = (watches + 1, watchLooks + 1)
            return append(.watch(Watch(looks: 1, passed: outcome.passed, ended: nil)))
        }
        if continues {
            watch.passed = watch.passed && outcome.passed
        } else {
            (watch.looks, watchLooks, watch.passed) = (watch.looks + 1, watchLooks + 1, outcome.passed)
        }
        steps[steps.count - 1].entries[steps[steps.count - 1].entries.count - 1] = .watch(watch)
    }

    /// A wait of the watch going on ended: by a key, Ctrl-C or the end of input, the watch with it.
    mutating func endWatch(_ wait: KeyWait) {
        guard wait != .timedOut, case .watch(var watch)? = steps.last?.entries.last, watch.ended == nil else { return }
        watch.ended = wait
        steps[steps.count - 1].entries[steps[steps.count - 1].entries.count - 1] = .watch(watch)
    }

    /// Counts a look-up's check: one more check of the look-up in progress (`continues`), or a new one.
    mutating func addLookup(_ outcome: CheckOutcome, continues: Bool) {
        if continues, case .lookup(var lookup)? = steps.last?.entries.last {
            lookup.checks += 1
            if lookup.done && !outcome.passed { lookupsDone -= 1 }
            lookup.done = lookup.done && outcome.passed
            steps[steps.count - 1].entries[steps[steps.count - 1].entries.count - 1] = .lookup(lookup)
            return
        }
        lookups += 1
        if outcome.passed { lookupsDone += 1 }
        append(.lookup(Lookup(checks: 1, done: outcome.passed)))
    }
}
