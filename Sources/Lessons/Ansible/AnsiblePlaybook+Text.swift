/// The playbook's YAML: a header in comments, then the plays.
extension AnsiblePlaybook {
    /// `playbook.yml`.
    public var text: String {
        var lines = header
        for play in plays { lines += Self.lines(of: play) }
        if plays.isEmpty { lines.append("[]") }
        return lines.joined(separator: "\n") + "\n"
    }

    private var header: [String] {
        let kept = Self.uniqueSteps(plays.map(\.step.id))
        let lists = """
            Kept here (a play for each of their {ansible} blocks): \(kept.isEmpty ? "nothing" : kept.joined(separator: ", ")).
            Not exported (the lesson has no Ansible tasks for them: they need hands, a card reader or \
            the practice lab, or they prove rather than keep): \(leftOut.isEmpty ? "none" : leftOut.joined(separator: ", ")).
            """
        return [
            "# What the lesson \"\(lessonTitle)\" (\(lessonID)) set up, kept by Ansible:",
            "# written by piwizard export from the values of its run. Run it with",
            "#",
            "#   ansible-playbook -i inventory.yml playbook.yml -K",
            "#",
            "# (-K asks for the nodes' sudo password; press Enter where sudo asks none.) --check shows what",
            "# it would change without changing it. Nothing secret is in these files.",
            "#",
        ] + ScreenWrap.fit(lists, width: 98).split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }
    }

    private static func lines(of play: Play) -> [String] {
        let location = play.tasks.location
        var lines = [
            "",
            "# Step \(play.step.id), from \(location.file):\(location.line)",
            "- name: \(AnsibleYAML.quoted(play.step.title))",
            "  hosts: \(play.hosts)",
        ]
        if play.hosts == "localhost" { lines.append("  connection: local") }
        lines.append("  gather_facts: false")
        if let record = play.recordName {
            lines += ["  vars:", "    \(record): \(AnsibleYAML.quoted("{{ \(AnsibleInventory.recordVariable) }}"))"]
        }
        lines.append("  tasks:")
        let body = play.tasks.body.split(separator: "\n", omittingEmptySubsequences: false)
        if let test = play.recordTest {
            lines += [
                "    - name: \(AnsibleYAML.quoted("only where " + test))",
                "      when: \(AnsibleYAML.quoted(test))",
                "      block:",
            ]
            lines += body.map { $0.isEmpty ? "" : "        " + $0 }
        } else {
            lines += body.map { $0.isEmpty ? "" : "    " + $0 }
        }
        return lines
    }

    /// The ids in order, each once.
    private static func uniqueSteps(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
