#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The one decision where ssh's shared-connection sockets live, so the wizard's commands and the
/// checks share one connection per host. The user's folder is `$XDG_RUNTIME_DIR/piwizard-ssh` when
/// that variable holds an absolute path (a desktop login), else `/tmp/piwizard-ssh-UID`; each piwizard
/// process keeps its sockets in a folder of its own inside, named by its PID, so that it can close its
/// connections when it ends (`SSHSessionConnections`) and a later run never rides an old connection.
/// The folders must be this user's and private (0700); otherwise another user could hijack the sockets
/// and nothing is shared.
public enum SSHControlFolder {
    /// This piwizard process's folder on this machine: the user's folder, then this process's PID.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment, uid: uid_t = getuid(), pid: pid_t = getpid()) -> String {
        userFolder(environment: environment, uid: uid) + "/\(pid)"
    }

    /// The user's folder, which holds one folder per piwizard process.
    public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment, uid: uid_t = getuid()) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            return (runtime.hasSuffix("/") ? runtime : runtime + "/") + "piwizard-ssh"
        }
        return "/tmp/piwizard-ssh-\(uid)"
    }

    /// The same rule as shell text, for a check that hops from another host: sets `$folder`.
    public static let shellDecision: ShellText = "case ${XDG_RUNTIME_DIR:-} in /*) folder=${XDG_RUNTIME_DIR%/}/piwizard-ssh;; *) folder=/tmp/piwizard-ssh-$(id -u);; esac;"

    /// ssh's options that share one connection per host through `folder` (kept open 120 s). `master`
    /// is ssh's ControlMaster: `auto` rides on an open connection, `yes` always logs in anew.
    public static func sharingOptions(_ folder: String, master: String = "auto") -> [String] {
        ["-o", "ControlMaster=\(master)", "-o", "ControlPath=\(folder)/%C", "-o", "ControlPersist=120"]
    }

    /// Why `folder` cannot hold the sockets (after making it when missing, and the user's folder first
    /// when it is inside), or nil when it can: each must be a folder of this user's, mode 0700 (a looser
    /// mode is tightened).
    public static func problem(preparing folder: String) -> String? {
        let user = userFolder()
        if (folder as NSString).deletingLastPathComponent == user, let problem = problem(making: user) { return problem }
        return problem(making: folder)
    }

    private static func problem(making folder: String) -> String? {
        if mkdir(folder, 0o700) != 0, errno != EEXIST { return String(cString: strerror(errno)) }
        var info = stat()
        guard lstat(folder, &info) == 0 else { return String(cString: strerror(errno)) }
        guard info.st_mode & S_IFMT == S_IFDIR else { return "not a folder" }
        guard info.st_uid == getuid() else { return "belongs to another user" }
        if info.st_mode & 0o077 != 0, chmod(folder, 0o700) != 0 { return String(cString: strerror(errno)) }
        return nil
    }
}
