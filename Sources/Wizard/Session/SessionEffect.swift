import Lessons

/// What the transition function asks the world to do; the session's loop does it through the
/// `Terminal`, the `CommandRunner` and its observers. Only the last effect of a transition may wait for
/// an answer (`readLine`, `run`, `check`, `ask`), which comes back as the next event.
public enum SessionEffect: Sendable, Equatable {
    /// Show text (it carries its own newlines).
    case write(String)
    /// Words offered for tab completion.
    case setCompletions([String])
    /// Record a transcript event (step markers, status and input changes).
    case record(TranscriptEvent)
    /// The state changed: save it (`onStateChange`).
    case save(StateChanges)
    /// Read a line → `.line`, `.interrupted` or `.endOfInput`.
    case readLine(prompt: String, prefill: String?)
    /// Read the line that confirms a destructive command (`Terminal.readConfirmation`) → as `readLine`.
    case confirm(prompt: String)
    /// Run a command → `.commandFinished` or `.commandFailed`; `showsOutput` passes its output to the
    /// terminal (when the runner does not show it itself).
    case run(CommandRequest, showsOutput: Bool)
    /// Run these checks (or preconditions) for an item, recording each outcome → `.checked`. Not
    /// `patient` when looking whether a step is done before it runs: a check then does not wait for
    /// what it checks to come about (`reachable`'s `wait`).
    case check([Block], item: LoopItem?, patient: Bool = true)
    /// A watch's look at these checks for an item: as `check` when not patient, with the keys typed
    /// meanwhile held for the wait that follows (`Terminal.holdingKeys`) → `.checked`.
    case look([Block], item: LoopItem?)
    /// Ask the learner for an input's value (detecting a choice's default first) → `.answered`.
    case ask(InputDeclaration)
    /// Detect an input's value with its `detect` command (unattended: no one to ask), else its default
    /// → `.answered` (nil when neither gives one).
    case detectInput(InputDeclaration)
    /// Detect a loop record's field on its node, else ask for it (never unattended) → `.answered`.
    case detect(field: String, item: LoopItem, list: String)
    /// Wait up to this many seconds for a key, leaving it for the next prompt → `.waited`.
    case waitForKey(seconds: Int)
    /// The session is over.
    case end(SessionOutcome)
}
