import Foundation
import Testing

/// The expand-cluster lesson on its card path (each card made its node's own in the reader), unattended,
/// in a 4-node lab of every flavour; see `LessonInLabRun`. Its own lab, so it runs beside the console path.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct LessonInLabCardPathTests {
    @Test(arguments: ["trixie", "bookworm", "bullseye", "legacy"])
    func expandClusterUnattendedBuildsAWorkingCluster(flavour: String) throws {
        try LessonInLabRun(lab: PracticeLabFixture(name: "e2e", prefix: "10.77.202")).expandCluster(flavour: flavour, setup: "card")
    }
}

/// The expand-cluster lesson on its console path (each node changed at its own keyboard, as in the 2014
/// article), unattended, in a 4-node lab of every flavour; see `LessonInLabRun`.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct LessonInLabConsolePathTests {
    @Test(arguments: ["trixie", "bookworm", "bullseye", "legacy"])
    func expandClusterUnattendedBuildsAWorkingCluster(flavour: String) throws {
        try LessonInLabRun(lab: PracticeLabFixture(name: "e2c", prefix: "10.77.209")).expandCluster(flavour: flavour, setup: "console")
    }
}

/// One unattended run of expand-cluster in a 4-node practice lab of one flavour (the releases its users
/// run) on one path (on the card path, as `piwizard test`: the lesson proves itself), then `check` on the
/// finished cluster (console path), every node restarted cleanly, and the cluster
/// checked for real, without piwizard: names, addresses, identities, `/etc/hosts`, key logins, the
/// machine file, MPI.
struct LessonInLabRun {
    let lab: PracticeLabFixture
    /// The flavour whose finished cluster gets the lesson a second time (on the card path).
    static let secondRunFlavour = "trixie"

    func expandCluster(flavour: String, setup: String) throws {
        _ = try? lab.piwizard(["lab", "down"])
        let state = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        defer { _ = try? lab.piwizard(["lab", "down"]) }

        let stack = ["trixie": "netplan", "bookworm": "networkmanager", "bullseye": "dhcpcd", "legacy": "interfaces"][flavour]!
        let screen = setup == "card" ? try proveItself(flavour: flavour) : try runUnattended(flavour: flavour, setup: setup, state: state)
        #expect(screen.contains("Detected network on the master: \(stack)"), "\(screen.prefix(4000))")
        #expect(!screen.contains("unable to resolve host"), "sudo never meets a name it cannot resolve")
        #expect(!screen.contains("raspberry"), "the sudo password is never shown")
        if setup == "card" {
            #expect(screen.contains("The card holds the image, byte for byte."))
            #expect(!screen.contains("the practice lab types it"), "no node is touched at its console")
            // mtools cannot ask the lab's reader its geometry (it needs none here): its "Could not get
            // geometry of device (Inappropriate ioctl for device)" is kept off the screen (the prose names it).
            #expect(!screen.contains("Inappropriate ioctl"), "\(screen.prefix(4000))")
            if flavour == "trixie" { #expect(screen.contains("now names node2."), "\(screen.prefix(4000))") }
        }

        if flavour == LessonInLabRun.secondRunFlavour && setup == "card" {
            // The lesson once more on the finished cluster, from a fresh start and with a key of another
            // name: safe, the master trades each node's remembered host key for its new card's, and
            // mpiexec finds the key through ~/.ssh/config.
            let again = try PiwizardProcess.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: again) }
            let second = try lab.piwizard(["start", "expand-cluster", "--lab", "--lab-nodes", "4", "--lab-os", flavour, "--var", "key=~/.ssh/cluster_key",
                                           "--yes", "--width", "100"],
                                          environment: ["PIWIZARD_STATE_DIR": again.path])
            #expect(second.status == 0, "\(second.stdout.suffix(3000))\n\(second.stderr)\(lab.diagnosis())")
            #expect(second.stdout.contains("The master forgets the key it remembered for \(lab.address(2)): an earlier card's."), "\(second.stdout.suffix(3000))")
            // A path inside double quotes is the home folder's: "$HOME/…", which the master's shell expands.
            #expect(second.stdout.contains("\nssh on the master now logs in to the nodes with /home/pi/.ssh/cluster_key\n"), "\(second.stdout.suffix(3000))")
            #expect(try lab.onNode(1, "cat ~/.ssh/config").contains("IdentityFile /home/pi/.ssh/cluster_key"))
            // Handed over to Ansible: the playbook keeps the cluster, and mends drift.
            try expectAnsibleKeepsTheCluster(state: again, key: "~/.ssh/cluster_key", drift: true)
            // Day two: one more node, then a new card for node3.
            try expectGrowAndRepair(state: again)
        }
        let nodes = flavour == LessonInLabRun.secondRunFlavour && setup == "card" ? 5 : 4

        // Every node is shut down cleanly and started again, as a learner starts the cluster from now on.
        for node in 1...nodes {
            let restart = try lab.piwizard(["lab", "reboot", "node\(node)"])
            #expect(restart.status == 0, "\(restart.stderr)\(lab.diagnosis())")
        }
        try expectAWorkingCluster(nodes: nodes)
        if setup == "card" { try expectWorkersPersonalisedOnTheirCards(flavour: flavour, nodes: nodes) }
        if setup == "console" {
            try expectAnsibleKeepsTheCluster(state: state, drift: false)
            try expectGrowth(state: state)
        }
        try lab.downAndExpectNothingLeft()
    }

    /// `start --yes` (`--lab` brings the lab up itself and takes the node list from it; the lesson
    /// detects the network stack on the master and gets pi's sudo password from the lab), then `check`
    /// on the finished cluster; what the session showed.
    private func runUnattended(flavour: String, setup: String, state: URL) throws -> String {
        let run = try lab.piwizard(["start", "expand-cluster", "--lab", "--lab-nodes", "4", "--lab-os", flavour, "--var", "setup=\(setup)",
                                    "--yes", "--width", "100"],
                                   environment: ["PIWIZARD_STATE_DIR": state.path])
        #expect(run.status == 0, "\(run.stdout.suffix(3000))\n\(run.stderr)\(lab.diagnosis())")
        #expect(run.stdout.contains("Lesson finished"), "\(run.stdout.suffix(2000))")
        #expect(run.stderr.contains("transcript: "))
        // Every check of a step that was done passes, and the steps about a card in the reader are not
        // asked of the empty reader.
        let check = try lab.piwizard(["check", "expand-cluster", "--lab"], environment: ["PIWIZARD_STATE_DIR": state.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("– not checked: no card in "), "\(check.stdout)")
        return run.stdout
    }

    /// `piwizard test --lab --keep-lab`: the lesson proves itself in a fresh lab of `flavour` (every
    /// check fails before its step or may, passes after it, catches each drill's fault, passes again
    /// once repaired) and leaves the finished cluster up; what its session showed (its transcript).
    private func proveItself(flavour: String) throws -> String {
        let run = try lab.piwizard(["test", "expand-cluster", "--lab", "--os", flavour, "--lab-nodes", "4", "--var", "setup=card", "--keep-lab", "--keep", "--json"])
        #expect(run.status == 0, "\(run.stdout.suffix(4000))\n\(run.stderr.suffix(2000))\(lab.diagnosis())")
        #expect(run.stderr.contains("The lab '\(lab.name)' is kept up"), "\(run.stderr.suffix(2000))")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout.suffix(2000))")
        #expect(report["held"] as? Bool == true)
        let only = try #require((report["runs"] as? [[String: Any]])?.first)
        let findings = (only["entries"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? [String: Any] }
        // The lesson's drills: the key twice, a card left mounted, authorized_keys twice and
        // group-writable on each node, a name missing from each node's /etc/hosts, a worker's address
        // taken by the master too, a shared machine id.
        let drills = findings.filter { $0["phase"] as? String == "drill" }
        #expect(drills.count == 18, "\(drills.map { "\($0["step"] ?? "") \($0["item"] ?? "")" })")
        #expect(drills.allSatisfy { $0["held"] as? Bool == true })
        #expect(findings.contains { $0["step"] as? String == "mpi-pi" && $0["phase"] as? String == "after" && $0["held"] as? Bool == true })
        let transcript = try #require(only["transcript"] as? String)
        return try TranscriptScreen.text(ofFileAt: transcript)
    }

    /// What only the card path leaves on a worker: Wi-Fi off where NetworkManager runs, and on
    /// trixie a cloud-init seed that names the node.
    private func expectWorkersPersonalisedOnTheirCards(flavour: String, nodes: Int) throws {
        for node in 2...nodes {
            let files = try lab.piwizard(["lab", "console", "node\(node)", "--", "sh", "-c",
                                          "cat /var/lib/NetworkManager/NetworkManager.state /boot/firmware/user-data 2>/dev/null; true"]).stdout
            if flavour == "trixie" || flavour == "bookworm" { #expect(files.contains("WirelessEnabled=false"), "\(files)") }
            if flavour == "trixie" { #expect(files.contains("hostname: node\(node)\n"), "\(files)") }
        }
    }

    /// What a finished cluster is, looked at without piwizard.
    private func expectAWorkingCluster(nodes count: Int) throws {
        let hosts = (1...count).map { "\(lab.address($0))\tnode\($0)" }
        for node in 1...count {
            // Its own name and address, from its own card, and every node's name in /etc/hosts.
            let console = try lab.piwizard(["lab", "console", "node\(node)", "--", "sh", "-c", "hostname; cat /etc/hostname; ip -4 -o addr show dev eth0; cat /etc/hosts"])
            #expect(console.stdout.hasPrefix("node\(node)\nnode\(node)\n"), "\(console.stdout)")
            #expect(console.stdout.contains("inet \(lab.address(node))/24"), "\(console.stdout)")
            for line in hosts { #expect(console.stdout.contains(line), "node\(node)'s /etc/hosts after the restart: \(console.stdout)") }
            #expect(!console.stdout.contains("127.0.1.1"), "\(console.stdout)")
        }
        // The master logs in to every node with its key, never asked anything.
        let logins = try lab.onNode(1, "for ip in \((1...count).map(lab.address).joined(separator: " ")); do ssh -o BatchMode=yes pi@$ip hostname; done", diagnose: true)
        #expect(logins == (1...count).map { "node\($0)\n" }.joined())
        // Names, machine ids, host keys and the network stack's secrets all differ.
        let identity = "hostname; cat /etc/machine-id; ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | cut -d' ' -f2"
        let identities = try (1...count).map { try lab.onNode($0, identity) }
        for line in 0..<3 {
            let values = identities.map { $0.split(separator: "\n").dropFirst(line).first.map(String.init) ?? "(nothing)" }
            #expect(Set(values).count == count, "\(identities)")
        }
        let secrets = try (1...count).map { node in
            try lab.piwizard(["lab", "console", "node\(node)", "--", "sh", "-c",
                              "for f in /var/lib/NetworkManager/secret_key /var/lib/dhcpcd/duid /var/lib/dhcpcd/secret; do [ -f $f ] && echo $f $(sha256sum < $f); done; true"]).stdout
        }
        for line in Set(secrets.flatMap { $0.split(separator: "\n") }) {
            #expect(secrets.filter { $0.contains(line) }.count == 1, "a network secret shared by nodes: \(line)")
        }
        // The machine file lists every node once.
        #expect(try lab.onNode(1, "cat ~/machinefile") == (1...count).map { lab.address($0) + "\n" }.joined())
        // mpiexec reaches every node, and the MPI pi program computes pi.
        let hostnames = try lab.onNode(1, "timeout 60 mpiexec -f ~/machinefile -n \(count) hostname", diagnose: true)
        #expect(hostnames.split(separator: "\n").sorted() == (1...count).map { "node\($0)" }, "\(hostnames)")
        let pi = try lab.onNode(1, "timeout 120 mpiexec -f ~/machinefile -n \(count) ./pi", diagnose: true)
        #expect(pi.contains("pi is approximately 3.14159265"), "\(pi)")
        #expect(pi.contains("processes: \(count),"), "\(pi)")
    }
}
