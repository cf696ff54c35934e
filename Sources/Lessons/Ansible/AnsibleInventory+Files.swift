/// The inventory's files: `inventory.yml` (the hosts, their groups and records) and
/// `group_vars/all.yml` (the inputs), which Ansible reads beside the inventory.
extension AnsibleInventory {
    /// `inventory.yml`: the list's group holds every host in the records' order; each role group names
    /// its hosts again.
    public var inventoryText: String {
        var lines = [
            "# The hosts of the lesson \(lesson), written by piwizard export. Add a node here (its record",
            "# too) and the playbook's list of nodes follows. Values are !unsafe: Ansible takes them as text.",
            "all:",
            "  children:",
            "    \(listGroup):",
            "      hosts:",
        ]
        for host in hosts {
            lines.append("        \(AnsibleYAML.key(host.name)):")
            lines.append("          ansible_host: \(AnsibleYAML.value(host.address))")
            if let user = host.user { lines.append("          ansible_user: \(AnsibleYAML.value(user))") }
            lines.append("          \(Self.recordVariable): \(AnsibleYAML.record(host.record, fields: fields))")
        }
        for group in roleGroups {
            let members = hosts.filter { $0.groups.contains(group) }
            lines.append("    \(group):")
            lines.append(members.isEmpty ? "      hosts: {}" : "      hosts:")
            lines += members.map { "        \(AnsibleYAML.key($0.name)):" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `group_vars/all.yml`: every exported input, and the host list made from the inventory.
    public var groupVariablesText: String {
        var lines = [
            "# The values of the run of the lesson \(lesson), written by piwizard export (never a secret:",
            "# Ansible asks for the sudo password with -K). \(listGroup) is made from the inventory's hosts.",
            "\(listGroup): \(AnsibleYAML.quoted(listExpression))",
        ]
        for name in variables.keys.sorted() {
            switch variables[name]! {
            case .text(let text):
                lines.append("\(AnsibleYAML.key(name)): \(AnsibleYAML.value(text))")
            case .records(let records):
                lines.append(records.isEmpty ? "\(AnsibleYAML.key(name)): []" : "\(AnsibleYAML.key(name)):")
                lines += records.map { "  - \(AnsibleYAML.record($0, fields: $0.fields.keys.sorted()))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
