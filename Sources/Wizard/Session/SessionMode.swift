/// Who answers where a person would, and so how the session decides: a learner at the prompt, nobody
/// (an unattended run, `--yes`), or the lesson's self-test (`piwizard test`: nobody, and every check
/// proved). Each decision that differs between them is one property here, so the transition asks a
/// question by its name instead of testing the options' flags, and a new mode is one case whose
/// answers the compiler lists.
public enum SessionMode: Sendable, Equatable {
    case learner
    case unattended
    case selfTest

    /// The mode the options ask for (`selfTest` is unattended too).
    public init(_ options: SessionOptions) {
        self = options.selfTest ? .selfTest : options.unattended ? .unattended : .learner
    }

    /// A person answers: the prompt, yes/no questions, inputs, confirmations, "mark it done?".
    var asksPerson: Bool { self == .learner }

    /// Every step is looked at before it runs, even one that runs always or failed before: its checks
    /// must fail there (the self-test's "before").
    var looksBeforeEveryStep: Bool { self == .selfTest }

    /// The checks are proved: what they find before a step, after it, after its drills and repairs,
    /// is a finding of the self-test.
    var provesChecks: Bool { self == .selfTest }

    /// A step's `{solve}` block runs where only a person could answer a command (`{run person}`).
    var solvesForPerson: Bool { self == .selfTest }

    /// Hand-typed shell text (`{show}`) is run as if typed.
    var typesShownShell: Bool { self == .selfTest }

    /// A destructive command that names no device runs without a question (the lesson's own test).
    var runsDestructiveWithoutDevice: Bool { self == .selfTest }

    /// Done steps whose commands a value changes are opened again before the end; the self-test walks
    /// the lesson once, as written.
    var reopensChangedWork: Bool { self != .selfTest }

    /// A node that fails does not stop the others: the step ends failed after all of them.
    var goesOnAfterAFailedNode: Bool { self != .learner }
}
