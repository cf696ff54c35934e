import Foundation

/// Taking a lab down: everything it made, found by its names (`LabLayout`), and nothing else.
extension Lab {
    /// Removes every process, namespace, link and file of the lab `name`, and nothing else; says what it
    /// removed. Safe to run when the lab is (partly) gone.
    public static func down(name: String) throws -> [String] {
        try checkHost()
        let layout = try LabLayout(name: name, nodeCount: 1)
        let shell = LabShell()
        var removed: [String] = []
        var ended = stopNodes(layout, shell: shell)
        ended += try removeNamespaces(layout, shell: shell, removed: &removed)
        if LabNameServer(layout: layout).stop() { ended += 1 }
        if ended > 0 { removed.insert("\(ended) process\(ended == 1 ? "" : "es")", at: 0) }
        try removeLinks(layout, shell: shell, removed: &removed)
        detachCards(layout, shell: shell, removed: &removed)
        for path in [layout.sshClientConfig, layout.reader, layout.runFolder, layout.stateFolder]
        where FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
            try shell.run(["rm", "-rf", "--one-file-system", "--", path])
            removed.append(path)
        }
        // The parents too, when no other lab uses them (the images stay: they are shared).
        if let restored = try HostLimits.restoreIfLast(removing: ["/run/piwizard/labs", "/run/piwizard", "/var/lib/piwizard/labs"]) {
            removed.append(restored)
        }
        return removed
    }

    /// Every node's power supply first: each asks its node's systemd to power off, then releases the
    /// node's mounts and card. How many were running.
    private static func stopNodes(_ layout: LabLayout, shell: LabShell) -> Int {
        let nodeFolders = (try? FileManager.default.contentsOfDirectory(atPath: layout.runFolder + "/nodes")) ?? []
        var stopped = 0
        for node in nodeFolders {
            let folder = layout.runFolder + "/nodes/" + node
            if stopNode(folder: folder, shell: shell) { stopped += 1 }
            _ = shell.attempt(["umount", "-R", folder + "/root"])
            removeCgroups(listedIn: folder + "/cgroups")
        }
        return stopped
    }

    /// The lab's network namespaces, after the processes left in them; how many processes that ended.
    private static func removeNamespaces(_ layout: LabLayout, shell: LabShell, removed: inout [String]) throws -> Int {
        let namespaces = shell.attempt(["ip", "netns", "list"]).output.split(separator: "\n")
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.hasPrefix(layout.namespacePrefix) }
        var ended = 0
        for namespace in namespaces {
            ended += endProcesses(in: namespace, shell: shell)
            // Another `lab down` running at the same time may have removed it already.
            if shell.attempt(["ip", "netns", "delete", namespace]).succeeded {
                removed.append("namespace \(namespace)")
            } else if FileManager.default.fileExists(atPath: "/run/netns/" + namespace) {
                try shell.run(["ip", "netns", "delete", namespace])  // still there: say why
                removed.append("namespace \(namespace)")
            }
        }
        return ended
    }

    /// The lab's bridge and the cables' ends on this computer.
    private static func removeLinks(_ layout: LabLayout, shell: LabShell, removed: inout [String]) throws {
        let links = shell.attempt(["ip", "-o", "link", "show"]).output.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ")
            guard fields.count > 1 else { return nil }
            let name = fields[1].split(separator: "@").first.map { String($0.dropLast($0.hasSuffix(":") ? 1 : 0)) } ?? ""
            return name == layout.bridge || name.hasPrefix(layout.bridge + "-") ? name : nil
        }
        for link in links.sorted(by: { $0.count > $1.count }) where shell.attempt(["ip", "link", "show", "dev", link]).succeeded {
            // A cable's end here goes by itself when its node's namespace is deleted, a moment later:
            // it may be gone between the look and the delete.
            if !shell.attempt(["ip", "link", "delete", link]).succeeded, shell.attempt(["ip", "link", "show", "dev", link]).succeeded {
                try shell.run(["ip", "link", "delete", link])  // still there: say why
            }
            removed.append("link \(link)")
        }
    }

    /// The loop devices of the lab's cards.
    private static func detachCards(_ layout: LabLayout, shell: LabShell, removed: inout [String]) {
        let cards = (try? FileManager.default.contentsOfDirectory(atPath: layout.stateFolder + "/cards")) ?? []
        for card in cards {
            let path = layout.stateFolder + "/cards/" + card
            for device in shell.attempt(["losetup", "-j", path]).output.split(separator: "\n").compactMap({ $0.split(separator: ":").first }) {
                if shell.attempt(["bash", "-c", CardDeviceScript.functions + "detach_card \"$1\" \"$2\"", "detach", String(device), path]).succeeded {
                    removed.append("loop device \(device)")
                }
            }
        }
    }
}
