import Foundation
import Lessons

/// Turns session events into transcript lines as they happen: the header first, then one
/// `[seconds, code, data]` line per event, each handed to `write` at once (so a transcript is readable
/// after a crash). Known secret values are replaced by `SecretStandIn.redacted` before anything is written.
public final class TranscriptRecorder: @unchecked Sendable {
    /// Stands in for a secret in everything recorded.

    private let lock = NSLock()
    private let start: Date
    private let clock: @Sendable () -> Date
    private let write: @Sendable (String) -> Void
    private var recorded: [TranscriptEvent] = []
    private var secretValues: [String] = []

    public init(header: TranscriptHeader, clock: @escaping @Sendable () -> Date = { Date() }, write: @escaping @Sendable (String) -> Void) throws {
        self.clock = clock
        self.start = clock()
        self.write = write
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        write(String(decoding: try encoder.encode(header), as: UTF8.self) + "\n")
    }

    /// The events recorded so far (redacted).
    public var events: [TranscriptEvent] { lock.withLock { recorded } }

    /// How many events were recorded (the "transcript position" saved with progress).
    public var count: Int { lock.withLock { recorded.count } }

    /// Values never to be written (the learner's secrets), from now on.
    public func addSecret(_ value: String) {
        guard !value.isEmpty else { return }
        lock.withLock { secretValues.append(value) }
    }

    public func append(_ event: TranscriptEvent) {
        lock.withLock {
            let clean = redact(event)
            recorded.append(clean)
            let seconds = (clock().timeIntervalSince(start) * 1000).rounded() / 1000
            guard let data = try? clean.data() else { return }
            write(AsciicastLine.line(seconds: seconds, code: clean.code, data: data) + "\n")
        }
    }

    private func redact(_ event: TranscriptEvent) -> TranscriptEvent {
        guard !secretValues.isEmpty else { return event }
        func clean(_ text: String) -> String {
            secretValues.reduce(text) { $0.replacingOccurrences(of: $1, with: SecretStandIn.redacted) }
        }
        switch event {
        case .output(let text): return .output(clean(text))
        case .input(let text): return .input(clean(text))
        case .marker(let text): return .marker(clean(text))
        case let .inputValue(name, value):
            if case .text(let text) = value { return .inputValue(name: name, value: .text(clean(text))) }
            return event
        case .command(var request):
            request.command = clean(request.command)
            return .command(request)
        case .result(var result):
            result.output = clean(result.output)
            return .result(result)
        case .check(var outcome):
            outcome.title = clean(outcome.title)
            outcome.expected = clean(outcome.expected)
            outcome.found = clean(outcome.found)
            return .check(outcome)
        case .status, .waited: return event
        case .selfTest(var finding):
            finding.detail = clean(finding.detail)
            return .selfTest(finding)
        case .end(let text): return .end(clean(text))
        }
    }
}
