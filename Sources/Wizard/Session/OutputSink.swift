import Foundation

/// Where a running command's output goes on the learner's screen (nowhere for a command whose output
/// is not shown; an interactive command's output the pseudo-terminal shows as it comes, raw, and the
/// sink only follows it to end its last line). A carriage return that redraws a line (`dd status=progress`) clears the rest of it,
/// so a shorter update leaves no tail of a longer one; output that ends without a line break gets
/// one before piwizard speaks again (`finish`), so no message is glued to it.
final class OutputSink: @unchecked Sendable {
    private let terminal: Terminal?
    private let shows: Bool
    private let lock = NSLock()
    /// Whether the last character on the screen ended a line (true before anything was shown).
    private var atLineStart = true

    /// `shows`: the sink writes the output; `onScreen`: the output reaches the screen (by the sink, or
    /// by the pseudo-terminal of an interactive command).
    init(terminal: Terminal?, shows: Bool = true, onScreen: Bool? = nil) {
        self.terminal = (onScreen ?? shows) ? terminal : nil
        self.shows = shows
    }

    @Sendable func write(_ chunk: String) {
        guard !chunk.isEmpty, let terminal else { return }
        lock.lock()
        defer { lock.unlock() }
        // The collector has turned CRLF into LF already: every carriage return here redraws its line.
        if shows { terminal.write(chunk.replacingOccurrences(of: "\r", with: "\r" + Self.clearToEndOfLine)) }
        atLineStart = chunk.hasSuffix("\n")
    }

    /// Ends the command's output: a line break when what reached the screen did not end with one.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if !atLineStart { terminal?.write("\n") }
        atLineStart = true
    }

    /// The terminal's "erase to the end of the line" (EL).
    static let clearToEndOfLine = "\u{1B}[K"
}
