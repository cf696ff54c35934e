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
    /// Waits up to `seconds` for a key without reading it: the next prompt reads it as the first key
    /// of its line (Ctrl-C is the exception: it ends the wait and is dropped). Terminals that cannot
    /// wait answer `.keyPressed` at once, so the session asks its prompt.
    func waitForKey(seconds: Int) -> KeyWait
    /// Runs `body` (a watch's look at the checks) with the keys typed meanwhile held for the next
    /// `waitForKey`: not shown, and Ctrl-C a key like any other rather than a signal that ends piwizard.
    func holdingKeys<T>(_ body: () -> T) -> T
    /// Runs `body` (a "done already?" look) with the keys typed meanwhile not echoed: they stay for the
    /// next prompt, which shows them as it reads them, and Ctrl-C stays a signal.
    func typingUnseen<T>(_ body: () -> T) -> T
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

    public func waitForKey(seconds: Int) -> KeyWait { .keyPressed }

    public func holdingKeys<T>(_ body: () -> T) -> T { body() }

    public func typingUnseen<T>(_ body: () -> T) -> T { body() }
}
