import Foundation
import Lessons

/// A practice lab: simulated Raspberry Pis on this machine, made of real parts.
///
/// Each node is a network namespace with a cable (a veth pair) to the lab's bridge. Switched on, it
/// boots the system on its SD card (a disk image with a boot and a root partition, made from the lab
/// flavour's Debian-built image) with `systemd-nspawn` (`NodeBootScript`): its own systemd, network
/// stack, sshd, MPICH and compiler. This computer is `.1` on the bridge and logs in to the nodes with
/// the lab's key (`/etc/ssh/ssh_config.d/piwizard-lab-NAME.conf`).
///
/// Everything the lab makes is named after it (`LabLayout`), so `down` removes exactly that: its
/// processes (by PID), mounts, loop devices, namespaces, links and files. The images
/// (`LabImages`) are shared by every lab and kept.
public struct Lab: Sendable {
    public var layout: LabLayout
    /// The release the nodes run.
    public var flavour: LabFlavour
    /// The piwizard executable, which lessons' `on=lab` blocks call.
    public var piwizard: String
    var shell = LabShell()

    public init(layout: LabLayout, flavour: LabFlavour = .defaultFlavour, piwizard: String) {
        self.layout = layout
        self.flavour = flavour
        self.piwizard = piwizard
    }

    // MARK: Finding a lab

    /// The lab called `name` as `lab up` saved it, or nil when it is not up.
    public static func existing(name: String, piwizard: String) throws -> Lab? {
        let probe = try LabLayout(name: name, nodeCount: 1)
        guard let data = FileManager.default.contents(atPath: probe.settingsFile) else { return nil }
        let settings = try JSONDecoder().decode(Settings.self, from: data)
        guard let subnet = IPv4Network(settings.subnet) else { throw LabError.invalid("\(probe.settingsFile): bad subnet '\(settings.subnet)'") }
        return Lab(layout: try LabLayout(name: name, subnet: subnet, nodeCount: settings.nodes),
                   flavour: settings.flavour ?? .bullseye, piwizard: piwizard)
    }

    /// What `lab.json` holds.
    struct Settings: Codable {
        var subnet: String
        var nodes: Int
        /// Nil in a lab made before flavours.
        var flavour: LabFlavour?
    }

    /// Refuses clearly when this machine cannot host a lab: not Linux, not root, or a program missing
    /// (with the Debian packages to install).
    public static func checkHost() throws {
        #if !os(Linux)
        throw LabError.unsupported("the practice lab needs Linux (network namespaces)")
        #else
        guard geteuid() == 0 else {
            throw LabError.unsupported("the practice lab needs root (it makes network namespaces and mounts cards): run it with sudo")
        }
        let programs: [(String, String)] = [
            ("ip", "iproute2"), ("nsenter", "util-linux"), ("setsid", "util-linux"), ("unshare", "util-linux"), ("partx", "util-linux"),
            ("losetup", "mount"), ("flock", "util-linux"), ("mkfs.ext4", "e2fsprogs"), ("sfdisk", "fdisk"),
            ("mformat", "mtools"), ("mcopy", "mtools"), ("mmdebstrap", "mmdebstrap"), ("systemd-nspawn", "systemd-container"),
            ("ssh", "openssh-client"), ("ssh-keygen", "openssh-client"), ("openssl", "openssl"), ("dnsmasq", "dnsmasq-base"),
        ]
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        let missing = programs.filter { program, _ in
            program.hasPrefix("/") ? access(program, X_OK) != 0 : !path.contains { access($0 + "/" + program, X_OK) == 0 }
        }
        if !missing.isEmpty {
            let packages = Array(Set(missing.map(\.1))).sorted()
            throw LabError.unsupported("the practice lab needs \(missing.map(\.0).joined(separator: ", ")); install them with: apt-get install \(packages.joined(separator: " "))")
        }
        #endif
    }

    // MARK: Up and down

    /// Brings the lab up with `nodes` nodes (running it again is safe): the cards (the master's with a
    /// system, the others new and empty), the bridge, a namespace and a cable per node, this computer's
    /// ssh settings for the lab, and the master switched on. A lab that is up grows by more nodes: new
    /// Pis with empty cards, plugged in and switched off, the others left running.
    /// `ready`: every node gets a card set up as at the end of the expand-cluster lesson, with its
    /// programs, and all are switched on (a finished cluster, for checks and benchmarks).
    /// `progress` hears about long work (building the flavour's image).
    public static func up(name: String, subnet: IPv4Network, nodes: Int, flavour: LabFlavour, piwizard: String, ready: FinishedCluster? = nil,
                          progress: (String) -> Void = { _ in }) throws -> Lab {
        try checkHost()
        if let lab = try existing(name: name, piwizard: piwizard) {
            guard lab.layout.subnet == subnet, lab.flavour == flavour, nodes >= lab.layout.nodeCount else {
                throw LabError.invalid("the lab '\(name)' is up with \(lab.layout.nodeCount) \(lab.flavour) nodes on \(lab.layout.subnet); it can grow (more nodes, the same release and network) but not change otherwise: bring it down first (piwizard lab down)")
            }
            guard nodes > lab.layout.nodeCount else {
                try lab.prepare(ready: ready, progress: progress)
                return lab
            }
            // More nodes: new Pis with empty cards, plugged into the switch and switched off; the
            // nodes that run are not touched.
            guard ready == nil else {
                throw LabError.invalid("the lab '\(name)' is up: it grows by new Pis with empty cards; --ready makes a new lab (bring this one down first)")
            }
            return try create(name: name, subnet: subnet, nodes: nodes, flavour: flavour, piwizard: piwizard, ready: nil, progress: progress)
        }
        return try create(name: name, subnet: subnet, nodes: nodes, flavour: flavour, piwizard: piwizard, ready: ready, progress: progress)
    }

    /// Saves the lab's settings and makes what is missing.
    private static func create(name: String, subnet: IPv4Network, nodes: Int, flavour: LabFlavour, piwizard: String, ready: FinishedCluster?,
                               progress: (String) -> Void) throws -> Lab {
        let lab = Lab(layout: try LabLayout(name: name, subnet: subnet, nodeCount: nodes), flavour: flavour, piwizard: piwizard)
        try lab.shell.run(["install", "-d", "-m", "700", lab.layout.stateFolder])
        let data = try JSONEncoder().encode(Settings(subnet: subnet.description, nodes: nodes, flavour: flavour))
        try data.write(to: URL(fileURLWithPath: lab.layout.settingsFile), options: .atomic)
        try lab.prepare(ready: ready, progress: progress)
        return lab
    }

    /// Makes whatever part of the lab is missing, and switches the master on if it is off.
    func prepare(ready: FinishedCluster? = nil, progress: (String) -> Void) throws {
        let fileManager = FileManager.default
        try shell.run(["install", "-d", "-m", "700", layout.stateFolder, layout.stateFolder + "/cards"])
        // The raised limit and the lab's run folder come together: the last lab's down puts the limit
        // back only when it finds no run folder of another lab.
        try HostLimits.whileLocked {
            try HostLimits.raise(forNodes: layout.nodeCount, progress: progress)
            try shell.run(["install", "-d", "-m", "755", layout.runFolder, layout.runFolder + "/nodes", layout.sharedFolder,
                           layout.sharedFolder + "/bin", layout.sharedFolder + "/hostkeys"])
        }
        for number in 1...layout.nodeCount {
            try shell.run(["install", "-d", "-m", "755", layout.nodeFolder(number)])
        }
        try LabFile.write(layout.bootScript, NodeBootScript.text, mode: 0o755)
        for (name, text) in NodeCommandScripts.all {
            try LabFile.write(layout.sharedFolder + "/bin/" + name, text, mode: 0o755)
        }
        if !fileManager.fileExists(atPath: layout.key) {
            try shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "piwizard-lab-\(layout.name)", "-f", layout.key])
        }
        if !fileManager.fileExists(atPath: layout.card(1)) {
            let image = try LabImages().image(flavour, progress: progress)
            let builder = CardBuilder(layout: layout, flavour: flavour, image: image)
            if let ready { try builder.buildReadyCards(ready) } else { try builder.buildMasterCard() }
        }
        for number in 2...max(2, layout.nodeCount) where number <= layout.nodeCount && !fileManager.fileExists(atPath: layout.card(number)) {
            try CardBuilder(layout: layout, flavour: flavour, image: "").buildBlankCard(number)
        }
        try prepareNetwork()
        try LabNameServer(layout: layout).start()
        try LabFile.write(layout.sshClientConfig, """
            # piwizard practice lab '\(layout.name)': how this computer logs in to the lab's nodes.
            # `piwizard lab down` removes this file.
            Host \(layout.subnet.network.description.split(separator: ".").prefix(3).joined(separator: ".")).*
                IdentityFile \(layout.key)
                UserKnownHostsFile \(layout.knownHosts)

            """, mode: 0o644)
        if !fileManager.fileExists(atPath: layout.knownHosts) { try LabFile.write(layout.knownHosts, "", mode: 0o644) }
        // Switched on together, the nodes boot side by side.
        let starting = (1...(ready != nil ? layout.nodeCount : 1)).filter { !power(of: $0).isUp }
        for number in starting { try start(number, plugged: true) }
        for number in starting { try finishStart(number) }
    }

    private func prepareNetwork() throws {
        let bridge = layout.bridge
        if !shell.attempt(["ip", "link", "show", "dev", bridge]).succeeded {
            try shell.run(["ip", "link", "add", bridge, "type", "bridge"])
        }
        let hostCIDR = "\(layout.hostAddress)/\(layout.subnet.prefixLength)"
        if !(shell.attempt(["ip", "-4", "-o", "addr", "show", "dev", bridge]).output.contains(" \(hostCIDR) ")) {
            try shell.run(["ip", "addr", "add", hostCIDR, "dev", bridge])
        }
        try shell.run(["ip", "link", "set", bridge, "up"])
        // Nothing from the lab is ever routed beyond this computer.
        try shell.run(["sysctl", "-q", "-w", "net.ipv4.conf.\(bridge).forwarding=0"])
        let namespaces = Set(shell.attempt(["ip", "netns", "list"]).output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        for number in 1...layout.nodeCount {
            let namespace = layout.namespace(number)
            if !namespaces.contains(namespace) { try shell.run(["ip", "netns", "add", namespace]) }
            if !shell.attempt(["ip", "link", "show", "dev", layout.hostLink(number)]).succeeded {
                try shell.run(["ip", "link", "add", layout.hostLink(number), "type", "veth", "peer", "name", "eth0", "netns", namespace])
                try shell.run(["ip", "-n", namespace, "link", "set", "lo", "up"])
                try shell.run(["ip", "-n", namespace, "link", "set", "eth0", "up"])
                try plug(number, true)
            }
        }
    }

    /// Stops the node whose run folder is `folder`, if its power supply runs: a clean power-off, a
    /// kill after 30 s. True when there was one.
    static func stopNode(folder: String, shell: LabShell) -> Bool {
        guard let text = try? String(contentsOfFile: folder + "/supervisor.pid", encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), kill(pid, 0) == 0 else { return false }
        kill(pid, SIGTERM)
        for _ in 0..<300 where kill(pid, 0) == 0 { usleep(100_000) }
        if kill(pid, 0) == 0 {
            if let text = try? String(contentsOfFile: folder + "/nspawn.pid", encoding: .utf8),
               let nspawn = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { kill(nspawn, SIGKILL) }
            for _ in 0..<50 where kill(pid, 0) == 0 { usleep(100_000) }
            kill(pid, SIGKILL)
        }
        return true
    }

    /// Removes a stopped node's cgroups (listed one per line by its power supply), deepest first:
    /// nspawn's and the node's systemd's inside them are empty once the node is off.
    static func removeCgroups(listedIn file: String) {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return }
        for top in text.split(separator: "\n").map(String.init) where top.hasPrefix("/sys/fs/cgroup/") {
            let inside = (FileManager.default.enumerator(atPath: top)?.allObjects as? [String]) ?? []
            for path in inside.map({ top + "/" + $0 }).sorted(by: { $0.count > $1.count }) + [top] { rmdir(path) }
        }
    }

    /// Ends every process in a lab namespace (SIGTERM, then SIGKILL), by PID; returns how many there were.
    static func endProcesses(in namespace: String, shell: LabShell) -> Int {
        func pids() -> [pid_t] {
            shell.attempt(["ip", "netns", "pids", namespace]).output.split(separator: "\n").compactMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
        }
        let first = pids()
        for pid in first { kill(pid, SIGTERM) }
        for _ in 0..<20 where !pids().isEmpty { usleep(100_000) }
        for pid in pids() { kill(pid, SIGKILL) }
        for _ in 0..<20 where !pids().isEmpty { usleep(100_000) }
        return first.count
    }

}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
