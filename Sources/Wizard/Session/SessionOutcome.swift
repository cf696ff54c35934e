/// How a session ended; the executable turns it into a message and an exit status.
public enum SessionOutcome: Sendable, Equatable {
    /// Every step is settled: how many steps were done and skipped (a step counts once, however many
    /// items its loop has), how many of the done ones have a loop, their items done in all, and what
    /// an item is called (the loops' variable, `node`, when they share one).
    case finished(done: Int, skipped: Int, loopSteps: Int = 0, loopItems: Int = 0, itemName: String = "item")
    /// The learner typed quit, or input ended.
    case quit(step: String)
    /// Unattended: a check or command failed.
    case failed(step: String, reason: String)
    /// Unattended: an input has no value.
    case missingInput(name: String, step: String)
    /// Unattended: the step needs a person (hand-typed commands, a confirmation).
    case needsHands(step: String, reason: String)
    /// Progress or the transcript could not be saved (a full disk): the session stopped before
    /// anything more ran, keeping what was saved before.
    case cannotSave(step: String, reason: String)

    /// The process exit status for this outcome.
    public var exitStatus: Int32 {
        switch self {
        case .finished, .quit: return ExitStatus.done
        case .failed: return ExitStatus.failed
        case .missingInput: return ExitStatus.missingInput
        case .needsHands: return ExitStatus.needsHands
        case .cannotSave: return ExitStatus.storage
        }
    }

    public var message: String {
        switch self {
        case let .finished(done, skipped, loopSteps, loopItems, itemName):
            return "Lesson finished: \(done) step\(done == 1 ? "" : "s") done" + (skipped > 0 ? ", \(skipped) skipped" : "")
                + (loopSteps > 0 ? "; \(loopSteps) of them once for each \(itemName), \(loopItems) run\(loopItems == 1 ? "" : "s") in all" : "") + "."
        case let .quit(step):
            return "Stopped at step '\(step)'."
        case let .failed(step, reason):
            return "Step '\(step)' failed: \(reason)"
        case let .missingInput(name, step):
            return "Step '\(step)' needs the input '\(name)': give it with --var \(name)=VALUE, --vars FILE or PIWIZARD_VAR_\(name.uppercased().replacingOccurrences(of: "-", with: "_"))."
        case let .needsHands(step, reason):
            return "Step '\(step)' needs a person: \(reason)"
        case let .cannotSave(_, reason):
            return "Stopped before anything more ran: \(reason). What was saved before is kept (a step whose end was not saved is checked again); make room (or fix the folder), then resume."
        }
    }
}
