#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Wizard

/// A program started with `posix_spawn` (never `fork`) in a process group of its own, so that a
/// timeout can stop it together with everything it started.
///
/// Unlike Foundation's `Process`, the child starts clean: signal dispositions reset to their defaults
/// and an empty signal mask (a child spawned from a Swift concurrency or Dispatch thread would otherwise
/// inherit that thread's mask, with `SIGTERM` and `SIGINT` blocked), and every descriptor above 2 closed.
struct ChildProcess {
    /// The program's process id, also its process group id (and session id when it leads a session).
    let pid: pid_t

    /// `POSIX_SPAWN_SETSID` from glibc's `spawn.h`, which Swift does not import.
    private static let spawnSetSID: Int32 = 0x80

    /// Starts `arguments` (`arguments[0]` is looked up in `PATH` when it has no slash) with the
    /// environment of this process. `newSession` makes it lead a new session (for a pseudo-terminal to
    /// become its controlling terminal), else it gets a new process group. `standardStreams` adds the
    /// file actions that set up descriptors 0, 1 and 2. `ownProcessGroup: false` keeps it in this
    /// process's group (a foreground program at the learner's terminal). Throws `CommandRunnerError.cannotStart`.
    static func spawn(
        _ arguments: [String],
        newSession: Bool,
        ownProcessGroup: Bool = true,
        standardStreams: (inout posix_spawn_file_actions_t) -> Void
    ) throws -> ChildProcess {
        guard let program = arguments.first else {
            throw CommandRunnerError.cannotStart(command: "", reason: "empty argument list")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        standardStreams(&actions)
        closeDescriptorsAboveTwo(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var allSignals = sigset_t()
        var noSignals = sigset_t()
        sigfillset(&allSignals)
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if newSession {
            flags |= spawnSetSID
        } else if ownProcessGroup {
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawnp(&pid, program, &actions, &attributes, &argv, &envp)
        guard code == 0 else {
            throw CommandRunnerError.cannotStart(
                command: arguments.joined(separator: " "),
                reason: "cannot run \(program): \(String(cString: strerror(code)))"
            )
        }
        if newSession || ownProcessGroup { ChildGroups.add(pid) }
        return ChildProcess(pid: pid)
    }

    /// Closes every descriptor above 2 in the child, after the standard streams are set up: with one
    /// `close_range` in the child where glibc has `posix_spawn_file_actions_addclosefrom_np` (2.34 and
    /// later; listing `/proc/self/fd` here and closing each one showed in a short step's cost), else each
    /// descriptor open here.
    private static func closeDescriptorsAboveTwo(_ actions: inout posix_spawn_file_actions_t) {
        if let addCloseFrom, addCloseFrom(&actions, 3) == 0 { return }
        for fd in openDescriptors() where fd > 2 {
            // Closing a descriptor that is gone by then is harmless: glibc ignores EBADF here.
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not declare
    /// (it is a GNU extension); nil on a C library without it.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// The descriptors open in this process (from `/proc/self/fd`).
    private static func openDescriptors() -> [Int32] {
        guard let directory = opendir("/proc/self/fd") else { return [] }
        defer { closedir(directory) }
        var descriptors: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let fd = Int32(name) { descriptors.append(fd) }
        }
        return descriptors
    }

    /// Sends `signal` to the program's process group.
    func signalGroup(_ signal: Int32) {
        _ = kill(-pid, signal)
    }

    /// The program's shell-style exit status once it has ended (reaping it), nil while it runs.
    func reap() -> Int32? {
        reapWithSignal()?.exitStatus
    }

    /// The program's shell-style exit status and the signal that ended it (nil when it exited by
    /// itself), once it has ended (reaping it); nil while it runs.
    func reapWithSignal() -> (exitStatus: Int32, signal: Int32?)? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            ChildGroups.remove(pid)
            return (WaitStatus.exitStatus(status), WaitStatus.endingSignal(status))
        }
        if result == -1, errno == ECHILD { // reaped elsewhere: the status is lost
            ChildGroups.remove(pid)
            return (255, nil)
        }
        return nil
    }
}
