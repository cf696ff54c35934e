import Foundation
import Testing

/// The exported playbook on a finished lab cluster, with the real ansible-core: it finds nothing to
/// change; drifted on purpose, `--check` reports what it would mend and mends nothing, a run mends it
/// and `piwizard check` passes again, and a second run finds nothing to change.
extension LessonInLabRun {
    /// `state`: the finished run's saved progress; `key`: the master's key it used; `drift`: also the
    /// drift and mend rounds.
    func expectAnsibleKeepsTheCluster(state: URL, key: String = "~/.ssh/id_ed25519", drift: Bool) throws {
        let out = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let environment = ["PIWIZARD_STATE_DIR": state.path]
        let export = try lab.piwizard(["export", "expand-cluster", "--output", out.path], environment: environment)
        #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
        // The lab's own values give the same hosts.
        let fromLab = try lab.piwizard(["export", "expand-cluster", "--lab", "--json"], environment: environment)
        let hosts = (try JSONSerialization.jsonObject(with: Data(fromLab.stdout.utf8)) as? [String: Any])?["hosts"] as? [[String: Any]]
        #expect(hosts?.map { "\($0["name"] ?? "") \($0["address"] ?? "")" } == (1...4).map { "node\($0) \(lab.address($0))" }, "\(fromLab.stdout)\(fromLab.stderr)")
        // The nodes' sudo password, as a user gives it to -K (trixie asks for it; the others do not).
        try "raspberry\n".write(to: out.appendingPathComponent("become"), atomically: true, encoding: .utf8)
        let play = ["-i", "inventory.yml", "playbook.yml", "--become-password-file", "become"]
        let nodes = (1...4).map { "node\($0)" }

        let first = try AnsibleCore.playbook(play, in: out)
        #expect(Self.unchanged(first, nodes: nodes), "\(first.stdout.suffix(4000))\(first.stderr.suffix(2000))")
        guard drift else { return }

        let masterKey = try lab.onNode(1, "cat \(key).pub").trimmingCharacters(in: .whitespacesAndNewlines)
        try makeDrift(masterKey: masterKey)
        let check = try AnsibleCore.playbook(play + ["--check"], in: out)
        let checked = AnsibleCore.recap(check.stdout)
        #expect(check.status == 0 && nodes.allSatisfy { checked[$0]?["failed"] == 0 }, "\(check.stdout.suffix(4000))")
        for node in nodes { #expect((checked[node]?["changed"] ?? 0) > 0, "--check reports \(node)'s drift: \(check.stdout.suffix(4000))") }
        #expect(try lab.onNode(1, "test -e ~/machinefile && echo there || echo gone") == "gone\n", "--check changed nothing")
        #expect(try !lab.onNode(3, "cat /etc/hosts").contains("\tnode1\n"), "--check changed nothing")

        let mend = try AnsibleCore.playbook(play, in: out)
        let mended = AnsibleCore.recap(mend.stdout)
        for node in nodes { #expect(mended[node]?["failed"] == 0 && (mended[node]?["changed"] ?? 0) > 0, "\(mend.stdout.suffix(4000))") }
        let recheck = try lab.piwizard(["check", "expand-cluster", "--lab"], environment: environment)
        #expect(recheck.status == 0, "\(recheck.stdout)\(recheck.stderr)")
        #expect(try lab.onNode(2, "grep -cxF \(PiwizardProcess.quote(masterKey)) ~/.ssh/authorized_keys") == "1\n")
        let again = try AnsibleCore.playbook(play, in: out)
        #expect(Self.unchanged(again, nodes: nodes), "\(again.stdout.suffix(4000))")
    }

    /// Drift on purpose: node3's /etc/hosts loses the cluster's lines, node2's authorized_keys the
    /// master's key, the master its machine file, and node4's cloud-init is on again.
    private func makeDrift(masterKey: String) throws {
        _ = try lab.piwizard(["lab", "console", "node3", "--", "sed", "-i", "/\tnode[0-9]*$/d", "/etc/hosts"])
        _ = try lab.onNode(2, "grep -vxF \(PiwizardProcess.quote(masterKey)) ~/.ssh/authorized_keys > ~/.ssh/k; cat ~/.ssh/k > ~/.ssh/authorized_keys; rm ~/.ssh/k")
        _ = try lab.onNode(1, "rm ~/machinefile")
        _ = try lab.piwizard(["lab", "console", "node4", "--", "rm", "-f", "/etc/cloud/cloud-init.disabled"])
    }

    /// Every node reached, nothing failed, nothing changed.
    static func unchanged(_ output: PiwizardProcess.Output, nodes: [String]) -> Bool {
        let recap = AnsibleCore.recap(output.stdout)
        return output.status == 0 && nodes.allSatisfy { recap[$0]?["changed"] == 0 && recap[$0]?["failed"] == 0 && recap[$0]?["unreachable"] == 0 }
    }
}
