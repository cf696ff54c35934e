import Foundation

/// Makes the master's SD card: an ext4 image holding a small Raspberry-Pi-OS-like system whose
/// programs come from this machine's `/usr` at boot.
///
/// The card has its own `/etc` (a copy of this machine's, with its own host keys, machine id, name,
/// `/etc/hosts` and a static address in `/etc/dhcpcd.conf`, fresh accounts: `pi` with password
/// `raspberry` and password-less sudo as on Raspberry Pi OS, every other account without a password),
/// `/home/pi` (which already accepts this computer's lab key, as after `ssh-copy-id`), `/root` and
/// `/var`. No secret of this machine is copied: its host keys and password hashes stay out.
struct CardBuilder {
    var layout: LabLayout
    var shell = LabShell()

    /// Builds node 1's card at `layout.card(1)`, replacing it.
    func buildMasterCard() throws {
        let tree = try makeTree(1)
        defer { _ = shell.attempt(["rm", "-rf", "--", tree]) }
        try writeImage(tree: tree, card: layout.card(1))
    }

    /// Builds every node's card as it is at the end of the expand-cluster lesson: each its own name,
    /// address, host keys and machine id, `/etc/hosts` naming every node, the master's key (made here)
    /// accepted by every node and every node's host key known to the master, and the machine file.
    func buildReadyCards() throws {
        let numbers = Array(1...layout.nodeCount)
        let trees = try numbers.map(makeTree)
        defer { for tree in trees { _ = shell.attempt(["rm", "-rf", "--", tree]) } }
        let masterKey = layout.stateFolder + "/cluster_key"
        try shell.run(["rm", "-f", "--", masterKey, masterKey + ".pub"])
        try shell.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "pi@node1", "-f", masterKey])
        defer { _ = shell.attempt(["rm", "-f", "--", masterKey, masterKey + ".pub"]) }
        let masterPublic = try String(contentsOfFile: masterKey + ".pub", encoding: .utf8)
        var hosts = "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n\n"
        var knownHosts = ""
        for (number, tree) in zip(numbers, trees) {
            hosts += "\(layout.address(of: number))\t\(layout.nodeName(number))\n"
            let hostKey = try String(contentsOfFile: tree + "/etc/ssh/ssh_host_ed25519_key.pub", encoding: .utf8)
            knownHosts += "\(layout.address(of: number)) " + hostKey.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
        }
        let userID = try ownerOfHome(trees[0])
        for (number, tree) in zip(numbers, trees) {
            try LabFile.write(tree + "/etc/hosts", hosts)
            let home = tree + "/home/pi"
            let authorized = try String(contentsOfFile: home + "/.ssh/authorized_keys", encoding: .utf8)
            try LabFile.write(home + "/.ssh/authorized_keys", authorized + masterPublic, mode: 0o600)
            if number == 1 {
                try shell.run(["install", "-m", "600", masterKey, home + "/.ssh/id_ed25519"])
                try shell.run(["install", "-m", "644", masterKey + ".pub", home + "/.ssh/id_ed25519.pub"])
                try LabFile.write(home + "/.ssh/known_hosts", knownHosts, mode: 0o644)
                try LabFile.write(home + "/machinefile", numbers.map { layout.address(of: $0).description + "\n" }.joined())
            }
            try shell.run(["chown", "-R", "\(userID):\(userID)", home])
            try writeImage(tree: tree, card: layout.card(number))
        }
    }

    /// A card's system as a folder: node K's name and address, its own keys and machine id.
    private func makeTree(_ number: Int) throws -> String {
        let tree = layout.stateFolder + "/card-tree-\(number)"
        try shell.run(["rm", "-rf", "--", tree])
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        let hostname = layout.nodeName(number)
        let address = layout.address(of: number)
        let userID = try freeUserID()
        let passwordHash = try shell.run(["openssl", "passwd", "-6", LabLayout.nodePassword]).trimmingCharacters(in: .whitespacesAndNewlines)

        try shell.run(["cp", "-a", "/etc", tree + "/etc"])
        try shell.script("""
            cd \(LabShell.line([tree])) && \
            rm -f etc/ssh/ssh_host_* etc/ssh/ssh_config.d/piwizard-lab-* etc/machine-id && \
            rm -rf etc/NetworkManager/system-connections && \
            ssh-keygen -q -A -f . && \
            for folder in usr proc sys dev run mnt media opt srv boot home; do mkdir -p "$folder"; done && \
            install -d -m 1777 tmp var/tmp && \
            install -d -m 700 root && cp -a etc/skel/. root/ && \
            mkdir -p var/lib/dbus var/log var/cache var/lib/sudo var/spool var/mail && \
            ln -sfn /run var/run && ln -sfn /run/lock var/lock && \
            ln -sfn /etc/machine-id var/lib/dbus/machine-id && \
            for link in bin sbin lib lib64; do if [ -L "/$link" ]; then ln -sfn "$(readlink "/$link")" "$link"; fi; done
            """)
        try LabFile.write(tree + "/etc/hostname", hostname + "\n")
        try LabFile.write(tree + "/etc/hosts", "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\nff02::1\t\tip6-allnodes\nff02::2\t\tip6-allrouters\n\n127.0.1.1\t\(hostname)\n")
        // No name server: names come from /etc/hosts, and a name it lacks fails at once (the resolver
        // asks the node's own loopback), so no query ever leaves the lab.
        try? FileManager.default.removeItem(atPath: tree + "/etc/resolv.conf")
        try LabFile.write(tree + "/etc/resolv.conf", "# The practice lab has no name server: names come from /etc/hosts.\noptions timeout:1 attempts:1\n")
        try LabFile.write(tree + "/etc/machine-id", UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() + "\n")
        try LabFile.write(tree + "/etc/dhcpcd.conf", """
            # A sample configuration for dhcpcd, as on Raspberry Pi OS (Bullseye).
            hostname
            clientid
            persistent
            option rapid_commit
            option domain_name_servers, domain_name, domain_search, host_name
            option classless_static_routes
            option interface_mtu
            require dhcp_server_identifier
            slaac private

            # This node's fixed address.
            interface eth0
            static ip_address=\(address)/\(layout.subnet.prefixLength)
            static routers=\(layout.hostAddress)
            static domain_name_servers=\(layout.hostAddress)

            """)
        try LabFile.write(tree + "/etc/ssh/sshd_config.d/piwizard-lab.conf", """
            # piwizard practice lab: no PAM inside a node; passwords and keys as on a Pi.
            UsePAM no
            PasswordAuthentication yes
            KbdInteractiveAuthentication no

            """)
        try LabFile.write(tree + "/etc/sudoers.d/010_pi-nopasswd", "pi ALL=(ALL) NOPASSWD: ALL\n", mode: 0o440)
        try LabFile.write(tree + "/etc/sudoers.d/piwizard-lab", """
            # piwizard practice lab: reboot and poweroff act on this node, not on the machine hosting the lab.
            Defaults secure_path="\(LabLayout.insideSharedFolder)/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

            """, mode: 0o440)
        try writeAccounts(tree: tree, userID: userID, passwordHash: passwordHash)

        let publicKey = try String(contentsOfFile: layout.key + ".pub", encoding: .utf8)
        let home = tree + "/home/pi"
        try shell.script("""
            install -d -m 755 \(LabShell.line([home])) && cp -a \(LabShell.line([tree + "/etc/skel/."])) \(LabShell.line([home + "/"])) && \
            install -d -m 700 \(LabShell.line([home + "/.ssh"]))
            """)
        try LabFile.write(home + "/.ssh/authorized_keys", publicKey, mode: 0o600)
        try shell.run(["chown", "-R", "\(userID):\(userID)", home])
        return tree
    }

    /// Writes a folder onto a card image (an ext4 file system), replacing the card.
    private func writeImage(tree: String, card: String) throws {
        try shell.run(["rm", "-f", "--", card])
        try shell.run(["mkfs.ext4", "-q", "-F", "-L", "rootfs", "-d", tree, card, LabLayout.cardSize], timeout: 120)
    }

    /// The user id that owns a tree's `/home/pi`.
    private func ownerOfHome(_ tree: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: tree + "/home/pi")
        return (attributes[.ownerAccountID] as? NSNumber)?.intValue ?? 1000
    }

    /// A new, empty card for a new node: nothing on it boots.
    func buildBlankCard(_ number: Int) throws {
        let card = layout.card(number)
        try shell.run(["rm", "-f", "--", card])
        try shell.run(["truncate", "-s", LabLayout.cardSize, card])
    }

    /// The card's accounts: this machine's system accounts without their passwords, and `pi`.
    private func writeAccounts(tree: String, userID: Int, passwordHash: String) throws {
        func lines(_ file: String) throws -> [[String]] {
            try String(contentsOfFile: tree + "/etc/" + file, encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
                .filter { $0.first != "pi" }
        }
        func join(_ records: [[String]]) -> String { records.map { $0.joined(separator: ":") }.joined(separator: "\n") + "\n" }
        let days = Int(Date().timeIntervalSince1970 / 86_400)
        var passwd = try lines("passwd")
        passwd.append(["pi", "x", "\(userID)", "\(userID)", "", "/home/pi", "/bin/bash"])
        var shadow = try lines("shadow").map { record -> [String] in
            var record = record
            if record.count > 1 { record[1] = "*" }
            return record
        }
        shadow.append(["pi", passwordHash, "\(days)", "0", "99999", "7", "", "", ""])
        var group = try lines("group").map { record -> [String] in
            guard record.first == "sudo", record.count == 4 else { return record }
            var record = record
            record[3] = record[3].isEmpty ? "pi" : record[3] + ",pi"
            return record
        }
        group.append(["pi", "x", "\(userID)", ""])
        var groupShadow = try lines("gshadow").map { record -> [String] in
            var record = record
            if record.count > 1 { record[1] = "*" }
            return record
        }
        groupShadow.append(["pi", "!", "", ""])
        try LabFile.write(tree + "/etc/passwd", join(passwd), mode: 0o644)
        try LabFile.write(tree + "/etc/group", join(group), mode: 0o644)
        try LabFile.write(tree + "/etc/shadow", join(shadow), mode: 0o640)
        try LabFile.write(tree + "/etc/gshadow", join(groupShadow), mode: 0o640)
        try shell.script("cd \(LabShell.line([tree + "/etc"])) && rm -f passwd- shadow- group- gshadow- && chgrp shadow shadow gshadow 2>/dev/null; true")
    }

    /// 1000, or the first id from 1000 that this machine does not use (the card shares its `/usr`).
    private func freeUserID() throws -> Int {
        let used = Set(try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n")
            .compactMap { $0.split(separator: ":", omittingEmptySubsequences: false).dropFirst(2).first.flatMap { Int($0) } })
        return (1000...).first { !used.contains($0) }!
    }
}
