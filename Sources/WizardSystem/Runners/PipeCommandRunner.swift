#if canImport(Glibc)
import Glibc
#endif
import Wizard

/// Runs non-interactive commands (checks) without a terminal: standard input from `/dev/null` (or,
/// for a request that hands over a sudo password, a pipe holding only that line),
/// standard output and standard error merged into one pipe, as on a terminal. The pipe is drained as
/// the command writes, so a command that prints a lot never blocks on a full pipe; each piece goes to
/// the `output` callback (on the calling thread) and into `CommandResult.output`.
///
/// The command runs in a process group of its own, so a timeout stops it and everything it started:
/// `SIGTERM` to the group, `SIGKILL` a second later. It is started with `posix_spawn` through
/// `ChildProcess` rather than Foundation's `Process`, which passes the calling thread's signal mask on
/// (from a Swift concurrency thread: `SIGTERM` blocked, so a timeout could not stop a shell).
///
/// The `interactive` flag is not honoured here (there is no terminal to attach); use
/// `PTYCommandRunner` for those requests.
public struct PipeCommandRunner: CommandRunner {
    /// Turns requests into argument lists (local shell, sudo, ssh).
    public var builder: CommandLineBuilder

    public init(builder: CommandLineBuilder = CommandLineBuilder()) {
        self.builder = builder
    }

    public func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
        try builder.prepare(for: request)
        let arguments = builder.arguments(for: request)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw CommandRunnerError.cannotStart(command: request.command, reason: "pipe: \(String(cString: strerror(errno)))")
        }
        let (reader, writer) = (ends[0], ends[1])
        _ = fcntl(reader, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writer, F_SETFD, FD_CLOEXEC)
        defer { close(reader) }
        let input = try StandardInputPipe(bytes: SudoPasswordHandover.standardInput(for: request), command: request.command)
        let start = ContinuousClock.now
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(arguments, newSession: false) { actions in
                if let end = input?.readEnd {
                    posix_spawn_file_actions_adddup2(&actions, end, 0)
                } else {
                    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                }
                posix_spawn_file_actions_adddup2(&actions, writer, 1)
                posix_spawn_file_actions_adddup2(&actions, writer, 2)
            }
            close(writer)
            input?.closeReadEnd()
        } catch {
            close(writer)
            input?.closeReadEnd()
            throw error
        }

        var collector = OutputCollector(output: output)
        var lifecycle = CommandLifecycle(child: child, timeout: request.timeout, start: start)
        var pipeOpen = true
        var buffer = [UInt8](repeating: 0, count: 65536)

        while lifecycle.shouldContinue(outputOpen: pipeOpen) {
            let wait = lifecycle.pollTimeout(outputOpen: pipeOpen)
            var entry = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
            let ready = pipeOpen ? poll(&entry, 1, wait) : poll(nil, 0, wait)
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            if count > 0 {
                lifecycle.noteOutput()
                buffer.withUnsafeBytes { collector.receive(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                pipeOpen = false
            }
        }
        let result = lifecycle.result(output: collector.finish())
        if request.isLessonCommand { hangUpWhatIsLeft(inGroup: child.pid) }
        return result
    }

    /// As at a terminal when the command's shell ends: what it left in its process group gets the
    /// hangup signal (a `nohup`, `setsid` or daemon keeps running), so both runners end the same. A
    /// moment first, for a program forked just before the end to detach (`setsid -f`); a command that
    /// left nothing (the group is empty) costs no wait.
    private func hangUpWhatIsLeft(inGroup group: pid_t) {
        guard kill(-group, 0) == 0 else { return }
        usleep(50_000)
        kill(-group, SIGHUP)
    }
}
