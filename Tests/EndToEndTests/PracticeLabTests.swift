import Foundation
import Testing

/// The practice lab's parts, for real: namespaces, cards, sshd, consoles, restarts, a cloned card,
/// and a `lab down` that leaves nothing behind.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct PracticeLabTests {
    let lab = PracticeLabFixture(name: "t1", prefix: "10.77.201")

    @Test func nodesBootFromTheirCardsAndCloningCopiesTheirIdentity() throws {
        _ = try? lab.piwizard(["lab", "down"])
        let up = try lab.piwizard(["lab", "up", "2"])
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.contains("node1  on     plugged in  node1     \(lab.address(1))"), "\(up.stdout)")
        #expect(up.stdout.contains("node2  off"))
        let initBefore = try String(contentsOfFile: lab.runFolder + "/nodes/node1/init.pid", encoding: .utf8)

        // Up twice is safe: nothing is made again, the running master stays.
        let again = try lab.piwizard(["lab", "up", "2"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: lab.runFolder + "/nodes/node1/init.pid", encoding: .utf8) == initBefore)
        let wrongSize = try lab.piwizard(["lab", "up", "3"])
        #expect(wrongSize.status != 0)
        #expect(wrongSize.stderr.contains("is up with 2 nodes"), "\(wrongSize.stderr)")

        // The console is the node: its own name, its card as /etc, its own address.
        let console = try lab.piwizard(["lab", "console", "node1", "--", "sh", "-c", "hostname; cat /etc/hostname; ip -4 -o addr show dev eth0"])
        #expect(console.status == 0, "\(console.stderr)")
        #expect(console.stdout.hasPrefix("node1\nnode1\n"), "\(console.stdout)")
        #expect(console.stdout.contains("inet \(lab.address(1))/24"))
        // A real sshd: this computer logs in with the lab's key, and sudo works without a password.
        #expect(try lab.onNode(1, "hostname; sudo -n id -un") == "node1\nroot\n")

        // A new Pi with an empty card does not start.
        let blank = try lab.piwizard(["lab", "power", "on", "node2"])
        #expect(blank.status != 0)
        #expect(blank.stderr.contains("node2 did not start: the card holds no system"), "\(blank.stderr)")

        // `sudo reboot` at the console restarts the node, which reads its card again.
        let generation = try String(contentsOfFile: lab.runFolder + "/nodes/node1/generation", encoding: .utf8)
        let reboot = try lab.piwizard(["lab", "console", "1", "--", "sh", "-c", "echo renamed | sudo tee /etc/hostname >/dev/null; sudo reboot"])
        #expect(reboot.status == 0, "\(reboot.stderr)")
        #expect(reboot.stderr.contains("node1 restarted."))
        #expect(try String(contentsOfFile: lab.runFolder + "/nodes/node1/generation", encoding: .utf8) != generation)
        #expect(try lab.onNode(1, "hostname") == "renamed\n", "the name on the card survived the restart")
        _ = try lab.piwizard(["lab", "console", "1", "--", "sh", "-c", "echo node1 > /etc/hostname"])
        #expect(try lab.piwizard(["lab", "reboot", "node1"]).status == 0)

        // Cloning the master's card with dd: the copy starts with the master's name, address, host key
        // and machine id, the conflict the lesson is about.
        let image = lab.stateFolder + "/test.img"
        #expect(try lab.piwizard(["lab", "card", "insert", "node1"]).status == 0)
        #expect(try lab.piwizard(["lab", "status"]).stdout.contains("node1  off"))
        try PracticeLabFixture.sh("dd if=\(lab.stateFolder)/reader of=\(image) bs=4M status=none")
        #expect(try lab.piwizard(["lab", "card", "insert", "node2"]).status == 0)
        try PracticeLabFixture.sh("dd if=\(image) of=\(lab.stateFolder)/reader bs=4M status=none")
        #expect(try lab.piwizard(["lab", "power", "on", "node1"]).status == 0)
        let clone = try lab.piwizard(["lab", "power", "on", "node2", "--unplugged"])
        #expect(clone.stdout.contains("node2 is on: called node1, address \(lab.address(1)), network cable unplugged."), "\(clone.stdout)\(clone.stderr)")
        let identity = "cat /etc/machine-id; ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"
        let master = try lab.piwizard(["lab", "console", "node1", "--", "sh", "-c", identity]).stdout
        let copy = try lab.piwizard(["lab", "console", "node2", "--", "sh", "-c", identity]).stdout
        #expect(!master.isEmpty && master == copy)
        #expect(try lab.piwizard(["lab", "status"]).stdout.contains("node2  on     unplugged   node1     \(lab.address(1))"))

        try lab.downAndExpectNothingLeft()
        #expect(try lab.piwizard(["lab", "status"]).status != 0, "a lab that is down has no status")
    }
}
