/// A terminal that answers prompts with the lines a transcript recorded, and waits for keys as the
/// recorded waits ended (at once); it keeps nothing of what is written.
/// It is interactive exactly when the recorded session was.
///
/// A recorded confirmation of a destructive command is used by a replay that runs nothing; a live
/// replay (`confirmations` given) never reuses it: the person at `confirmations` answers anew, and
/// without one the command is not confirmed.
public final class ReplayTerminal: Terminal {
    private var lines: [String]
    private var waits: [KeyWait]
    public let isInteractive: Bool
    private let confirmations: Confirmations

    /// Who confirms destructive commands in a replay.
    public enum Confirmations {
        /// The recording (a replay that runs nothing).
        case recorded
        /// The person at this terminal, or nobody (nil: not confirmed).
        case askedAgain(Terminal?)
    }

    public init(lines: [String], waits: [KeyWait] = [], interactive: Bool, confirmations: Confirmations = .recorded) {
        self.lines = lines
        self.waits = waits
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

    /// The recorded end of the wait; once they are used up, a key (the next recorded line answers the prompt).
    public func waitForKey(seconds: Int) -> KeyWait {
        waits.isEmpty ? .keyPressed : waits.removeFirst()
    }

    public func write(_ text: String) {}

    public func setCompletions(_ words: [String]) {}
}
