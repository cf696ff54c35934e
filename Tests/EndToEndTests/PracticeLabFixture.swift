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
    static func sh(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try PiwizardProcess.shell(line)
        #expect(result.status == 0, "\(line)\n\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// A command as `pi` on node K, over ssh from this computer (the lab's key and known_hosts).
    func onNode(_ node: Int, _ command: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try Self.sh("timeout 120 ssh -o BatchMode=yes -o ConnectTimeout=5 pi@\(address(node)) \(PiwizardProcess.quote(command))", sourceLocation: sourceLocation)
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
