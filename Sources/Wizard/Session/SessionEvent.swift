import Lessons

/// What happens to a session from outside: the learner's lines, commands and checks that finished,
/// answers to input questions. The transition function turns each into a new state and effects.
public enum SessionEvent: Sendable, Equatable {
    /// The session starts (or resumes).
    case begin
    /// A line the learner typed at the last prompt.
    case line(String)
    /// Ctrl-C at the last prompt (the line is not an answer).
    case interrupted
    /// Input ended (Ctrl-D, or the script ran out).
    case endOfInput
    /// The last command ran and ended with this result.
    case commandFinished(CommandResult)
    /// The last command could not be started (the reason, for the learner).
    case commandFailed(String)
    /// The checks of the last `.check` effect, in order.
    case checked([CheckOutcome])
    /// The value the learner gave (or a detection found) for the last `.ask`; nil when input ended or,
    /// unattended, nothing was found.
    case answered(InputValue?)
    /// How the last `.waitForKey` ended.
    case waited(KeyWait)
}

extension SessionEvent {
    /// The result of the command that finished, nil for any other event.
    var finishedCommand: CommandResult? {
        if case .commandFinished(let result) = self { return result }
        return nil
    }
}
