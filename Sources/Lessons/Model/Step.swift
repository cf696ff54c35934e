/// One `##` section of a lesson: prose, blocks, hints, and how it joins the graph.
public struct Step: Sendable, Hashable, Codable, Identifiable {
    /// Stable id: explicit `{#id}` or derived from the title.
    public var id: String
    public var title: String
    /// The step's Markdown prose (everything that is not a block or a hint), as written.
    public var prose: [ProseBlock]
    public var blocks: [Block]
    public var hints: [Hint]
    /// The step's Ansible tasks (`{ansible}` blocks), for `piwizard export`; never run by a session.
    public var ansible: [AnsibleTasks] = []
    /// The list input this step loops over, if it is a per-node loop.
    public var loop: Loop?
    /// The branch condition, if the step applies only sometimes.
    public var condition: Condition?
    /// Where the `when=` attribute was written.
    public var conditionLocation: SourceLocation?
    /// Explicit edges: steps that must be done first.
    public var requires: [StepReference]
    /// `always`: the step runs even when its checks pass already (a restart, a demonstration); the
    /// session never offers to mark it done unrun.
    public var runsAlways = false
    /// `may-pass-before` (for every item) or `may-pass-before="node.role == master"` (for the items the
    /// condition holds for): the step's checks may hold before it runs, and `piwizard test` accepts that
    /// (the master's part of a per-node step, already done when the master was set up). Nil: they must fail.
    public var checksMayPassBefore: Condition?
    /// Where `may-pass-before` was written.
    public var checksMayPassBeforeLocation: SourceLocation?
    /// The heading.
    public var location: SourceLocation

    /// A per-node loop: repeat the step for each record of `list`, naming the record `variable`.
    public struct Loop: Sendable, Hashable, Codable {
        public var list: String
        public var variable: String

        public init(list: String, variable: String) {
            self.list = list
            self.variable = variable
        }
    }

    public init(
        id: String, title: String, prose: [ProseBlock] = [], blocks: [Block] = [], hints: [Hint] = [],
        loop: Loop? = nil, condition: Condition? = nil, requires: [StepReference] = [], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.prose = prose
        self.blocks = blocks
        self.hints = hints
        self.loop = loop
        self.condition = condition
        self.requires = requires
        self.location = location
    }

    /// The prose as one Markdown text.
    public var proseText: String { prose.map(\.markdown).joined(separator: "\n\n") }

    /// The blocks of one kind, in order.
    public func blocks(_ kind: BlockKind) -> [Block] { blocks.filter { $0.kind == kind } }

    /// The offsets of the blocks a learner sees (all but the self-test's drills, repairs and solutions).
    public var learnerBlocks: [Int] { blocks.indices.filter { !blocks[$0].kind.isSelfTest } }
}
