@preconcurrency import CReadline
import Foundation
import Wizard

/// The live terminal on GNU readline: line editing, history kept in a file, tab completion, a pre-filled
/// editable line, and secrets read with echo off.
///
/// - Readline is told its name is `piwizard` (`rl_readline_name`), so `$if piwizard` sections of
///   `~/.inputrc` (or the file named by `INPUTRC`) apply; readline reads that file itself on first use.
/// - Tab completes the first word from the words given to ``setCompletions(_:)``, and file names for
///   later words or for a word that looks like a path (starting with `/`, `~` or `.`).
/// - A watch waits for a key (``waitForKey(seconds:)``) with the terminal uncooked; the key is given to
///   readline for the next prompt, so typing a command ends the watch without losing its first letter.
/// - Ctrl-C at a prompt cancels the line: readline shows `^C`, and ``readLine(prompt:prefill:)`` returns
///   an empty string with ``lastReadWasInterrupted`` set; the process goes on. Ctrl-D on an empty line
///   returns nil (end of input).
/// - Prompts may carry ANSI colour codes: they are marked invisible for readline
///   (``markingInvisible(_:)``) so that it computes the prompt's width right. Everything up to the last
///   newline of a prompt is written out first, and only the last line goes to readline.
///
/// Readline keeps its state in C globals, so use one instance at a time, from one thread. Use it only
/// when stdin and stdout are terminals (see ``TerminalFactory``).
public final class ReadlineTerminal: Terminal {
    /// Whether the last ``readLine(prompt:prefill:)`` or ``readSecret(prompt:)`` ended with Ctrl-C.
    public private(set) var lastReadWasInterrupted = false

    private let history: ReadlineHistory
    /// What of a typed line the history may keep (a secret typed inline is cut off).
    private let keepable: @Sendable (String) -> String
    private let input = TerminalDescriptor(fd: STDIN_FILENO)
    private let output = TerminalDescriptor(fd: STDOUT_FILENO)

    /// Words for completing the first word; read by the completion callback.
    nonisolated(unsafe) private static var completionWords: [String] = []
    /// The matches being handed out by the completion generator, and the next one's index.
    nonisolated(unsafe) private static var pendingMatches: [String] = []
    nonisolated(unsafe) private static var nextMatch = 0
    /// Text the startup hook puts on the line; cleared once used.
    nonisolated(unsafe) private static var prefill: String?

    /// A terminal whose history is loaded from and appended to `historyFile` (nil: history for this run
    /// only), keeping at most `historyLimit` lines, each as `keepable` leaves it.
    public init(historyFile: URL?, historyLimit: Int = 1000, keepable: @escaping @Sendable (String) -> String = { $0 }) {
        Self.configureReadline()
        history = ReadlineHistory(file: historyFile, limit: historyLimit)
        self.keepable = keepable
    }

    public var isInteractive: Bool {
        true
    }

    public func readLine(prompt: String, prefill: String?) -> String? {
        let (leading, lastLine) = Self.splitPrompt(prompt)
        if !leading.isEmpty {
            write(leading)
        }
        Self.prefill = prefill
        rl_event_hook = {
            // Readline calls this while it waits for a key. After Ctrl-C (readline has already cleaned
            // up, shown ^C and called our handler), rl_done makes it accept the line; we drop it.
            if SignalCatcher.hasCaught(SIGINT) {
                rl_done = 1
            }
            return 0
        }
        defer {
            rl_event_hook = nil
            Self.prefill = nil
        }
        let raw = SignalCatcher.catching([SIGINT]) {
            CReadline.readline(Self.markingInvisible(lastLine))
        }
        lastReadWasInterrupted = SignalCatcher.hasCaught(SIGINT)
        guard let raw else {
            return nil
        }
        defer { free(raw) }
        if lastReadWasInterrupted {
            return ""
        }
        let line = String(cString: raw)
        history.remember(keepable(line))
        return line
    }

    public func readSecret(prompt: String) -> String? {
        write(TerminalDescriptor.withoutPromptMarkers(prompt))
        let result = input.readSecretLine()
        // The Enter (or Ctrl-C) was not echoed: end the prompt's line ourselves.
        write("\n")
        lastReadWasInterrupted = result == .interrupted
        return result.answer
    }

    /// A key pressed within `seconds` is read here and handed to readline (`rl_stuff_char`), which reads
    /// it first at the next prompt; the rest of a key's bytes stay in the terminal for readline.
    public func waitForKey(seconds: Int) -> KeyWait {
        fflush(nil)
        switch input.waitForByte(seconds: seconds) {
        case .timedOut: return .timedOut
        case .interrupted: return .interrupted
        case .closed: return .endOfInput
        case .byte(let byte):
            _ = rl_stuff_char(Int32(byte))
            return .keyPressed
        }
    }

    public func holdingKeys<T>(_ body: () -> T) -> T {
        input.holdingKeys(body)
    }

    public func typingUnseen<T>(_ body: () -> T) -> T {
        input.withEchoOff(body)
    }

    public func write(_ text: String) {
        output.write(text)
    }

    public func setCompletions(_ words: [String]) {
        Self.completionWords = words
    }

    /// Sets readline's globals: its name, completion, the prefill hook, and no changes to the environment.
    private static func configureReadline() {
        rl_readline_name = UnsafeRawPointer(StaticString("piwizard").utf8Start)
            .assumingMemoryBound(to: CChar.self)
        // Readline would otherwise export LINES and COLUMNS, which then go stale in every command run.
        rl_change_environment = 0
        rl_startup_hook = {
            if let text = ReadlineTerminal.prefill {
                ReadlineTerminal.prefill = nil
                rl_insert_text(text)
            }
            return 0
        }
        rl_attempted_completion_function = { text, start, _ in
            guard let text else {
                return nil
            }
            let word = String(cString: text)
            let prefix = ReadlineTerminal.lineBufferPrefix(length: Int(start))
            guard ReadlineTerminal.completionKind(linePrefix: prefix, word: word) == .words else {
                // Not attempted: readline falls back to its file name completion.
                return nil
            }
            rl_attempted_completion_over = 1
            ReadlineTerminal.pendingMatches = ReadlineTerminal.matches(
                for: word, in: ReadlineTerminal.completionWords)
            ReadlineTerminal.nextMatch = 0
            return rl_completion_matches(text) { _, _ in
                guard ReadlineTerminal.nextMatch < ReadlineTerminal.pendingMatches.count else {
                    return nil
                }
                let match = ReadlineTerminal.pendingMatches[ReadlineTerminal.nextMatch]
                ReadlineTerminal.nextMatch += 1
                // Readline frees what the generator returns.
                return strdup(match)
            }
        }
    }

    /// The first `length` bytes of readline's line buffer, as text.
    private static func lineBufferPrefix(length: Int) -> String {
        guard let buffer = rl_line_buffer, length > 0 else {
            return ""
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: min(length, Int(rl_end)))
        return String(decoding: bytes, as: UTF8.self)
    }
}
