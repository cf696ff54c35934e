/// The learner's terminal as the wizard sees it: lines in, text out. The live terminal is GNU readline
/// (or plain lines when stdin is not a terminal); tests use a scripted one.
public protocol Terminal: AnyObject {
    /// One line typed at `prompt`, with `prefill` already on the line for the learner to edit;
    /// nil at end of input (Ctrl-D, or the script ran out).
    func readLine(prompt: String, prefill: String?) -> String?
    /// A line typed with echo off (a secret); nil at end of input. Never stored in history.
    func readSecret(prompt: String) -> String?
    /// A line that confirms a destructive command (the device's name, or yes): like `readLine`, but a
    /// replay never answers it from a recording.
    func readConfirmation(prompt: String) -> String?
    /// Shows text as it is (it carries its own newlines).
    func write(_ text: String)
    /// Words offered for tab completion from now on (session commands, step ids, variable names).
    func setCompletions(_ words: [String])
    /// Whether a person is there to answer (false for scripts and pipes).
    var isInteractive: Bool { get }
    /// True when the last `readLine` or `readSecret` ended with Ctrl-C (it then returned an empty line,
    /// which must not be taken as an answer).
    var lastReadWasInterrupted: Bool { get }
}

extension Terminal {
    public var lastReadWasInterrupted: Bool { false }

    public func readConfirmation(prompt: String) -> String? {
        readLine(prompt: prompt, prefill: nil)
    }
}
