/// A terminal that answers prompts with the lines a transcript recorded, and keeps what is written.
/// It is interactive exactly when the recorded session was.
///
/// A recorded confirmation of a destructive command is used by a replay that runs nothing; a live
/// replay (`confirmations` given) never reuses it: the person at `confirmations` answers anew, and
/// without one the command is not confirmed.
public final class ReplayTerminal: Terminal {
    private var lines: [String]
    public let isInteractive: Bool
    private let confirmations: Confirmations

    /// Who confirms destructive commands in a replay.
    public enum Confirmations {
        /// The recording (a replay that runs nothing).
        case recorded
        /// The person at this terminal, or nobody (nil: not confirmed).
        case askedAgain(Terminal?)
    }

    public init(lines: [String], interactive: Bool, confirmations: Confirmations = .recorded) {
        self.lines = lines
        self.isInteractive = interactive
        self.confirmations = confirmations
    }

    public private(set) var lastReadWasInterrupted = false

    public func readLine(prompt: String, prefill: String?) -> String? {
        // The end of the recorded input is no interrupt, whatever the read before it was.
        guard !lines.isEmpty else {
            lastReadWasInterrupted = false
            return nil
        }
        let line = lines.removeFirst()
        lastReadWasInterrupted = line == RecordingTerminal.interrupt
        return lastReadWasInterrupted ? "" : line
    }

    public func readConfirmation(prompt: String) -> String? {
        let recorded = readLine(prompt: prompt, prefill: nil)
        guard case .askedAgain(let person) = confirmations else { return recorded }
        lastReadWasInterrupted = false
        guard let person else { return nil }
        let line = person.readConfirmation(prompt: prompt)
        lastReadWasInterrupted = person.lastReadWasInterrupted
        return line
    }

    public func readSecret(prompt: String) -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }

    public func write(_ text: String) {}

    public func setCompletions(_ words: [String]) {}
}
