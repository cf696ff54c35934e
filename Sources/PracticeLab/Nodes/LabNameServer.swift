import Foundation

/// The name server of the lab's router, as a home router has one: the nodes' network settings name
/// the gateway as their DNS server. It knows no names and never asks another server (dnsmasq with
/// `--local=/#/`): every question gets "no such name" at once, so a name missing from `/etc/hosts`
/// fails fast, as at home, instead of waiting 5 s for an answer that never comes. It listens on this
/// computer's lab address only.
struct LabNameServer {
    let layout: LabLayout
    var shell = LabShell()

    var pidFile: String { layout.runFolder + "/dnsmasq.pid" }

    /// The server's process, when it runs: the PID it wrote, of a live dnsmasq (a PID left in the file
    /// may be another program's by now).
    var pid: pid_t? {
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1, kill(pid, 0) == 0,
              ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "").hasPrefix("dnsmasq") else { return nil }
        return pid
    }

    /// Starts it, unless it runs already (dnsmasq goes into the background once it listens).
    func start() throws {
        guard pid == nil else { return }
        try shell.run([
            "dnsmasq", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--no-poll", "--local=/#/",
            "--listen-address=\(layout.hostAddress)", "--bind-interfaces", "--port=53",
            "--pid-file=\(pidFile)", "--user=nobody", "--group=nogroup",
        ])
    }

    /// Ends it, by the PID it wrote; true when it ran.
    func stop() -> Bool {
        guard let pid else { return false }
        kill(pid, SIGTERM)
        for _ in 0..<50 where kill(pid, 0) == 0 { usleep(100_000) }
        if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        return true
    }
}
