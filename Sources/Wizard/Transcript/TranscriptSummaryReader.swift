import Foundation
import Lessons

/// Reads a transcript's events in order into a `TranscriptSummary`: it pairs each command with its
/// result, takes a typed line's prompt from the output just before it, and groups the checks of one
/// look-up (those asked one after the other before a step, with only their commands between).
struct TranscriptSummaryReader {
    private var pending: CommandRequest?
    private var lastOutput = ""
    private var inLookup = false

    mutating func read(_ event: TranscriptEvent, at time: Double, into summary: inout TranscriptSummary) {
        let continuesLookup = inLookup
        inLookup = false
        switch event {
        case .marker(let step):
            summary.steps.append(.init(id: step, at: time, entries: []))
        case .output(let text):
            lastOutput = text
        case .input(let line):
            // The prompt is the output written just before the line (a prompt wider than the screen on several lines).
            let prompt = lastOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            summary.append(.typed(.init(prompt: prompt, line: line)))
        case let .inputValue(name, value):
            summary.append(.value(.init(name: name, value: Self.text(of: value))))
        case .command(let request):
            pending = request
            inLookup = continuesLookup
        case .result(let result):
            inLookup = continuesLookup
            readResult(result, into: &summary)
        case .check(let outcome) where outcome.watched == true:
            summary.addWatchLook(outcome, continues: continuesLookup)
            inLookup = true
        case .waited(let wait):
            summary.endWatch(wait)
        case .check(let outcome) where outcome.lookup == true:
            summary.addLookup(outcome, continues: continuesLookup)
            inLookup = true
        case .check(let outcome):
            if outcome.passed { summary.passedChecks += 1 } else { summary.failedChecks += 1 }
            summary.append(.check(outcome))
        case .end(let message):
            summary.end = message
        case let .status(_, item, status) where status == .done || status == .skipped || status == .failed:
            summary.append(.settled(.init(item: item, status: status)))
        default:
            break
        }
    }

    /// A command's result: the lesson's command is listed, piwizard's own is counted.
    private mutating func readResult(_ result: CommandResult, into summary: inout TranscriptSummary) {
        guard let request = pending else { return }
        pending = nil
        guard request.isLessonCommand else {
            summary.ownCommands += 1
            return
        }
        let tail = result.output.split(separator: "\n", omittingEmptySubsequences: false).suffix(20).joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        summary.append(.command(.init(command: request.command, host: request.host?.description, exitStatus: result.exitStatus,
                                      timedOut: result.timedOut, seconds: result.duration, lesson: true, outputTail: tail.isEmpty ? nil : tail)))
    }

    /// A value as one line: a record's fields by name, records separated by `;`.
    static func text(of value: InputValue) -> String {
        switch value {
        case .text(let text): return VisibleText.of(text)
        case .secret: return SecretStandIn.redacted
        case .records(let records):
            return records.map { record in record.sortedFields.map { "\($0.field)=\(VisibleText.of($0.value))" }.joined(separator: " ") }
                .joined(separator: "; ")
        }
    }
}
