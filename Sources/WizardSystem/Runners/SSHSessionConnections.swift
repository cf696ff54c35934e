#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Wizard

/// The ssh connections this piwizard process shares between its commands and checks. ssh starts each
/// shared connection's master in the background, in a session of its own, to outlive the command that
/// opened it (`ControlPersist`), so ending piwizard's own children does not end them. Their sockets are
/// in this process's control folder (`SSHControlFolder.path()`); this closes them (`ssh -O exit`) and
/// removes the folder when piwizard ends — by returning, by `exit`, or by a signal (`ChildGroups`) — and,
/// at start, those of piwizard processes that ended without closing theirs (`SIGKILL`, a power cut).
public enum SSHSessionConnections {
    /// At most this long for one master to answer its exit request.
    static let answerTimeout = 3.0

    /// Closes the connections of piwizard processes that are gone, then arranges for this process's own
    /// to be closed when it ends. Call once, at start, after `ChildGroups.endWithPiwizard()`.
    public static func closeWhenPiwizardEnds() {
        closeLeftBehind(in: SSHControlFolder.userFolder())
        atexit { SSHSessionConnections.close(folder: SSHControlFolder.path()) }
        ChildGroups.beforeEnding = EndingSignalCleanup.start { SSHSessionConnections.close(folder: SSHControlFolder.path()) }
    }

    /// Closes every shared connection whose socket is in `folder` (all at once), then removes the folder.
    /// Does nothing when there is no such folder.
    public static func close(folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let sockets = names.map { folder + "/" + $0 }
        let requests = sockets.compactMap { socket in
            try? ChildProcess.spawn(["ssh", "-F", "/dev/null", "-S", socket, "-O", "exit", "piwizard-session"], newSession: false) { actions in
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            }
        }
        let deadline = Date().addingTimeInterval(answerTimeout)
        var waiting = requests
        while !waiting.isEmpty {
            waiting.removeAll { $0.reap() != nil }
            if Date() > deadline {
                for request in waiting {
                    request.signalGroup(SIGKILL)
                    _ = waitUntilEnded(request)
                }
                break
            }
            if !waiting.isEmpty { usleep(5_000) }
        }
        // A master removes its socket as it ends; one whose master is gone already is removed here.
        for _ in 0..<100 where sockets.contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            usleep(10_000)
        }
        for socket in sockets { unlink(socket) }
        rmdir(folder)
    }

    /// Closes the connections of every process folder in `userFolder` whose piwizard is gone.
    static func closeLeftBehind(in userFolder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: userFolder) else { return }
        for name in names {
            guard let pid = pid_t(name), pid > 0, pid != getpid(), !isRunning(pid) else { continue }
            close(folder: userFolder + "/" + name)
        }
    }

    /// Whether a process with this PID exists (one of another user's counts).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func waitUntilEnded(_ request: ChildProcess) -> Int32? {
        for _ in 0..<100 {
            if let status = request.reap() { return status }
            usleep(10_000)
        }
        return nil
    }
}
