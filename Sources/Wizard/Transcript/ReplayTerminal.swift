/// A terminal that answers prompts with the lines a transcript recorded, and keeps what is written.
/// It is interactive exactly when the recorded session was.
public final class ReplayTerminal: Terminal {
    private var lines: [String]
    public let isInteractive: Bool

    public init(lines: [String], interactive: Bool) {
        self.lines = lines
        self.isInteractive = interactive
    }

    public private(set) var lastReadWasInterrupted = false

    public func readLine(prompt: String, prefill: String?) -> String? {
        guard !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        lastReadWasInterrupted = line == RecordingTerminal.interrupt
        return lastReadWasInterrupted ? "" : line
    }

    public func readSecret(prompt: String) -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }

    public func write(_ text: String) {}

    public func setCompletions(_ words: [String]) {}
}
