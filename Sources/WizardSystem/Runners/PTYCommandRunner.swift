#if canImport(Glibc)
import Glibc
#endif
import Wizard

/// Runs commands in a pseudo-terminal, so programs behave as they do for a person at a terminal: they
/// see a tty, colour and line-buffer their output, and for interactive requests the learner can answer
/// password prompts, press Ctrl-C (it stops the program, not the wizard) and use full-screen programs
/// such as `nano` or `raspi-config`.
///
/// Everything the program prints goes to the `output` callback (CRLF turned into LF) and into
/// `CommandResult.output`. For an interactive request the runner also copies the raw bytes to its output
/// descriptor and forwards bytes read from its input descriptor to the program; when the input is a
/// terminal it is in raw mode for the duration and restored afterwards. Typed input is never captured:
/// only what the pseudo-terminal prints comes back, so text typed while the program has echo off (a
/// password read after `stty -echo`, sudo's prompt) appears nowhere.
///
/// A non-interactive request gets no input: a program that reads its terminal waits until its timeout.
/// The descriptors are injectable so tests can drive the runner with pipes and files.
public struct PTYCommandRunner: CommandRunner {
    /// Turns requests into argument lists (local shell, sudo, ssh).
    public var builder: CommandLineBuilder
    /// Where an interactive command's keystrokes come from (the learner's terminal).
    public var inputDescriptor: Int32
    /// Where an interactive command's output is shown (the learner's terminal).
    public var outputDescriptor: Int32

    public init(builder: CommandLineBuilder = CommandLineBuilder(), input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.builder = builder
        self.inputDescriptor = input
        self.outputDescriptor = output
    }

    public func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
        try builder.prepare(for: request)
        let arguments = builder.arguments(for: request)
        let start = ContinuousClock.now
        var size = PseudoTerminal.windowSize(from: [outputDescriptor, inputDescriptor])
        let terminal = try PseudoTerminal.spawn(arguments, size: size)
        defer { terminal.close() }
        let rawMode = request.interactive ? RawTerminalMode.enter(inputDescriptor) : nil
        defer { rawMode?.restore() }

        var pump = PTYPump(master: terminal.master, input: inputDescriptor, display: request.interactive ? outputDescriptor : nil,
                           collector: OutputCollector(output: output), forwardsInput: request.interactive)
        var lifecycle = CommandLifecycle(child: terminal.child, timeout: request.timeout, start: start)
        while lifecycle.shouldContinue(outputOpen: pump.masterOpen) {
            if request.interactive, let current = PseudoTerminal.currentWindowSize(of: outputDescriptor),
               current.ws_row != size.ws_row || current.ws_col != size.ws_col {
                size = current
                terminal.resize(to: current)
            }
            if pump.pollOnce(timeout: lifecycle.pollTimeout(outputOpen: pump.masterOpen)) { lifecycle.noteOutput() }
        }
        var result = lifecycle.result(output: pump.collector.finish())
        // Ctrl-C reaches the program as the terminal's interrupt signal: the program was interrupted when
        // that signal ended it. A program that read the Ctrl-C as data and exited 130 by itself (ssh,
        // whose remote shell's last command was interrupted) was not.
        result.interrupted = pump.interruptTyped && lifecycle.endingSignal == SIGINT
        return result
    }

    /// The byte Ctrl-C types (the terminal's default `VINTR`).
    static let interruptCharacter: UInt8 = 0x03

    /// Writes all of `bytes` to `fd`, waiting while it is full; gives up on an error (the display is
    /// gone, the command keeps running).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else if written < 0, errno == EAGAIN {
                var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, 100)
            } else {
                return
            }
        }
    }
}
