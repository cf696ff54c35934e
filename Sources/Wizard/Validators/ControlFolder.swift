#if canImport(Glibc)
import Glibc
#endif

/// The private folder for ssh's shared-connection sockets on this machine (`/tmp/piwizard-ssh-UID`, the
/// one validators' shell text uses on other hosts), and the ssh options that share one connection per
/// host through it.
enum ControlFolder {
    static var path: String { "/tmp/piwizard-ssh-\(getuid())" }

    /// `-o ControlMaster=auto …` when the folder exists or can be made, belongs to this user and is
    /// private; nil otherwise (another user could hijack the sockets): then every ssh connects anew.
    static func sharingOptions() -> String? {
        if mkdir(path, 0o700) != 0, errno != EEXIST { return nil }
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else { return nil }
        return "-o ControlMaster=auto -o ControlPath=\(path)/%C -o ControlPersist=120"
    }
}
