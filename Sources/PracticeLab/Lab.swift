import Foundation
import Lessons

/// A practice lab: simulated Raspberry Pis on this machine, made of real parts.
///
/// Each node is a network namespace with a cable (a veth pair) to the lab's bridge, and, while it is
/// on, an init (`NodeInitScript`) in its own UTS and mount namespaces that boots it from its SD card
/// (an ext4 image file) and runs the card's OpenSSH server. This computer is `.1` on the bridge and logs
/// in to the nodes with the lab's key (`/etc/ssh/ssh_config.d/piwizard-lab-NAME.conf`). MPICH and every
/// other program come from this machine's `/usr`, read-only.
///
/// Everything the lab makes is named after it (`LabLayout`), so `down` removes exactly that: its
/// processes (found through its network namespaces, ended by PID), namespaces, links, files.
public struct Lab: Sendable {
    public var layout: LabLayout
    /// The piwizard executable, which node inits call for `lab boot-config`.
    public var piwizard: String
    var shell = LabShell()

    public init(layout: LabLayout, piwizard: String) {
        self.layout = layout
        self.piwizard = piwizard
    }

    // MARK: Finding a lab

    /// The lab called `name` as `lab up` saved it, or nil when it is not up.
    public static func existing(name: String, piwizard: String) throws -> Lab? {
        let probe = try LabLayout(name: name, nodeCount: 1)
        guard let data = FileManager.default.contents(atPath: probe.settingsFile) else { return nil }
        let settings = try JSONDecoder().decode(Settings.self, from: data)
        guard let subnet = IPv4Network(settings.subnet) else { throw LabError.invalid("\(probe.settingsFile): bad subnet '\(settings.subnet)'") }
        return Lab(layout: try LabLayout(name: name, subnet: subnet, nodeCount: settings.nodes), piwizard: piwizard)
    }

    /// What `lab.json` holds.
    struct Settings: Codable {
        var subnet: String
        var nodes: Int
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
            ("ip", "iproute2"), ("unshare", "util-linux"), ("nsenter", "util-linux"), ("setsid", "util-linux"),
            ("losetup", "mount"), ("flock", "util-linux"), ("mkfs.ext4", "e2fsprogs"), ("/usr/sbin/sshd", "openssh-server"),
            ("ssh", "openssh-client"), ("ssh-keygen", "openssh-client"), ("openssl", "openssl"), ("sudo", "sudo"),
            ("mpiexec", "mpich"), ("mpicc", "mpich"),
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
    /// ssh settings for the lab, and the master switched on.
    /// `ready`: every node gets a card set up as at the end of the expand-cluster lesson, and all are
    /// switched on (a finished cluster, for checks and benchmarks).
    public static func up(name: String, subnet: IPv4Network, nodes: Int, piwizard: String, ready: Bool = false) throws -> Lab {
        try checkHost()
        if let lab = try existing(name: name, piwizard: piwizard) {
            guard lab.layout.nodeCount == nodes, lab.layout.subnet == subnet else {
                throw LabError.invalid("the lab '\(name)' is up with \(lab.layout.nodeCount) nodes on \(lab.layout.subnet); bring it down first (piwizard lab down)")
            }
            try lab.prepare(ready: ready)
            return lab
        }
        let lab = Lab(layout: try LabLayout(name: name, subnet: subnet, nodeCount: nodes), piwizard: piwizard)
        try lab.prepare(ready: ready)
        let data = try JSONEncoder().encode(Settings(subnet: subnet.description, nodes: nodes))
        try data.write(to: URL(fileURLWithPath: lab.layout.settingsFile), options: .atomic)
        return lab
    }

    /// Makes whatever part of the lab is missing, and switches the master on if it is off.
    func prepare(ready: Bool = false) throws {
        let fileManager = FileManager.default
        try shell.run(["install", "-d", "-m", "700", layout.stateFolder, layout.stateFolder + "/cards"])
        try shell.run(["install", "-d", "-m", "755", layout.runFolder, layout.runFolder + "/nodes", layout.sharedFolder,
                       layout.sharedFolder + "/bin", layout.sharedFolder + "/hostkeys"])
        for number in 1...layout.nodeCount {
            try shell.run(["install", "-d", "-m", "755", layout.nodeFolder(number)])
        }
        try LabFile.write(layout.initScript, NodeInitScript.text, mode: 0o755)
        for (name, text) in NodeCommandScripts.all {
            try LabFile.write(layout.sharedFolder + "/bin/" + name, text, mode: 0o755)
        }
        if !fileManager.fileExists(atPath: layout.key) {
            try shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "piwizard-lab-\(layout.name)", "-f", layout.key])
        }
        if ready && !fileManager.fileExists(atPath: layout.card(1)) {
            try CardBuilder(layout: layout).buildReadyCards()
        } else if !fileManager.fileExists(atPath: layout.card(1)) {
            try CardBuilder(layout: layout).buildMasterCard()
        }
        for number in 2...max(2, layout.nodeCount) where number <= layout.nodeCount && !fileManager.fileExists(atPath: layout.card(number)) {
            try CardBuilder(layout: layout).buildBlankCard(number)
        }
        try prepareNetwork()
        try LabFile.write(layout.sshClientConfig, """
            # piwizard practice lab '\(layout.name)': how this computer logs in to the lab's nodes.
            # `piwizard lab down` removes this file.
            Host \(layout.subnet.network.description.split(separator: ".").prefix(3).joined(separator: ".")).*
                IdentityFile \(layout.key)
                UserKnownHostsFile \(layout.knownHosts)

            """, mode: 0o644)
        if !fileManager.fileExists(atPath: layout.knownHosts) { try LabFile.write(layout.knownHosts, "", mode: 0o644) }
        for number in 1...(ready ? layout.nodeCount : 1) where !power(of: number).isUp {
            try powerOn(number, plugged: true)
        }
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

    /// Removes every process, namespace, link and file of the lab `name`, and nothing else; says what it
    /// removed. Safe to run when the lab is (partly) gone.
    public static func down(name: String) throws -> [String] {
        try checkHost()
        let layout = try LabLayout(name: name, nodeCount: 1)
        let shell = LabShell()
        var removed: [String] = []
        let namespaces = shell.attempt(["ip", "netns", "list"]).output.split(separator: "\n")
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.hasPrefix(layout.namespacePrefix) }
        var ended = 0
        for namespace in namespaces {
            ended += endProcesses(in: namespace, shell: shell)
            try shell.run(["ip", "netns", "delete", namespace])
            removed.append("namespace \(namespace)")
        }
        if ended > 0 { removed.insert("\(ended) process\(ended == 1 ? "" : "es")", at: 0) }
        let links = shell.attempt(["ip", "-o", "link", "show"]).output.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ")
            guard fields.count > 1 else { return nil }
            let name = fields[1].split(separator: "@").first.map { String($0.dropLast($0.hasSuffix(":") ? 1 : 0)) } ?? ""
            return name == layout.bridge || name.hasPrefix(layout.bridge + "-") ? name : nil
        }
        for link in links.sorted(by: { $0.count > $1.count }) where shell.attempt(["ip", "link", "show", "dev", link]).succeeded {
            try shell.run(["ip", "link", "delete", link])
            removed.append("link \(link)")
        }
        let cards = (try? FileManager.default.contentsOfDirectory(atPath: layout.stateFolder + "/cards")) ?? []
        for card in cards {
            let path = layout.stateFolder + "/cards/" + card
            for device in shell.attempt(["losetup", "-j", path]).output.split(separator: "\n").compactMap({ $0.split(separator: ":").first }) {
                if shell.attempt(["losetup", "-d", String(device)]).succeeded { removed.append("loop device \(device)") }
            }
        }
        for path in [layout.sshClientConfig, layout.runFolder, layout.stateFolder] where FileManager.default.fileExists(atPath: path) {
            try shell.run(["rm", "-rf", "--", path])
            removed.append(path)
        }
        // The parents too, when no other lab uses them.
        for folder in ["/run/piwizard/labs", "/run/piwizard", "/var/lib/piwizard/labs", "/var/lib/piwizard"] { rmdir(folder) }
        return removed
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

    // MARK: Nodes

    func stateText(_ number: Int) -> String? {
        try? String(contentsOfFile: layout.nodeFolder(number) + "/state", encoding: .utf8)
    }

    /// The init's process id, when it runs.
    func initProcess(_ number: Int) -> pid_t? {
        guard let text = try? String(contentsOfFile: layout.nodeFolder(number) + "/init.pid", encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), kill(pid, 0) == 0 else { return nil }
        return pid
    }

    /// Whether node K is on, starting, off or failed to start.
    public func power(of number: Int) -> LabNodeStatus.Power {
        let power = LabNodeStatus.Power(stateText: stateText(number))
        switch power {
        case .up, .booting: return initProcess(number) == nil ? .off : power
        default: return power
        }
    }

    func isPlugged(_ number: Int) -> Bool {
        let output = shell.attempt(["ip", "-o", "link", "show", "dev", layout.hostLink(number)]).output
        return output.contains(" master \(layout.bridge) ") && output.contains("state UP")
    }

    /// The status of every node.
    public func status() -> [LabNodeStatus] {
        let inReader = cardInReader()
        return (1...layout.nodeCount).map { number in
            let power = power(of: number)
            func read(_ file: String) -> String? {
                guard power.isUp else { return nil }
                let text = try? String(contentsOfFile: layout.nodeFolder(number) + "/" + file, encoding: .utf8)
                return text?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
            }
            return LabNodeStatus(name: layout.nodeName(number), power: power, plugged: isPlugged(number),
                                 hostname: read("hostname"), address: read("address"), cardInReader: inReader == number)
        }
    }

    /// Switches node K on: it boots from its card. Its card leaves the reader first if it is there. A node
    /// that is on already only gets its cable plugged in or out.
    public func powerOn(_ number: Int, plugged: Bool) throws {
        if power(of: number).isUp {
            try plug(number, plugged)
            return
        }
        if cardInReader() == number { try ejectCard() }
        try plug(number, plugged)
        let folder = layout.nodeFolder(number)
        for file in ["state", "init.pid"] { try? FileManager.default.removeItem(atPath: folder + "/" + file) }
        try shell.script(LabShell.line([
            "setsid", "-f", "ip", "netns", "exec", layout.namespace(number), "unshare", "--mount", "--uts", "--propagation", "private",
            "--", "/bin/bash", layout.initScript, layout.nodeName(number), layout.card(number), layout.runFolder, piwizard,
        ]) + " </dev/null >>" + LabShell.line([folder + "/init.log"]) + " 2>&1")
        let power = try waitForBoot(number, after: nil)
        if case .failed(let reason) = power { throw LabError.invalid("\(layout.nodeName(number)) did not start: \(reason)") }
    }

    /// Switches node K off (its init ends every process of the node and releases its card).
    public func powerOff(_ number: Int) throws {
        guard let pid = initProcess(number) else {
            _ = Self.endProcesses(in: layout.namespace(number), shell: shell)
            return
        }
        kill(pid, SIGTERM)
        for _ in 0..<200 where kill(pid, 0) == 0 { usleep(50_000) }
        _ = Self.endProcesses(in: layout.namespace(number), shell: shell)
    }

    /// Restarts node K; returns when it is up again (or failed to start).
    public func reboot(_ number: Int) throws {
        guard case .up(let generation) = power(of: number), let pid = initProcess(number) else {
            throw LabError.invalid("\(layout.nodeName(number)) is off; switch it on with: piwizard lab power on \(layout.nodeName(number))")
        }
        kill(pid, SIGUSR1)
        let power = try waitForBoot(number, after: generation)
        if case .failed(let reason) = power { throw LabError.invalid("\(layout.nodeName(number)) did not start again: \(reason)") }
    }

    /// Waits until node K is up (with a generation after `generation`), failed, or off.
    @discardableResult
    public func waitForBoot(_ number: Int, after generation: Int?, seconds: Double = 60) throws -> LabNodeStatus.Power {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let power = LabNodeStatus.Power(stateText: stateText(number))
            switch power {
            case .up(let now) where generation == nil || now > generation!: return power
            case .failed: return power
            case .off where initProcess(number) == nil && stateText(number) != nil: return power
            default: usleep(50_000)
            }
        }
        throw LabError.invalid("\(layout.nodeName(number)) did not finish starting within \(Int(seconds)) s (see \(layout.nodeFolder(number))/boot.log)")
    }

    /// Plugs node K's network cable into the lab's switch, or pulls it out.
    public func plug(_ number: Int, _ plugged: Bool) throws {
        let link = layout.hostLink(number)
        if plugged {
            try shell.run(["ip", "link", "set", link, "master", layout.bridge])
            try shell.run(["ip", "link", "set", link, "up"])
        } else {
            try shell.run(["ip", "link", "set", link, "nomaster"])
            try shell.run(["ip", "link", "set", link, "down"])
        }
    }

    // MARK: Cards

    /// The node whose card is in the reader.
    public func cardInReader() -> Int? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: layout.reader) else { return nil }
        return (1...layout.nodeCount).first { layout.card($0) == target }
    }

    /// Takes node K's card out (switching the node off first, as one shuts a Pi down before) and puts it
    /// into the reader, where `layout.reader` reaches it. A card already in the reader goes back.
    public func insertCard(_ number: Int) throws {
        if initProcess(number) != nil { try powerOff(number) }
        try? FileManager.default.removeItem(atPath: layout.reader)
        try FileManager.default.createSymbolicLink(atPath: layout.reader, withDestinationPath: layout.card(number))
    }

    /// Takes the card out of the reader (it goes back to its node).
    public func ejectCard() throws {
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: layout.reader)) != nil {
            try FileManager.default.removeItem(atPath: layout.reader)
        }
    }

    // MARK: Console

    /// The argument list of a root shell at node K's console (or of `command` there): the node's
    /// namespaces, its card as `/`, and a `PATH` whose `reboot` restarts the node.
    public func consoleArguments(_ number: Int, command: [String]?) throws -> [String] {
        guard power(of: number).isUp, let pid = initProcess(number) else {
            throw LabError.invalid("\(layout.nodeName(number)) is off; switch it on with: piwizard lab power on \(layout.nodeName(number))")
        }
        let environment = [
            "HOME=/root", "USER=root", "LOGNAME=root", "SHELL=/bin/bash", "LANG=C.UTF-8",
            "TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "dumb")",
            "PATH=\(LabLayout.insideSharedFolder)/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ]
        return ["nsenter", "-t", String(pid), "-n", "-u", "-m", "--", "chroot", layout.nodeFolder(number) + "/root",
                "/usr/bin/env", "-i", "--chdir=/root"] + environment + (command ?? ["/bin/bash", "-i"])
    }

    /// The boot count of node K (it grows by one at every start).
    public func generation(_ number: Int) -> Int? {
        if case .up(let generation) = LabNodeStatus.Power(stateText: stateText(number)) { return generation }
        return nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
