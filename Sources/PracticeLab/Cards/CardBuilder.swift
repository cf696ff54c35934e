import Foundation
import Lessons

/// Makes the lab's SD cards: disk images laid out as Raspberry Pi Imager writes one (`CardGeometry`),
/// the root partition taken from the flavour's system image (`LabImages`).
///
/// Each system card gets what a Pi makes of its own on first boot: host keys, a machine id, its name
/// and its fixed address (in the flavour's network configuration), and `pi`'s `authorized_keys` with
/// this computer's lab key (as after `ssh-copy-id`). Nothing of this machine is copied onto a card.
struct CardBuilder {
    var layout: LabLayout
    var flavour: LabFlavour
    /// The flavour's root partition image.
    var image: String
    var shell = LabShell()

    /// Builds node 1's card, replacing it.
    func buildMasterCard() throws {
        try buildSystemCard(1) { _ in }
    }

    /// Builds every node's card as it is at the end of the expand-cluster lesson: each its own name,
    /// address, host keys and machine id, `/etc/hosts` naming every node, the master's key (made here)
    /// accepted by every node and every node's host key known to the master, the machine file, and
    /// `cluster`'s programs on every node.
    func buildReadyCards(_ cluster: FinishedCluster) throws {
        let numbers = Array(1...layout.nodeCount)
        let built = layout.stateFolder + "/programs"
        try shell.run(["rm", "-rf", "--", built])
        defer { _ = shell.attempt(["rm", "-rf", "--", built]) }
        let masterKey = layout.stateFolder + "/cluster_key"
        try shell.run(["rm", "-f", "--", masterKey, masterKey + ".pub"])
        try shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "pi@node1", "-f", masterKey])
        defer { _ = shell.attempt(["rm", "-f", "--", masterKey, masterKey + ".pub"]) }
        let masterPublic = try String(contentsOfFile: masterKey + ".pub", encoding: .utf8)
        var hosts = "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n\n"
        for number in numbers { hosts += "\(layout.address(of: number))\t\(layout.nodeName(number))\n" }
        var hostKeys: [Int: String] = [:]
        for number in numbers.reversed() {
            try buildSystemCard(number) { root in
                try LabFile.write(root + "/etc/hosts", hosts)
                if flavour.usesCloudInit {
                    // A finished cluster's nodes have cloud-init turned off, as the lesson leaves them: with
                    // Imager's `manage_etc_hosts: true` in the seed it would write /etc/hosts anew at every
                    // start (a setting in cloud.cfg.d does not win over the seed's user-data).
                    try LabFile.write(root + "/etc/cloud/cloud-init.disabled", "")
                }
                let home = root + "/home/pi"
                let authorized = try String(contentsOfFile: home + "/.ssh/authorized_keys", encoding: .utf8)
                try LabFile.write(home + "/.ssh/authorized_keys", authorized + masterPublic, mode: 0o600)
                let hostKey = try String(contentsOfFile: root + "/etc/ssh/ssh_host_ed25519_key.pub", encoding: .utf8)
                hostKeys[number] = "\(layout.address(of: number)) " + hostKey.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
                if number == 1 {
                    try shell.run(["install", "-m", "600", "-o", "1000", "-g", "1000", masterKey, home + "/.ssh/id_ed25519"])
                    try shell.run(["install", "-m", "644", "-o", "1000", "-g", "1000", masterKey + ".pub", home + "/.ssh/id_ed25519.pub"])
                    try LabFile.write(home + "/.ssh/known_hosts", numbers.compactMap { hostKeys[$0] }.joined(), mode: 0o644)
                    try LabFile.write(home + "/machinefile", numbers.map { layout.address(of: $0).description + "\n" }.joined())
                }
                try installPrograms(cluster, root: root, built: built)
                try shell.run(["chown", "-R", "1000:1000", home])
            }
        }
    }

    /// A new, empty card for a new node: no partition table, nothing on it boots.
    func buildBlankCard(_ number: Int) throws {
        let card = layout.card(number)
        try shell.run(["rm", "-f", "--", card])
        try shell.run(["truncate", "-s", String(CardGeometry.cardBytes), card])
    }

    /// Node K's system card: the partition table, the boot partition, the system image, node K's
    /// identity; `finish` adds to the mounted root partition.
    private func buildSystemCard(_ number: Int, finish: (String) throws -> Void) throws {
        let card = layout.card(number)
        let partial = card + ".new"
        let diskIdentifier = randomHex(4)
        let hostname = layout.nodeName(number)
        try shell.run(["rm", "-f", "--", partial])
        try shell.run(["truncate", "-s", String(CardGeometry.cardBytes), partial])
        try shell.script("sfdisk --quiet \(LabShell.line([partial])) <<'EOF'\n\(CardGeometry.partitionTable(diskIdentifier: diskIdentifier))EOF")
        try shell.run(["dd", "if=" + image, "of=" + partial, "bs=4M", "seek=\(CardGeometry.rootOffset)", "oflag=seek_bytes",
                       "conv=notrunc,sparse", "status=none"], timeout: 300)
        let passwordHash = try shell.run(["openssl", "passwd", "-6", LabLayout.nodePassword]).trimmingCharacters(in: .whitespacesAndNewlines)
        try writeBootPartition(partial, BootPartitionFiles(flavour: flavour, hostname: hostname, diskIdentifier: diskIdentifier, passwordHash: passwordHash))

        let mountPoint = layout.stateFolder + "/card-root-\(number)"
        try shell.run(["install", "-d", "-m", "700", mountPoint])
        try shell.run(["mount", "-o", "loop,offset=\(CardGeometry.rootOffset),sizelimit=\(CardGeometry.rootBytes)", partial, mountPoint])
        do {
            try personalise(root: mountPoint, number: number)
            try finish(mountPoint)
            try shell.run(["umount", mountPoint])
        } catch {
            _ = shell.attempt(["umount", mountPoint])
            throw error
        }
        try? FileManager.default.removeItem(atPath: mountPoint)
        try shell.run(["mv", "-f", "--", partial, card])
    }

    /// Formats the boot partition as FAT32 (`bootfs`) and writes its files, with mtools: no mount.
    private func writeBootPartition(_ card: String, _ boot: BootPartitionFiles) throws {
        let target = "\(card)@@\(CardGeometry.bootOffset)"
        try shell.run(["mformat", "-i", target, "-F", "-T", String(CardGeometry.bootSectors), "-v", "bootfs", "::"])
        let folder = layout.stateFolder + "/boot-files"
        try shell.run(["rm", "-rf", "--", folder])
        try shell.run(["install", "-d", "-m", "700", folder])
        defer { _ = shell.attempt(["rm", "-rf", "--", folder]) }
        for file in boot.files {
            try LabFile.write(folder + "/" + file.name, file.text)
            try shell.run(["mcopy", "-o", "-i", target, folder + "/" + file.name, "::/" + file.name])
        }
    }

    /// Node K's own identity on its mounted root partition: name, `127.0.1.1` line, machine id, host
    /// keys, fixed address, and this computer's lab key for `pi`.
    private func personalise(root: String, number: Int) throws {
        let hostname = layout.nodeName(number)
        try LabFile.write(root + "/etc/hostname", hostname + "\n")
        try LabFile.write(root + "/etc/hosts", "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\nff02::1\t\tip6-allnodes\nff02::2\t\tip6-allrouters\n\n127.0.1.1\t\(hostname)\n")
        try LabFile.write(root + "/etc/machine-id", randomHex(16) + "\n", mode: 0o444)
        try shell.script("rm -f \(LabShell.line([root]))/etc/ssh/ssh_host_* && ssh-keygen -q -A -f \(LabShell.line([root]))")
        let network = NodeNetworkFiles(flavour: flavour, address: layout.address(of: number), prefixLength: layout.subnet.prefixLength,
                                       gateway: layout.hostAddress, uuid: uuid())
        for file in network.files {
            try shell.run(["install", "-d", "-m", "755", URL(fileURLWithPath: root + file.path).deletingLastPathComponent().path])
            try LabFile.write(root + file.path, file.text, mode: file.mode)
        }
        let home = root + "/home/pi"
        try shell.run(["install", "-d", "-m", "700", "-o", "1000", "-g", "1000", home + "/.ssh"])
        try LabFile.write(home + "/.ssh/authorized_keys", try String(contentsOfFile: layout.key + ".pub", encoding: .utf8), mode: 0o600)
        try shell.run(["chown", "1000:1000", home + "/.ssh/authorized_keys"])
    }

    private func randomHex(_ bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    private func uuid() -> String { UUID().uuidString.lowercased() }
}
