import Foundation
import Testing

/// The practice lab's parts, for real, in every flavour that boots: a real OS (systemd as PID 1, the
/// flavour's network stack, its sudo policy), a card reader that is a disk with two partitions, a
/// `dd` clone that boots as the master's twin, restarts, and a `lab down` that leaves nothing behind.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct LabFlavourTests {
    /// A flavour with its lab's name and subnet, and what it must run.
    struct Flavour: Sendable, CustomTestStringConvertible {
        var name: String
        var lab: PracticeLabFixture
        var networkService: String
        var sudoAsksPassword: Bool
        /// The journal line of a network stack that probes an address before it takes it (and refuses a clone's).
        var refusesDuplicateAddress: String? = nil
        var testDescription: String { name }
    }

    static let flavours = [
        Flavour(name: "legacy", lab: PracticeLabFixture(name: "t1l", prefix: "10.77.201"), networkService: "networking", sudoAsksPassword: false),
        Flavour(name: "bullseye", lab: PracticeLabFixture(name: "t1u", prefix: "10.77.207"), networkService: "dhcpcd", sudoAsksPassword: false,
                refusesDuplicateAddress: "dhcpcd"),
        Flavour(name: "bookworm", lab: PracticeLabFixture(name: "t1b", prefix: "10.77.205"), networkService: "NetworkManager", sudoAsksPassword: false,
                refusesDuplicateAddress: "NetworkManager"),
        Flavour(name: "trixie", lab: PracticeLabFixture(name: "t1t", prefix: "10.77.206"), networkService: "NetworkManager", sudoAsksPassword: true,
                refusesDuplicateAddress: "NetworkManager"),
    ]

    @Test(arguments: flavours)
    func nodesBootARealSystemAndCloningCopiesTheirIdentity(_ flavour: Flavour) throws {
        let lab = flavour.lab
        _ = try? lab.piwizard(["lab", "down"])
        let up = try lab.piwizard(["lab", "up", "2", "--os", flavour.name])
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.contains("node1  on     plugged in  node1     \(lab.address(1))"), "\(up.stdout)")
        #expect(up.stdout.contains("node2  off"))
        let supervisor = try String(contentsOfFile: lab.runFolder + "/nodes/node1/supervisor.pid", encoding: .utf8)
        // Room for many nodes' systemd: Linux's 128 inotify instances for root end at about 30 nodes.
        let instances = try String(contentsOfFile: "/proc/sys/fs/inotify/max_user_instances", encoding: .utf8)
        #expect((Int(instances.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 1024, "\(instances)")

        // Up twice is safe: nothing is made again, the running master stays.
        let again = try lab.piwizard(["lab", "up", "2"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: lab.runFolder + "/nodes/node1/supervisor.pid", encoding: .utf8) == supervisor)
        // A lab grows (LabGrowTests) but never shrinks.
        let wrongSize = try lab.piwizard(["lab", "up", "1"])
        #expect(wrongSize.status != 0)
        #expect(wrongSize.stderr.contains("is up with 2 \(flavour.name) nodes"), "\(wrongSize.stderr)")

        // A real system: systemd is PID 1 and running, the flavour's network stack gave eth0 its address.
        let system = try lab.piwizard(["lab", "console", "node1", "--", "sh", "-c",
                                       "readlink /proc/1/exe; systemctl is-system-running; systemctl is-active \(flavour.networkService); hostname; ip -4 -o addr show dev eth0"])
        #expect(system.status == 0, "\(system.stderr)")
        let lines = system.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("/systemd") == true, "\(system.stdout)")
        #expect(lines.count > 3 && ["running", "degraded"].contains(lines[1]) && lines[2] == "active" && lines[3] == "node1", "\(system.stdout)")
        #expect(system.stdout.contains("inet \(lab.address(1))/24"), "\(system.stdout)")
        // The router's name server (the gateway, as the node's network settings say) answers at once
        // and knows no names: "no such name" (DNS rcode 3) for a node's name, so a name missing from
        // /etc/hosts fails fast. Asked the way a resolver asks, one UDP question from the node.
        let question = #"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x05node9\x00\x00\x01\x00\x01"#
        let dns = try lab.piwizard(["lab", "console", "node1", "--", "bash", "-c",
                                    "exec 3<>/dev/udp/\(lab.prefix).1/53; printf '\(question)' >&3; timeout 10 dd bs=512 count=1 <&3 2>/dev/null | od -An -tx1 -N4"])
        let header = dns.stdout.split(whereSeparator: \.isWhitespace).compactMap { UInt8($0, radix: 16) }
        #expect(header.count == 4 && header[0] == 0x12 && header[1] == 0x34 && header[2] & 0x80 != 0 && header[3] & 0x0f == 3, "\(dns.stdout)\(dns.stderr)")
        // A real sshd: this computer logs in with the lab's key; sudo follows the release's policy.
        #expect(try lab.onNode(1, "hostname") == "node1\n")
        let sudo = try PiwizardProcess.shell("timeout 60 ssh -o BatchMode=yes pi@\(lab.address(1)) 'sudo -n id -un' 2>&1")
        #expect(sudo.status == 0 ? !flavour.sudoAsksPassword : flavour.sudoAsksPassword, "\(sudo.stdout)")
        #expect(sudo.stdout.contains(flavour.sudoAsksPassword ? "a password is required" : "root"), "\(sudo.stdout)")

        // A new Pi with an empty card does not start.
        let blank = try lab.piwizard(["lab", "power", "on", "node2"])
        #expect(blank.status != 0)
        #expect(blank.stderr.contains("node2 did not start: the card holds no system"), "\(blank.stderr)")

        // A reboot inside the node is systemd's own: the node reads its card again.
        let generation = try String(contentsOfFile: lab.runFolder + "/nodes/node1/generation", encoding: .utf8)
        let reboot = try lab.piwizard(["lab", "console", "1", "--", "sh", "-c", "echo renamed > /etc/hostname; systemctl reboot"])
        #expect(reboot.status == 0, "\(reboot.stderr)")
        #expect(reboot.stderr.contains("node1 restarted."), "\(reboot.stderr)")
        #expect(try String(contentsOfFile: lab.runFolder + "/nodes/node1/generation", encoding: .utf8) != generation)
        #expect(try lab.onNode(1, "hostname") == (flavour.name == "trixie" ? "node1\n" : "renamed\n"),
                "the name on the card survived the restart (on trixie, cloud-init sets the seed's name again)")
        _ = try lab.piwizard(["lab", "console", "1", "--", "sh", "-c", "echo node1 > /etc/hostname"])
        #expect(try lab.piwizard(["lab", "reboot", "node1"]).status == 0)

        // The reader is a disk with the card's two partitions, as with a USB card reader.
        let reader = "/dev/pw-\(lab.name)-reader"
        #expect(try lab.piwizard(["lab", "card", "insert", "node1"]).status == 0)
        #expect(try lab.piwizard(["lab", "status"]).stdout.contains("node1  off"))
        let partitions = try PracticeLabFixture.sh("lsblk -n -o TYPE \(reader)")
        #expect(partitions.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } == ["loop", "part", "part"], "\(partitions)")

        // Cloning the master's card with dd: the copy boots with the master's name, address, host key
        // and machine id, a real address conflict.
        let image = lab.stateFolder + "/test.img"
        try PracticeLabFixture.sh("dd if=\(reader) of=\(image) bs=4M status=none")
        #expect(try lab.piwizard(["lab", "card", "insert", "node2"]).status == 0)
        try PracticeLabFixture.sh("dd if=\(image) of=\(reader) bs=4M status=none conv=fsync")
        try PracticeLabFixture.sh("rm -f \(image)")
        #expect(try lab.piwizard(["lab", "power", "on", "node1"]).status == 0)
        let clone = try lab.piwizard(["lab", "power", "on", "node2"])
        let identity = "cat /etc/machine-id; ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"
        let master = try lab.piwizard(["lab", "console", "node1", "--", "sh", "-c", identity]).stdout
        let copy = try lab.piwizard(["lab", "console", "node2", "--", "sh", "-c", identity]).stdout
        #expect(!master.isEmpty && master == copy)
        if let unit = flavour.refusesDuplicateAddress {
            // NetworkManager 1.52 (Debian 13, every NetworkManager flavour) and dhcpcd probe an address before
            // they take it, and refuse the master's.
            #expect(clone.stdout.contains("node2 is on: called node1, address none."), "\(clone.stdout)\(clone.stderr)")
            let journal = try lab.piwizard(["lab", "console", "node2", "--", "sh", "-c", "journalctl -u \(unit) --no-pager"]).stdout
            let refusal = unit == "dhcpcd" ? "claims \(lab.address(1))" : "IP address \(lab.address(1)) cannot be configured because it is already in use"
            #expect(journal.contains(refusal), "\(journal)")
        } else {
            #expect(clone.stdout.contains("node2 is on: called node1, address \(lab.address(1))."), "\(clone.stdout)\(clone.stderr)")
            let conflict = try PiwizardProcess.shell("arping -D -c 3 -w 4 -I pw-\(lab.name) \(lab.address(1))")
            #expect(conflict.status != 0, "arping -D sees the address taken: \(conflict.stdout)")
        }

        let nameServer = try String(contentsOfFile: lab.runFolder + "/dnsmasq.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try lab.downAndExpectNothingLeft()
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(nameServer)/comm"), "the name server ended with the lab")
        #expect(FileManager.default.fileExists(atPath: "/var/lib/piwizard/images"), "the images stay for the next lab")
        #expect(try lab.piwizard(["lab", "status"]).status != 0, "a lab that is down has no status")
    }
}
