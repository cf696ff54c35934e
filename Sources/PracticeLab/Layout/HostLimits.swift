import Foundation

/// The kernel limit that many booted nodes need raised on this machine: each node's systemd and its
/// services hold inotify instances of their own, Linux gives root 128, and so about the 30th node
/// fails to start ("Failed to create control group inotify object: Too many open files"). The lab
/// raises `fs.inotify.max_user_instances` while a lab is up, and `lab down` of the last lab puts the
/// old value back. A lab coming up and the last lab going down take turns (`whileLocked`), so one
/// lab's down never puts the old value back while another comes up.
enum HostLimits {
    static let instancesFile = "/proc/sys/fs/inotify/max_user_instances"
    /// The value before the lab raised it, kept until the last lab goes.
    static let savedFile = "/var/lib/piwizard/inotify-max-user-instances"
    /// Inotify instances a node may hold (about 4 in use), with room for this machine's own.
    static let perNode = 16
    static let floor = 1024
    static let lockFile = "/var/lib/piwizard/.host-limits.lock"

    /// Runs `body` while no other piwizard raises or restores the limit (an exclusive `flock`).
    static func whileLocked<T>(_ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: (lockFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let lock = open(lockFile, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw LabError.invalid("cannot open the lab's lock \(lockFile)") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw LabError.invalid("cannot lock \(lockFile)") }
        return try body()
    }

    /// Raises the limit for a lab of `nodes` nodes if it is lower; says so through `progress`.
    static func raise(forNodes nodes: Int, progress: (String) -> Void) throws {
        guard let current = read(instancesFile) else { return }
        let needed = max(floor, perNode * nodes)
        guard current < needed else { return }
        if read(savedFile) == nil { try LabFile.write(savedFile, "\(current)\n") }
        try "\(needed)\n".write(toFile: instancesFile, atomically: false, encoding: .utf8)
        progress("Raised fs.inotify.max_user_instances from \(current) to \(needed): every node's systemd needs inotify instances of its own (lab down puts it back).")
    }

    /// Removes the lab folders' parents that are empty (`folders`, the labs' run folder first), and
    /// when that one is gone (no lab is up) puts the value from before the first lab back; returns what
    /// it put back, if anything.
    static func restoreIfLast(removing folders: [String]) throws -> String? {
        let removeEmpty = { for folder in folders { rmdir(folder) } }
        guard read(savedFile) != nil else {
            removeEmpty()
            return nil
        }
        return try whileLocked {
            removeEmpty()
            return FileManager.default.fileExists(atPath: folders[0]) ? nil : restore()
        }
    }

    /// Puts the value from before the first lab back; returns what it did, if anything.
    private static func restore() -> String? {
        guard let saved = read(savedFile) else { return nil }
        guard (try? "\(saved)\n".write(toFile: instancesFile, atomically: false, encoding: .utf8)) != nil else { return nil }
        try? FileManager.default.removeItem(atPath: savedFile)
        return "fs.inotify.max_user_instances back to \(saved)"
    }

    private static func read(_ path: String) -> Int? {
        (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
