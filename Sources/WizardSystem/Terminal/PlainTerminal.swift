import Foundation
import Wizard

/// The terminal for when stdin is not one (scripts, pipes, tests): plain lines in, text out, no editing,
/// no history and no completion.
///
/// - Prompts are written as given (readline's invisible markers `\u{1}` `\u{2}` removed); the line read
///   is not echoed.
/// - A prefill cannot be shown on the line for editing, so an empty line read at a prompt with a prefill
///   returns the prefill: the script's empty line means "keep what is offered", as Enter does on a
///   prefilled readline line. (An empty answer to such a prompt cannot be given this way.)
/// - A last line without a newline is still a line; end of input is nil. A carriage return before the
///   newline is dropped.
/// - Input is read a byte at a time, so nothing past the current line is taken from a shared stdin.
/// - ``readSecret(prompt:)`` reads a line the same way; when the input happens to be a terminal, its echo
///   is switched off for the read (and always switched back on).
public final class PlainTerminal: Terminal {
    private let input: TerminalDescriptor
    private let output: TerminalDescriptor
    /// Handles given to the convenience initialiser, kept so that their descriptors stay open.
    private let handles: [FileHandle]

    /// Reads from the file descriptor `input` and writes to `output`; neither is closed by the terminal.
    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = TerminalDescriptor(fd: input)
        self.output = TerminalDescriptor(fd: output)
        handles = []
    }

    /// Reads from `input` and writes to `output` (for instance the two ends of pipes in a test).
    public init(input: FileHandle, output: FileHandle) {
        self.input = TerminalDescriptor(fd: input.fileDescriptor)
        self.output = TerminalDescriptor(fd: output.fileDescriptor)
        handles = [input, output]
    }

    public var isInteractive: Bool {
        false
    }

    public func readLine(prompt: String, prefill: String?) -> String? {
        write(prompt)
        switch input.readLine() {
        case .line(let line):
            if line.isEmpty, let prefill {
                return prefill
            }
            return line
        case .endOfInput, .interrupted:
            return nil
        }
    }

    public func readSecret(prompt: String) -> String? {
        write(prompt)
        let result = input.isTerminal ? input.readSecretLine() : input.readLine()
        if input.isTerminal {
            write("\n")
        }
        return result.answer
    }

    public func write(_ text: String) {
        output.write(TerminalDescriptor.withoutPromptMarkers(text))
    }

    /// Ignored: there is no completion without a terminal.
    public func setCompletions(_ words: [String]) {}
}
