import Yams

/// A step's Ansible tasks read as YAML: the variables their templates and conditions read (with the
/// line of each, in the block's body) and the names the tasks make themselves.
public struct AnsibleTaskList {
    /// A variable read, and where.
    public struct Reference: Sendable, Hashable {
        public var name: String
        /// 1-based line in the block's body.
        public var line: Int
    }

    /// The tasks, as YAML nodes.
    public let tasks: [Node]
    public private(set) var references: [Reference] = []
    /// Names made by the tasks: `register:`, `vars:`, `loop_var:`, `index_var:`, `set_fact:`.
    public private(set) var definedNames: Set<String> = []

    /// nil when the body is not a YAML list (the parser reports why).
    public init?(_ body: String) {
        guard let node = try? Yams.compose(yaml: body), let list = node.sequence else { return nil }
        tasks = Array(list)
        for task in tasks { walk(task, key: nil) }
    }

    /// Keys whose values Ansible reads as bare Jinja expressions, without `{{ }}`.
    static let expressionKeys: Set<String> = ["when", "changed_when", "failed_when", "until", "that"]
    /// Modules whose arguments are variables they make.
    static let factSetters: Set<String> = ["set_fact", "ansible.builtin.set_fact"]

    /// Variables Ansible itself gives every play, besides the `ansible_` ones, and the host variable
    /// holding a record of the exported list.
    public static let ansibleNames: Set<String> = [
        "item", "inventory_hostname", "inventory_hostname_short", "inventory_dir", "inventory_file", "hostvars", "groups",
        "group_names", "omit", "playbook_dir", "play_hosts", "lookup", "query", "q", "now", "undef", "role_path",
        AnsibleInventory.recordVariable,
    ]

    private mutating func walk(_ node: Node, key: String?) {
        switch node {
        case .mapping(let mapping):
            for (keyNode, value) in mapping {
                let name = keyNode.string ?? ""
                define(name, value)
                walk(value, key: name)
            }
        case .sequence(let sequence):
            for item in sequence { walk(item, key: key) }
        case .scalar(let scalar):
            let text = scalar.string
            let names = key.map(Self.expressionKeys.contains) == true && !text.contains("{{") ? JinjaNames.inExpression(text) : JinjaNames.inTemplates(text)
            let line = node.mark?.line ?? 1
            references += names.map { Reference(name: $0, line: line) }
        default:
            break
        }
    }

    /// The names a key makes (`register: result`, `vars: {a: 1}`, `loop_var: node`, `set_fact: {b: 2}`).
    private mutating func define(_ key: String, _ value: Node) {
        switch key {
        case "register", "loop_var", "index_var":
            if let name = value.string { definedNames.insert(name) }
        case "vars":
            definedNames.formUnion(value.mapping?.keys.compactMap(\.string) ?? [])
        case _ where Self.factSetters.contains(key):
            definedNames.formUnion((value.mapping?.keys.compactMap(\.string) ?? []).filter { $0 != "cacheable" })
        default:
            break
        }
    }
}
