/// What a session waits for, and what the answer is for: the place in the step it will go on from.
enum SessionPhase: Sendable, Equatable {
    /// Before `.begin`.
    case notStarted
    /// An input the step uses (`.answered`); `remaining` are asked after it.
    case askingInput(name: String, remaining: [String])
    /// A loop record's field the step's condition needs (`.answered`).
    case detectingField(String)
    /// The checks run before the step, to see whether it is done already (`.checked`).
    case checkingIfDone
    /// The look-ups of the loop's other items still to do (`.checked` for the first of `pending`);
    /// `found` are those that look done so far (item indices).
    case checkingOthersIfDone(pending: [Int], found: [Int])
    /// "Mark it done and go on?" (a line), for this item and the items `also` (indices) that look done.
    case confirmingDone(also: [Int])
    /// The step's prompt (a line).
    case prompt(PromptState)
    /// The new text of the command block at `block` (a line).
    case editing(block: Int, prompt: PromptState)
    /// `set NAME` without a value: the input's new value (`.answered`).
    case settingInput(String, prompt: PromptState)
    /// Watching the step's checks while the learner works by hand (`.checked`, then `.waited`).
    case watching(WatchState)
    /// Running a step's blocks and checks.
    case performing(Performance)
    /// Over.
    case ended
}

/// Where the step's prompt is: the block after hand-typed ones shown by `run` that `done` goes on
/// from, and whether the learner only looked at the commands (`show`).
struct PromptState: Sendable, Equatable {
    var resumeAt: Int?
    var shownOnly = false
    /// The practice lab sets the step's scene (`SessionLab.sceneSetUp`) before the learner's first
    /// `run`, `done`, `check`, `watch` or edited command.
    var labSceneToSet = false
}

/// A command typed at the prompt that waits for the practice lab to set the scene first.
struct LabSceneRequest: Sendable, Equatable {
    var command: SessionCommand
    var prompt: PromptState
}

/// A watch of the step's checks: the prompt it goes back to, how often it looks, and how many looks so far.
struct WatchState: Sendable, Equatable {
    var prompt: PromptState
    var seconds: Int
    var looks = 0
}

/// Where `piwizard test` is in a step after its commands ran: a drill (by its index among the step's
/// drills), its repair, or the step's solution.
enum SelfTestStage: Sendable, Equatable {
    case drill(Int)
    case repair(Int)
    case solve
}

/// One run of a step's blocks: preconditions, then the commands in `queue`, then the checks;
/// `origin` is what the result goes back to.
struct Performance: Sendable, Equatable {
    /// Who started it, and so where its result goes.
    enum Origin: Sendable, Equatable {
        /// The `on=lab` blocks that set the scene before the step is checked; then the learner's command
        /// that waited for it, if any.
        case labSetUp(then: LabSceneRequest?)
        /// An unattended run of the step.
        case unattended
        /// `run`, `done` or `check` at the prompt.
        case prompt(PromptState)
        /// The command the learner just edited.
        case edit(PromptState)
        /// A part of the lesson's self-test (`SessionMode.selfTest`).
        case selfTest(SelfTestStage)
    }

    /// What it waits for.
    enum Stage: Sendable, Equatable {
        case preconditions
        /// The command block at this offset (`.commandFinished`).
        case running(Int)
        /// The safeguards before the command block at this offset (`CommandGuard`: its looks and questions).
        case guarding(block: Int, CommandGuard.Stage)
        /// The block's own question (`confirm=`), answered before it runs (a line).
        case confirmingBlock(block: Int)
        case checks
    }

    var origin: Origin
    var queue: BlockQueue
    var stage: Stage
}

extension Performance.Origin {
    /// Whether the practice lab sets the step's scene (no learner types, answers or fails there).
    var isLabSetUp: Bool {
        if case .labSetUp = self { return true }
        return false
    }
}

/// What a run of a step's blocks led to.
enum PerformResult: Sendable, Equatable {
    case done
    case failed(String)
    /// Hand-typed blocks are shown; `done` goes on at this block offset.
    case waitingForHands(Int)
    /// A destructive command was not confirmed.
    case refused(String)
    /// The learner stopped a command with Ctrl-C: not done, not failed.
    case interrupted
}
