import Foundation
import Testing

/// The expand-cluster lesson, unattended, against a 4-node practice lab of every flavour (the
/// releases its users run); then every node is restarted cleanly and the cluster is checked for real,
/// without piwizard: names, addresses, identities, `/etc/hosts`, key logins, the machine file, MPI.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct LessonInLabTests {
    let lab = PracticeLabFixture(name: "e2e", prefix: "10.77.202")

    @Test(arguments: ["trixie", "bookworm", "bullseye", "legacy"])
    func expandClusterUnattendedBuildsAWorkingCluster(flavour: String) throws {
        _ = try? lab.piwizard(["lab", "down"])
        let state = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        defer { _ = try? lab.piwizard(["lab", "down"]) }

        // `--lab` brings the lab up itself and takes the node list from it; the lesson detects the
        // network stack on the master and gets pi's sudo password from the lab.
        let run = try lab.piwizard(["start", "expand-cluster", "--lab", "--lab-nodes", "4", "--lab-os", flavour, "--yes", "--width", "100"],
                                   environment: ["PIWIZARD_STATE_DIR": state.path])
        #expect(run.status == 0, "\(run.stdout.suffix(3000))\n\(run.stderr)")
        #expect(run.stdout.contains("Lesson finished"), "\(run.stdout.suffix(2000))")
        #expect(run.stderr.contains("transcript: "))
        let stack = ["trixie": "netplan", "bookworm": "networkmanager", "bullseye": "dhcpcd", "legacy": "interfaces"][flavour]!
        #expect(run.stdout.contains("Detected network on the master: \(stack)"), "\(run.stdout.prefix(4000))")
        #expect(!run.stdout.contains("unable to resolve host"), "sudo never meets a name it cannot resolve")
        #expect(!run.stdout.contains("raspberry"), "the sudo password is never shown")

        // Every node is shut down cleanly and started again, as a learner starts the cluster from now on.
        for node in 1...4 {
            let restart = try lab.piwizard(["lab", "reboot", "node\(node)"])
            #expect(restart.status == 0, "\(restart.stderr)")
        }
        try expectAWorkingCluster()
        try lab.downAndExpectNothingLeft()
    }

    /// What a finished cluster is, looked at without piwizard.
    private func expectAWorkingCluster() throws {
        let hosts = (1...4).map { "\(lab.address($0))\tnode\($0)" }
        for node in 1...4 {
            // Its own name and address, from its own card, and every node's name in /etc/hosts.
            let console = try lab.piwizard(["lab", "console", "node\(node)", "--", "sh", "-c", "hostname; cat /etc/hostname; ip -4 -o addr show dev eth0; cat /etc/hosts"])
            #expect(console.stdout.hasPrefix("node\(node)\nnode\(node)\n"), "\(console.stdout)")
            #expect(console.stdout.contains("inet \(lab.address(node))/24"), "\(console.stdout)")
            for line in hosts { #expect(console.stdout.contains(line), "node\(node)'s /etc/hosts after the restart: \(console.stdout)") }
            #expect(!console.stdout.contains("127.0.1.1"), "\(console.stdout)")
        }
        // The master logs in to every node with its key, never asked anything.
        let logins = try lab.onNode(1, "for ip in \((1...4).map(lab.address).joined(separator: " ")); do ssh -o BatchMode=yes pi@$ip hostname; done")
        #expect(logins == "node1\nnode2\nnode3\nnode4\n")
        // Names, machine ids, host keys and the network stack's secrets all differ.
        let identity = "hostname; cat /etc/machine-id; ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | cut -d' ' -f2"
        let identities = try (1...4).map { try lab.onNode($0, identity) }
        for line in 0..<3 {
            let values = identities.map { $0.split(separator: "\n").dropFirst(line).first.map(String.init) ?? "(nothing)" }
            #expect(Set(values).count == 4, "\(identities)")
        }
        let secrets = try (1...4).map { node in
            try lab.piwizard(["lab", "console", "node\(node)", "--", "sh", "-c",
                              "for f in /var/lib/NetworkManager/secret_key /var/lib/dhcpcd/duid /var/lib/dhcpcd/secret; do [ -f $f ] && echo $f $(sha256sum < $f); done; true"]).stdout
        }
        for line in Set(secrets.flatMap { $0.split(separator: "\n") }) {
            #expect(secrets.filter { $0.contains(line) }.count == 1, "a network secret shared by nodes: \(line)")
        }
        // The machine file lists every node once.
        #expect(try lab.onNode(1, "cat ~/machinefile") == (1...4).map { lab.address($0) + "\n" }.joined())
        // mpiexec reaches every node, and the MPI pi program computes pi.
        let hostnames = try lab.onNode(1, "timeout 60 mpiexec -f ~/machinefile -n 4 hostname")
        #expect(hostnames.split(separator: "\n").sorted() == ["node1", "node2", "node3", "node4"], "\(hostnames)")
        let pi = try lab.onNode(1, "timeout 120 mpiexec -f ~/machinefile -n 4 ./pi")
        #expect(pi.contains("pi is approximately 3.14159265"), "\(pi)")
        #expect(pi.contains("processes: 4,"), "\(pi)")
    }
}
