/// A step's Ansible tasks (a ```` ```yaml {ansible on=node} ```` block): what keeps the step's result
/// true on a finished cluster, for `piwizard export --format ansible`. Never run by a session and never
/// shown to a learner; the body is Ansible's own YAML, its `{{ }}` Ansible's Jinja, not piwizard's
/// templates (the lesson's inputs are Ansible variables of the same names).
public struct AnsibleTasks: Sendable, Hashable, Codable {
    /// The task list, as written.
    public var body: String
    /// Where the tasks run: `node` (every record of the step's loop, the record named as the loop
    /// variable), `master`, or `local` (the computer Ansible runs on).
    public var target: Target
    /// `when=` on the block: for which values (or loop records) the tasks apply, joined with the step's.
    public var condition: Condition?
    /// The opening fence.
    public var location: SourceLocation

    public init(body: String, target: Target, condition: Condition? = nil, location: SourceLocation) {
        self.body = body
        self.target = target
        self.condition = condition
        self.location = location
    }

    /// Where the body's first line is.
    public var bodyLocation: SourceLocation { location.offset(lines: 1) }

    /// The places a task list may run.
    public static let targets: [Target] = [.node, .master, .local]

    /// The fence's first word in the braces.
    public static let kindWord = "ansible"
}
