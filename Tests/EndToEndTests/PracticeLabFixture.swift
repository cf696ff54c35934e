import Foundation
import Testing

/// A practice lab of a test's own (its own name and subnet, so it never meets a learner's lab), driven
/// through the built binary, and the proof that `lab down` leaves nothing behind.
struct PracticeLabFixture {
    let name: String
    /// The first three parts of the lab's /24, e.g. `10.77.202`.
    let prefix: String

    /// Labs need Linux, root (namespaces, mounts) and loop devices (a node boots from its card image).
    static var isPossible: Bool {
        geteuid() == 0 && FileManager.default.fileExists(atPath: "/proc/self/ns/net") && FileManager.default.fileExists(atPath: "/dev/loop-control")
    }

    /// The release people install today, what `start --lab` gives a new lab.
    static let lessonFlavour = "trixie"
    /// The 2014 article's release (`/etc/network/interfaces`), for tests that change a node's address
    /// by hand the article's way.
    static let articleFlavour = "legacy"

    var subnet: String { prefix + ".0/24" }
    var environment: [String: String] { ["PIWIZARD_LAB": name, "PIWIZARD_LAB_SUBNET": subnet] }
    var stateFolder: String { "/var/lib/piwizard/labs/\(name)" }
    var runFolder: String { "/run/piwizard/labs/\(name)" }
    func address(_ node: Int) -> String { "\(prefix).\(10 + node)" }

    /// Runs `piwizard ARGS` with the lab's environment.
    @discardableResult
    func piwizard(_ arguments: [String], environment: [String: String] = [:]) throws -> PiwizardProcess.Output {
        try PiwizardProcess.run(arguments, environment: self.environment.merging(environment) { $1 })
    }

    /// Runs a shell line on this machine and returns its output (stdout and stderr), failing the test
    /// on a non-zero exit.
    @discardableResult
    static func sh(_ line: String, explain: () -> String = { "" }, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try PiwizardProcess.shell(line)
        #expect(result.status == 0, "\(line)\nexit status \(result.status)\n\(result.stdout)\(result.stderr)\(explain())", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// A command as `pi` on node K, over ssh from this computer (the lab's key and known_hosts); with
    /// `diagnose`, a failure's message holds the lab's `diagnosis()`.
    func onNode(_ node: Int, _ command: String, diagnose: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try Self.sh("timeout 120 ssh -o BatchMode=yes -o ConnectTimeout=5 pi@\(address(node)) \(PiwizardProcess.quote(command))",
                    explain: { diagnose ? diagnosis() : "" }, sourceLocation: sourceLocation)
    }

    /// What to read when a lab run fails where it once passed: this computer's loop devices and their
    /// partition nodes, the reader, and for each node its boot log, its state and the last 40 lines of
    /// its journal (sshd's and logind's among them). For a failure's message: it never fails a test itself.
    func diagnosis() -> String {
        var parts = ["losetup -a; ls -l /dev/loop*p* 2>/dev/null; ls -l /dev/pw-\(name)-reader 2>&1; lsblk -o NAME,MAJ:MIN,TYPE,SIZE 2>&1 | grep loop"]
        for node in 1...8 where FileManager.default.fileExists(atPath: "\(runFolder)/nodes/node\(node)") {
            parts.append("echo '--- node\(node): boot.log, state'; tail -n 15 \(runFolder)/nodes/node\(node)/boot.log; cat \(runFolder)/nodes/node\(node)/state 2>/dev/null")
            parts.append("echo '--- node\(node): journal'; PIWIZARD_LAB=\(name) PIWIZARD_LAB_SUBNET=\(subnet) timeout 20 piwizard lab console node\(node) -- journalctl -q --no-pager -n 40 2>&1")
        }
        let script = parts.joined(separator: "; ")
        let result = try? PiwizardProcess.shell("PATH=\(PiwizardProcess.binary.deletingLastPathComponent().path):$PATH; \(script)")
        return "\n--- diagnosis of lab \(name) ---\n" + (result.map { $0.stdout + $0.stderr } ?? "(none: the shell did not start)")
    }

    /// The processes of the lab right now: every process in its namespaces.
    func processes() throws -> Set<Int32> {
        let namespaces = try PiwizardProcess.shell("ip netns list | cut -d' ' -f1 | grep '^pw-\(name)-node' || true").stdout.split(separator: "\n")
        var pids = Set<Int32>()
        for namespace in namespaces {
            let output = try PiwizardProcess.shell("ip netns pids \(namespace)").stdout
            pids.formUnion(output.split(separator: "\n").compactMap { Int32($0) })
        }
        return pids
    }

    /// Brings the lab down and checks that nothing of it is left: no process, namespace, link, loop
    /// device, file or ssh setting.
    func downAndExpectNothingLeft(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try processes()
        let down = try piwizard(["lab", "down"])
        #expect(down.status == 0, "\(down.stderr)", sourceLocation: sourceLocation)
        for pid in before {
            // An ended process waiting for its parent to collect it (a zombie) runs no more.
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let running = !stat.isEmpty && !(stat.split(separator: ")").last?.hasPrefix(" Z") ?? false)
            #expect(!running, "process \(pid) of the lab is still running: \(stat)", sourceLocation: sourceLocation)
        }
        let namespaces = try PiwizardProcess.shell("ip netns list").stdout
        #expect(!namespaces.contains("pw-\(name)-"), "namespaces left: \(namespaces)", sourceLocation: sourceLocation)
        let links = try PiwizardProcess.shell("ip -o link show").stdout
        #expect(!links.contains("pw-\(name)"), "links left: \(links)", sourceLocation: sourceLocation)
        let loops = try PiwizardProcess.shell("losetup -a").stdout
        #expect(!loops.contains(stateFolder), "loop devices left: \(loops)", sourceLocation: sourceLocation)
        let mounts = try String(contentsOfFile: "/proc/mounts", encoding: .utf8)
        #expect(!mounts.contains(runFolder) && !mounts.contains(stateFolder), "mounts left: \(mounts)", sourceLocation: sourceLocation)
        let cgroups = try PiwizardProcess.shell("find /sys/fs/cgroup -maxdepth 3 -type d -name 'piwizard-\(name)-*'").stdout
        #expect(cgroups.isEmpty, "cgroups left: \(cgroups)", sourceLocation: sourceLocation)
        for path in [stateFolder, runFolder, "/etc/ssh/ssh_config.d/piwizard-lab-\(name).conf", "/dev/pw-\(name)-reader"] {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) is left", sourceLocation: sourceLocation)
        }
    }
}
