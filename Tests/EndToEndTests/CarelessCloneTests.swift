import Foundation
import Testing

/// A finished lab cluster where one node's card is then replaced by a plain copy of the master's, with
/// only its name and address fixed (its host keys and machine id left as the master's): the checks
/// catch what the copy duplicated.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct CarelessCloneTests {
    let lab = PracticeLabFixture(name: "cl", prefix: "10.77.204")

    @Test func theChecksCatchACloneThatKeptTheMastersIdentity() throws {
        _ = try? lab.piwizard(["lab", "down"])
        let up = try lab.piwizard(["lab", "up", "3", "--ready", "--os", PracticeLabFixture.articleFlavour])
        #expect(up.status == 0, "\(up.stderr)")
        defer { _ = try? lab.piwizard(["lab", "down"]) }
        let state = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        func check(_ steps: [String]) throws -> PiwizardProcess.Output {
            try lab.piwizard(["check", "expand-cluster", "--lab", "--state-dir", state.path] + steps.flatMap { ["--step", $0] })
        }

        // A finished cluster passes every check of the lesson, its pi program included.
        let clean = try check([])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("✓ node1  the master has pi.c"), "\(clean.stdout)")
        #expect(clean.stdout.contains("✓ -  output-matches: mpiexec -f ~/machinefile -n 3 ./pi"), "\(clean.stdout)")

        // node3's card becomes a copy of the master's; only its address and name are fixed at its console.
        let image = lab.stateFolder + "/copy.img"
        #expect(try lab.piwizard(["lab", "card", "insert", "node1"]).status == 0)
        try PracticeLabFixture.sh("dd if=/dev/pw-\(lab.name)-reader of=\(image) bs=4M status=none")
        #expect(try lab.piwizard(["lab", "card", "insert", "node3"]).status == 0)
        try PracticeLabFixture.sh("dd if=\(image) of=/dev/pw-\(lab.name)-reader bs=4M status=none")
        #expect(try lab.piwizard(["lab", "power", "on", "node1"]).status == 0)
        #expect(try lab.piwizard(["lab", "power", "on", "node3", "--unplugged"]).status == 0)
        let fix = "sed -i 's|^\\([[:space:]]*address[[:space:]]\\).*|\\1\(lab.address(3))|' /etc/network/interfaces && echo node3 > /etc/hostname"
        #expect(try lab.piwizard(["lab", "console", "node3", "--", "sh", "-c", fix]).status == 0)
        #expect(try lab.piwizard(["lab", "plug", "node3"]).status == 0)
        #expect(try lab.piwizard(["lab", "reboot", "node3"]).status == 0)

        // The host key check catches the copy without logging in, and the master refuses the changed key.
        let caught = try check(["install-key", "unique-identity"])
        #expect(caught.status == 1)
        #expect(caught.stdout.contains("unique-host-keys (ed25519): expected a different host key on each of 3 nodes, found \(lab.address(1)) and \(lab.address(3)) share 'SHA256:"), "\(caught.stdout)")
        #expect(caught.stdout.contains("known_hosts holds another key for \(lab.address(3))"), "\(caught.stdout)")

        // A careless learner makes the master accept the new key: now the machine id shows up too.
        _ = try lab.onNode(1, "ssh-keygen -R \(lab.address(3)) 2>/dev/null; ssh-keyscan -t ed25519 \(lab.address(3)) >> ~/.ssh/known_hosts 2>/dev/null")
        let machineID = try check(["unique-identity"])
        #expect(machineID.status == 1)
        #expect(machineID.stdout.contains("unique-across-nodes: cat /etc/machine-id: expected a different answer from each of 3 nodes, found \(lab.address(1)) and \(lab.address(3)) share"), "\(machineID.stdout)")
        #expect(machineID.stdout.contains("✓ unique-across-nodes: hostname\n"), "the names differ: \(machineID.stdout)")

        try lab.downAndExpectNothingLeft()
    }
}
