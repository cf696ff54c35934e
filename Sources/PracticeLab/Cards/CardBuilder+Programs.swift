import Foundation

/// A finished cluster's programs on its cards: each C source in `pi`'s home, and the program built from
/// it by the card's own `mpicc` (the node's release, its MPICH), once, then copied to the other cards.
extension CardBuilder {
    /// Puts `cluster`'s programs in `pi`'s home on the card mounted at `root`: the source, and the
    /// program, compiled in this card's system the first time and kept in `built` for the next cards.
    func installPrograms(_ cluster: FinishedCluster, root: String, built: String) throws {
        let home = root + "/home/pi"
        for source in cluster.programs {
            let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
            try shell.run(["install", "-m", "644", "-o", "1000", "-g", "1000", "--", source, "\(home)/\(name).c"])
            let program = built + "/" + name
            if FileManager.default.fileExists(atPath: program) {
                try shell.run(["install", "-m", "755", "-o", "1000", "-g", "1000", "--", program, "\(home)/\(name)"])
            } else {
                try compile(name, root: root)
                try shell.run(["install", "-D", "-m", "755", "--", "\(home)/\(name)", program])
            }
        }
    }

    /// Compiles `~/NAME.c` into `~/NAME` as `pi`, inside the card's system (systemd-nspawn without
    /// booting it, without network, leaving its resolver, time zone and journal settings as they are).
    private func compile(_ name: String, root: String) throws {
        try shell.run(["systemd-nspawn", "--quiet", "--register=no", "--keep-unit", "--private-network", "--resolv-conf=off", "--timezone=off",
                       "--link-journal=no", "--console=pipe", "--directory=" + root, "--user=pi", "--chdir=/home/pi",
                       "--", "mpicc", "-O2", "-o", name, name + ".c"], timeout: 300)
    }
}
