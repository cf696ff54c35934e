import Foundation
import Testing

/// The expand-cluster lesson, unattended, against a 4-node practice lab; then the cluster is checked
/// for real, without piwizard: names, addresses, key logins, the machine file, MPI.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct LessonInLabTests {
    let lab = PracticeLabFixture(name: "e2e", prefix: "10.77.202")

    @Test func expandClusterUnattendedBuildsAWorkingCluster() throws {
        _ = try? lab.piwizard(["lab", "down"])
        let state = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        defer { _ = try? lab.piwizard(["lab", "down"]) }

        // `--lab` brings the lab up itself and takes the node list from it.
        let run = try lab.piwizard(["start", "expand-cluster", "--lab", "--lab-nodes", "4", "--yes", "--width", "100"],
                                   environment: ["PIWIZARD_STATE_DIR": state.path])
        #expect(run.status == 0, "\(run.stdout.suffix(3000))\n\(run.stderr)")
        #expect(run.stdout.contains("Lesson finished"), "\(run.stdout.suffix(2000))")
        #expect(run.stderr.contains("transcript: "))

        // Every node has its own name and address, from its own card.
        for node in 1...4 {
            let console = try lab.piwizard(["lab", "console", "node\(node)", "--", "sh", "-c", "hostname; cat /etc/hostname; ip -4 -o addr show dev eth0"])
            #expect(console.stdout.hasPrefix("node\(node)\nnode\(node)\n"), "\(console.stdout)")
            #expect(console.stdout.contains("inet \(lab.address(node))/24"), "\(console.stdout)")
        }
        // The master logs in to every node with its key, never asked anything.
        let logins = try lab.onNode(1, "for ip in \((1...4).map(lab.address).joined(separator: " ")); do ssh -o BatchMode=yes pi@$ip hostname; done")
        #expect(logins == "node1\nnode2\nnode3\nnode4\n")
        // Names, machine ids and host keys all differ.
        let identities = try (1...4).map { try lab.onNode($0, "hostname; cat /etc/machine-id; ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | cut -d' ' -f2") }
        for line in 0..<3 {
            #expect(Set(identities.map { $0.split(separator: "\n")[line] }).count == 4, "\(identities)")
        }
        // The machine file lists every node once.
        #expect(try lab.onNode(1, "cat ~/machinefile") == (1...4).map { lab.address($0) + "\n" }.joined())
        // mpiexec reaches every node, and the MPI pi program computes pi.
        let hostnames = try lab.onNode(1, "timeout 60 mpiexec -f ~/machinefile -n 4 hostname")
        #expect(hostnames.split(separator: "\n").sorted() == ["node1", "node2", "node3", "node4"], "\(hostnames)")
        let pi = try lab.onNode(1, "timeout 120 mpiexec -f ~/machinefile -n 4 ./pi")
        #expect(pi.contains("pi is approximately 3.14159265"), "\(pi)")
        #expect(pi.contains("processes: 4,"), "\(pi)")

        try lab.downAndExpectNothingLeft()
    }
}
