import Foundation
import Lessons

/// What `piwizard test` reports for one run of a lesson (one lab flavour, or none): per step and item,
/// whether the checks failed before the step, passed after it, and caught each drill, with the time each
/// took (from the transcript's clock); and every finding that did not hold, with where to look.
public struct SelfTestReport: Sendable, Codable {
    /// One finding and how long its phase took.
    public struct Entry: Sendable, Codable {
        public var finding: SelfTestFinding
        public var seconds: Double
    }

    /// The flavour the lab ran (nil without a lab).
    public var flavour: String?
    /// How the session ended (`Lesson finished: …`, or where it stopped and why).
    public var outcome: String
    public var finished: Bool
    public var entries: [Entry]
    /// The run's transcript; nil when its folder was removed (the run held, without `--keep`).
    public var transcript: String?
    /// Teardown blocks that failed before the run (an earlier run's leftovers they could not clear).
    public var teardownBefore: [SelfTestTeardown.Result] = []
    /// Every teardown block's run after the run.
    public var teardown: [SelfTestTeardown.Result] = []

    /// The findings in a transcript, timed from the item's start (its marker) or the finding before.
    public init(transcript: Transcript, path: String, outcome: SessionOutcome, flavour: String?) {
        var entries: [Entry] = []
        var since = 0.0
        for (time, event) in transcript.events {
            switch event {
            case .marker: since = time
            case .selfTest(let finding):
                entries.append(Entry(finding: finding, seconds: max(0, time - since)))
                since = time
            default: break
            }
        }
        self.entries = entries
        self.flavour = flavour
        self.outcome = outcome.message
        if case .finished = outcome { finished = true } else { finished = false }
        self.transcript = path
    }

    /// The findings that did not hold.
    public var failures: [SelfTestFinding] { entries.map(\.finding).filter { !$0.held } }

    /// Whether everything held, the lesson ran to its end and its teardown undid it.
    public var held: Bool { finished && failures.isEmpty && teardown.allSatisfy { $0.problem == nil } }

    /// The report as a table, then each failure (`file:line: step [item] phase: what`), then the outcome.
    public func text(style: TextStyle) -> String {
        var rows: [[String]] = []
        var keys: [String] = []
        var cells: [String: (before: String, after: String, drills: [Bool], seconds: Double)] = [:]
        for entry in entries {
            let finding = entry.finding
            let key = finding.step + "\u{1}" + finding.item
            if cells[key] == nil { keys.append(key); cells[key] = ("–", "–", [], 0) }
            let mark = finding.held ? "✓" : "✗"
            switch finding.phase {
            case .before: cells[key]?.before = mark
            case .after: cells[key]?.after = mark
            case .solve: cells[key]?.after = mark + " solved"
            case .drill: cells[key]?.drills.append(finding.held)
            case .repair: if !finding.held, var drills = cells[key]?.drills, !drills.isEmpty { drills[drills.count - 1] = false; cells[key]?.drills = drills }
            }
            cells[key]?.seconds += entry.seconds
        }
        for key in keys {
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
            guard let cell = cells[key] else { continue }
            let drills = cell.drills.isEmpty ? "–" : "\(cell.drills.filter { $0 }.count)/\(cell.drills.count)" + (cell.drills.allSatisfy { $0 } ? "" : " ✗")
            rows.append([parts[0], parts.count > 1 && !parts[1].isEmpty ? parts[1] : "–", cell.before, cell.after, drills, String(format: "%.1f s", cell.seconds)])
        }
        let header = ["STEP", "ITEM", "BEFORE", "AFTER", "DRILLS", "TIME"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var text = flavour.map { style.apply(.bold, to: "In the practice lab, \($0):") + "\n" } ?? ""
        text += style.apply(.bold, to: line(header)) + "\n" + rows.map { line($0) + "\n" }.joined()
        for failure in failures {
            let item = failure.item.isEmpty ? "" : " [\(failure.item)]"
            text += style.apply(.red, to: "✗ \(failure.place): \(failure.step)\(item) \(failure.phaseName): \(failure.detail)") + "\n"
        }
        text += (finished ? "" : style.apply(.red, to: "The run did not reach the end: ")) + outcome + "\n"
        text += teardownText(style: style)
        text += "transcript: " + (transcript ?? "removed with the run's folder (it held; --keep keeps it)") + "\n"
        return text
    }

    /// What the teardown did: the blocks that failed, or how many undid the run.
    private func teardownText(style: TextStyle) -> String {
        var text = ""
        for result in teardownBefore {
            let item = result.item.isEmpty ? "" : " [\(result.item)]"
            text += style.apply(.dim, to: "note: \(result.place): \(result.step)\(item) teardown before the run: \(result.problem ?? "")") + "\n"
        }
        let failed = teardown.filter { $0.problem != nil }
        for result in failed {
            let item = result.item.isEmpty ? "" : " [\(result.item)]"
            text += style.apply(.red, to: "✗ \(result.place): \(result.step)\(item) teardown: \(result.problem ?? "")") + "\n"
        }
        if !teardown.isEmpty, failed.isEmpty { text += "Teardown: \(teardown.count) block run\(teardown.count == 1 ? "" : "s") undid the run.\n" }
        return text
    }
}
