import Foundation
import Lessons

/// The summary as `transcript show` prints it, and as the Markdown report `transcript export` writes.
extension TranscriptSummary {
    /// Text longer than this in a check's or value's line is cut, with `…`.
    static let longestPart = 200

    public var text: String {
        var lines = ["\(title) — \(events) events" + (truncated ? " (the last line was cut off)" : "")]
        for step in steps {
            lines.append(String(format: "[%7.1fs] ", step.at) + (step.id.isEmpty ? "before the first step" : "step \(step.id)"))
            lines += step.entries.flatMap(Self.lines)
        }
        lines.append(end.map { "end: \($0)" } ?? "(no end: the session was cut short)")
        lines.append(tally)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The counts at the end: checks, look-ups, piwizard's own commands.
    var tally: String {
        var parts = ["\(passedChecks) check\(passedChecks == 1 ? "" : "s") passed, \(failedChecks) failed"]
        if lookups > 0 { parts.append("\"done already?\" looked up \(lookups) time\(lookups == 1 ? "" : "s"), \(lookupsDone) found done") }
        if watches > 0 { parts.append("watched \(watches) time\(watches == 1 ? "" : "s"), \(watchLooks) look\(watchLooks == 1 ? "" : "s")") }
        if ownCommands > 0 { parts.append("piwizard ran \(ownCommands) command\(ownCommands == 1 ? "" : "s") of its own to check") }
        return parts.joined(separator: "; ")
    }

    static func lines(_ entry: Entry) -> [String] {
        switch entry {
        case .command(let command):
            let body = command.command.split(separator: "\n", omittingEmptySubsequences: false)
            let shown = body.enumerated().map { ($0.offset == 0 ? "    $ " : "      ") + VisibleText.of(String($0.element)) }
            return shown + ["      → \(place(command.host)), exit \(command.exitStatus)\(command.timedOut ? " (timed out)" : ""), \(String(format: "%.1f", command.seconds)) s"]
        case .check(let outcome):
            return ["    \(outcome.passed ? "✓" : "✗") \(outcome.title)" + (outcome.passed ? "" : ": expected \(cut(outcome.expected)); found \(cut(outcome.found))")]
        case .settled(let settled):
            return ["    → \(settled.item.isEmpty ? "" : settled.item + ": ")\(settled.status.rawValue)"]
        case .typed(let typed):
            return ["    ⌨ \(typed.prompt.isEmpty ? "" : typed.prompt + " ")\(typed.line.isEmpty ? "(Enter)" : VisibleText.of(typed.line))"]
        case .value(let value):
            return ["    = \(value.name): \(cut(value.value))"]
        case .lookup(let lookup):
            return ["    done already? " + (lookup.done ? "yes: its check\(lookup.checks == 1 ? "" : "s") passed" : "no")]
        case .watch(let watch):
            return ["    watched: " + watchText(watch)]
        }
    }

    /// `3 looks, then it passed`, or how the watch was stopped.
    static func watchText(_ watch: Watch) -> String {
        let looks = "\(watch.looks) look\(watch.looks == 1 ? "" : "s")"
        if watch.passed { return looks + ", then it passed" }
        switch watch.ended {
        case .keyPressed?: return looks + ", stopped by a command typed"
        case .interrupted?: return looks + ", stopped with Ctrl-C"
        case .endOfInput?: return looks + ", stopped at the end of input"
        default: return looks
        }
    }

    static func place(_ host: String?) -> String { host.map { "on \($0)" } ?? "here" }

    /// One line of at most `longestPart` characters: line breaks shown as `⏎`, the rest cut.
    static func cut(_ text: String) -> String {
        let line = VisibleText.of(text.replacingOccurrences(of: "\n", with: " ⏎ "))
        return line.count > longestPart ? String(line.prefix(longestPart)) + "…" : line
    }

    /// A Markdown report: a heading per step, the lesson's commands as shell blocks with the last
    /// lines of their output, checks as a list, what was typed as quotes.
    public func markdown(recordedAt date: Date) -> String {
        var text = "# \(title)\n\nLesson `\(lesson)`, recorded \(ISO8601DateFormatter().string(from: date)).\n"
        for step in steps {
            text += "\n## " + (step.id.isEmpty ? "Before the first step" : step.id) + "\n\n"
            for entry in step.entries { text += Self.markdown(entry) }
        }
        text += "\n" + (end.map { "**End:** \($0)" } ?? "**No end:** the session was cut short.") + "\n\n\(tally).\n"
        return text
    }

    static func markdown(_ entry: Entry) -> String {
        switch entry {
        case .command(let command):
            var text = "```sh\n\(command.command)\n```\n\nRan \(place(command.host)): exit \(command.exitStatus), \(String(format: "%.1f", command.seconds)) s.\n\n"
            if let tail = command.outputTail { text += "```text\n\(tail)\n```\n\n" }
            return text
        case .check(let outcome):
            return "- \(outcome.passed ? "✓" : "✗") **\(outcome.title)**: expected \(cut(outcome.expected)); found \(cut(outcome.found))\n"
        case .settled(let settled):
            return "\n*\(settled.item.isEmpty ? "" : settled.item + ": ")\(settled.status.rawValue)*\n\n"
        case .typed(let typed):
            return "> typed at `\(typed.prompt)`: `\(typed.line.isEmpty ? "(Enter)" : VisibleText.of(typed.line))`\n\n"
        case .value(let value):
            return "- `\(value.name)` = `\(cut(value.value))`\n"
        case .lookup(let lookup):
            return "- done already? \(lookup.done ? "yes" : "no")\n"
        case .watch(let watch):
            return "- watched: \(watchText(watch))\n"
        }
    }
}
