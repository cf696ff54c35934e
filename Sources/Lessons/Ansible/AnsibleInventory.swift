/// A finished run's hosts and values, as Ansible reads them (`piwizard export`): every record of the
/// lesson's host list is a host of the list's group, reached at its address as the `hosts: login`
/// user and holding its record; the role field of `hosts: master` makes one group per value; every
/// other input that is not a secret is a variable of the group `all`.
public struct AnsibleInventory: Sendable, Hashable, Codable {
    /// The host variable holding a host's record (`{{ piwizard_record.ip }}`).
    public static let recordVariable = "piwizard_record"

    /// One host of the cluster.
    public struct Host: Sendable, Hashable, Codable {
        public var name: String
        public var address: String
        public var user: String?
        /// The groups it is in besides the list's: its role's.
        public var groups: [String]
        public var record: InputRecord
    }

    /// An input's value for Ansible: in JSON a string, or an array of records.
    public enum Variable: Sendable, Hashable, Codable {
        case text(String)
        case records([InputRecord])

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .text(text) } else { self = .records(try container.decode([InputRecord].self)) }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .records(let records): try container.encode(records)
            }
        }
    }

    /// The JSON document's format (docs/json-output.md).
    public var schema = 1
    public var lesson: String
    /// The group of every host: the host list's name.
    public var listGroup: String
    /// The list's fields, in their declared order.
    public var fields: [String]
    /// The role groups, in the order of the role field's choices.
    public var roleGroups: [String]
    /// The master's group (`hosts: master`'s value), nil without a declared master.
    public var masterGroup: String?
    public var hosts: [Host]
    /// Input name (as Ansible writes it) → value; secrets and the host list itself are left out.
    public var variables: [String: Variable]

    /// The inventory of `lesson` for `inputs`; throws when the lesson has no list of hosts or the run none.
    public init(lesson: Lesson, inputs: [String: InputValue]) throws {
        guard let list = lesson.hostList, list.addressField != nil else {
            throw AnsibleExportProblem("the lesson \(lesson.id) has no list of hosts (a list input with an ipv4 or hostname field): there is nothing to export to Ansible")
        }
        guard let records = inputs[list.name]?.records, !records.isEmpty else {
            throw AnsibleExportProblem("the run has no value for '\(list.name)', the lesson's list of hosts: give it with --var or --vars")
        }
        let master = lesson.metadata.hosts.master
        let roleField = master.flatMap { master in list.fields.first { $0.name == master.field } }
        self.lesson = lesson.id
        listGroup = AnsibleYAML.name(list.name)
        fields = list.fields.map(\.name)
        roleGroups = (roleField?.choices ?? []).map(AnsibleYAML.name)
        masterGroup = master.map { AnsibleYAML.name($0.value) }
        let user = lesson.loginUser(in: inputs)
        hosts = records.enumerated().map { position, record in
            let name = record.name(in: list) ?? record.address(in: list) ?? "\(list.name)\(position + 1)"
            let role = roleField.flatMap { record[$0.name] }.map(AnsibleYAML.name)
            return Host(name: name, address: record.address(in: list) ?? name, user: user, groups: role.map { [$0] } ?? [], record: record)
        }
        variables = [:]
        for input in lesson.inputs where input.name != list.name {
            switch inputs[input.name] {
            case .text(let text)?: variables[AnsibleYAML.name(input.name)] = .text(text)
            case .records(let records)?: variables[AnsibleYAML.name(input.name)] = .records(records)
            case .secret?, nil: continue
            }
        }
    }

    /// The list's records, in the inventory's order, as a Jinja expression: the inventory is the one
    /// place a node is added or removed.
    public var listExpression: String {
        "{{ groups['\(listGroup)'] | map('extract', hostvars, '\(Self.recordVariable)') | list }}"
    }
}

/// Why an export cannot be written, in words for the learner.
public struct AnsibleExportProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
