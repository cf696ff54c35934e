/// Every exit status piwizard uses, in one place (the README's table): a session's own outcomes, then
/// the command-line failures, after BSD's sysexits.
public enum ExitStatus {
    /// The lesson finished, or the learner quit.
    public static let done: Int32 = 0
    /// Unattended: a check or command failed.
    public static let failed: Int32 = 1
    /// Unattended: an input has no value.
    public static let missingInput: Int32 = 2
    /// Unattended: a step needs a person.
    public static let needsHands: Int32 = 3
    /// A command line, `--var`, `--vars` or environment value that is refused.
    public static let badInput: Int32 = 64
    /// A lesson that does not lint, a transcript or saved progress that cannot be read.
    public static let badData: Int32 = 65
    /// No such lesson, step or file.
    public static let notFound: Int32 = 66
    /// The practice lab or a command could not do it.
    public static let unavailable: Int32 = 69
    /// A bug in piwizard.
    public static let internalError: Int32 = 70
    /// Saved progress or a transcript cannot be written or read.
    public static let storage: Int32 = 74
}
