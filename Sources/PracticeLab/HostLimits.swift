import Foundation

/// The kernel limit that many booted nodes need raised on this machine: each node's systemd and its
/// services hold inotify instances of their own, Linux gives root 128, and so about the 30th node
/// fails to start ("Failed to create control group inotify object: Too many open files"). The lab
/// raises `fs.inotify.max_user_instances` while a lab is up, and `lab down` of the last lab puts the
/// old value back.
enum HostLimits {
    static let instancesFile = "/proc/sys/fs/inotify/max_user_instances"
    /// The value before the lab raised it, kept until the last lab goes.
    static let savedFile = "/var/lib/piwizard/inotify-max-user-instances"
    /// Inotify instances a node may hold (about 4 in use), with room for this machine's own.
    static let perNode = 16
    static let floor = 1024

    /// Raises the limit for a lab of `nodes` nodes if it is lower; says so through `progress`.
    static func raise(forNodes nodes: Int, progress: (String) -> Void) throws {
        guard let current = read(instancesFile) else { return }
        let needed = max(floor, perNode * nodes)
        guard current < needed else { return }
        if read(savedFile) == nil { try LabFile.write(savedFile, "\(current)\n") }
        try "\(needed)\n".write(toFile: instancesFile, atomically: false, encoding: .utf8)
        progress("Raised fs.inotify.max_user_instances from \(current) to \(needed): every node's systemd needs inotify instances of its own (lab down puts it back).")
    }

    /// Puts the value from before the first lab back; returns what it did, if anything.
    static func restore() -> String? {
        guard let saved = read(savedFile) else { return nil }
        guard (try? "\(saved)\n".write(toFile: instancesFile, atomically: false, encoding: .utf8)) != nil else { return nil }
        try? FileManager.default.removeItem(atPath: savedFile)
        return "fs.inotify.max_user_instances back to \(saved)"
    }

    private static func read(_ path: String) -> Int? {
        (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
