import Foundation
import Lessons

/// A lab's nodes: switching them on and off, restarting them, their state, their consoles.
extension Lab {
    func stateText(_ number: Int) -> String? {
        try? String(contentsOfFile: layout.nodeFolder(number) + "/state", encoding: .utf8)
    }

    private func pid(_ number: Int, _ file: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: layout.nodeFolder(number) + "/" + file, encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), kill(pid, 0) == 0 else { return nil }
        return pid
    }

    /// The node's power supply (`NodeBootScript`), when it runs.
    func supervisorProcess(_ number: Int) -> pid_t? { pid(number, "supervisor.pid") }

    /// The node's PID 1 (its systemd), seen from this machine, while the node runs.
    func leaderProcess(_ number: Int) -> pid_t? { pid(number, "leader.pid") }

    /// Whether node K is on, starting, off or failed to start.
    public func power(of number: Int) -> LabNodeStatus.Power {
        let power = LabNodeStatus.Power(stateText: stateText(number))
        switch power {
        case .up, .booting: return supervisorProcess(number) == nil ? .off : power
        default: return power
        }
    }

    func isPlugged(_ number: Int) -> Bool {
        let output = shell.attempt(["ip", "-o", "link", "show", "dev", layout.hostLink(number)]).output
        return output.contains(" master \(layout.bridge) ") && output.contains("state UP")
    }

    /// The name node K's system gave itself, while it runs.
    func hostname(of number: Int) -> String? {
        guard let leader = leaderProcess(number) else { return nil }
        return shell.attempt(["nsenter", "-t", String(leader), "-u", "hostname"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
    }

    /// The IPv4 address on node K's `eth0`, as its network stack set it.
    func address(of number: Int) -> String? {
        let output = shell.attempt(["ip", "-n", layout.namespace(number), "-4", "-o", "addr", "show", "dev", "eth0"]).output
        let words = output.split(separator: " ")
        guard let index = words.firstIndex(of: "inet"), index + 1 < words.count else { return nil }
        return words[index + 1].split(separator: "/").first.map(String.init)
    }

    /// The status of every node.
    public func status() -> [LabNodeStatus] {
        let inReader = cardInReader()
        return (1...layout.nodeCount).map { number in
            let power = power(of: number)
            return LabNodeStatus(name: layout.nodeName(number), power: power, plugged: isPlugged(number),
                                 hostname: power.isUp ? hostname(of: number) : nil, address: power.isUp ? address(of: number) : nil,
                                 cardInReader: inReader == number)
        }
    }

    /// Switches node K on: it boots the system on its card. Its card leaves the reader first if it
    /// is there. A node that is on already only gets its cable plugged in or out.
    public func powerOn(_ number: Int, plugged: Bool) throws {
        if power(of: number).isUp {
            try plug(number, plugged)
            return
        }
        try start(number, plugged: plugged)
        try finishStart(number)
    }

    /// Starts node K's power supply, which boots it, without waiting.
    func start(_ number: Int, plugged: Bool) throws {
        if cardInReader() == number { try ejectCard() }
        try plug(number, plugged)
        let folder = layout.nodeFolder(number)
        for file in ["state", "supervisor.pid", "leader.pid", "nspawn.pid"] { try? FileManager.default.removeItem(atPath: folder + "/" + file) }
        try shell.script(LabShell.line([
            // In a mount namespace of its own: the node's root partition is mounted only there, so the
            // other nodes' containers (each a copy of the mounts it starts from) never hold it.
            "setsid", "-f", "unshare", "--mount", "--propagation", "private", "/bin/bash", layout.bootScript, layout.nodeName(number), layout.card(number), layout.runFolder, layout.namespace(number),
        ]) + " </dev/null >>" + LabShell.line([folder + "/supervisor.log"]) + " 2>&1")
    }

    /// Waits until node K, just started, runs; throws with the reason when it did not start.
    func finishStart(_ number: Int) throws {
        let power = try waitForBoot(number, after: nil)
        if case .failed(let reason) = power { throw LabError.invalid("\(layout.nodeName(number)) did not start: \(reason)") }
    }

    /// Switches node K off: its systemd shuts it down cleanly, then its card is released.
    public func powerOff(_ number: Int) throws {
        _ = Self.stopNode(folder: layout.nodeFolder(number), shell: shell)
        _ = Self.endProcesses(in: layout.namespace(number), shell: shell)
    }

    /// Restarts node K with `systemctl reboot` in it; returns when it is up again (or failed to start).
    public func reboot(_ number: Int) throws {
        guard case .up(let generation) = power(of: number), let leader = leaderProcess(number) else {
            throw LabError.invalid("\(layout.nodeName(number)) is off; switch it on with: piwizard lab power on \(layout.nodeName(number))")
        }
        try shell.run(["nsenter", "-t", String(leader), "-a", "systemctl", "reboot"])
        let power = try waitForBoot(number, after: generation)
        if case .failed(let reason) = power { throw LabError.invalid("\(layout.nodeName(number)) did not start again: \(reason)") }
    }

    /// Whether node K's system is shutting down or has stopped: after `reboot` or `poweroff` in it,
    /// systemd has the shutdown job queued (`systemctl` returns once it is) or is already stopping.
    public func isGoingDown(_ number: Int) -> Bool {
        guard let leader = leaderProcess(number) else { return true }
        let state = shell.attempt(["nsenter", "-t", String(leader), "-a", "sh", "-c", "systemctl is-system-running; systemctl list-jobs --no-legend"]).output
        let shutdownTargets = ["reboot.target", "poweroff.target", "halt.target", "shutdown.target", "kexec.target"]
        return state.contains("stopping") || shutdownTargets.contains { state.contains($0) } || leaderProcess(number) == nil
    }

    /// Waits until node K is up (with a generation after `generation`), failed, or off.
    @discardableResult
    public func waitForBoot(_ number: Int, after generation: Int?, seconds: Double = 180) throws -> LabNodeStatus.Power {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let power = LabNodeStatus.Power(stateText: stateText(number))
            switch power {
            case .up(let now) where generation == nil || now > generation!: return power
            case .failed: return power
            case .off where supervisorProcess(number) == nil && stateText(number) != nil: return power
            default: usleep(50_000)
            }
        }
        throw LabError.invalid("\(layout.nodeName(number)) did not finish starting within \(Int(seconds)) s (see \(layout.nodeFolder(number))/console.log)")
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

    // MARK: Console

    /// The argument list of node K's console: its login prompt, or `command` run there as root, or as
    /// `user` in a login shell (the way a learner types at the console).
    public func consoleArguments(_ number: Int, command: [String]?, user: String? = nil) throws -> [String] {
        guard power(of: number).isUp, let leader = leaderProcess(number) else {
            throw LabError.invalid("\(layout.nodeName(number)) is off; switch it on with: piwizard lab power on \(layout.nodeName(number))")
        }
        let enter = ["nsenter", "-t", String(leader), "-a", "--"]
        let terminal = "TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "dumb")"
        // login wants a terminal of the node's own (this one's is not in the node's /dev/pts): `script`
        // gives it one, as a Pi's console is a terminal of its own.
        guard let command else {
            return enter + ["/usr/bin/env", "-i", terminal, "/usr/bin/script", "--quiet", "--return", "--command", "exec /bin/login", "/dev/null"]
        }
        if let user {
            return enter + ["/usr/bin/env", "-i", terminal, "/usr/sbin/runuser", "-l", user, "-c", LabShell.line(command)]
        }
        return enter + ["/usr/bin/env", "-i", "HOME=/root", "USER=root", "LOGNAME=root", "SHELL=/bin/bash", "LANG=C.UTF-8", terminal,
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "/bin/sh", "-c", "cd /root && exec \"$@\"", "sh"] + command
    }

    /// The boot count of node K (it grows by one at every start).
    public func generation(_ number: Int) -> Int? {
        if case .up(let generation) = LabNodeStatus.Power(stateText: stateText(number)) { return generation }
        return nil
    }
}
