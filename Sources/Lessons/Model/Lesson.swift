/// A parsed lesson: metadata, inputs and steps, each element carrying its source location.
public struct Lesson: Sendable, Hashable, Codable {
    public var metadata: LessonMetadata
    /// Inputs in declaration order.
    public var inputs: [InputDeclaration]
    /// Prose between the front matter and the first step (the `#` title is dropped).
    public var introduction: [ProseBlock]
    public var steps: [Step]
    /// The lesson file as the user named it.
    public var file: String
    /// Inputs declared in a way the parser could not read (reported there): their uses are not
    /// reported again as undeclared.
    public var unreadableInputs: Set<String> = []

    public init(metadata: LessonMetadata, inputs: [InputDeclaration], introduction: [ProseBlock], steps: [Step], file: String) {
        self.metadata = metadata
        self.inputs = inputs
        self.introduction = introduction
        self.steps = steps
        self.file = file
    }

    public var id: String { metadata.id }

    /// The names of the lesson's secret inputs.
    public var secretInputNames: Set<String> {
        Set(inputs.filter { $0.type == .secret }.map(\.name))
    }

    public func input(named name: String) -> InputDeclaration? {
        inputs.first { $0.name == name }
    }

    /// Every input's default value (inputs without one are left out): what a preview or a count of the
    /// steps that apply starts from.
    public var defaultInputs: [String: InputValue] {
        Dictionary(inputs.compactMap { input in input.defaultValue.map { (input.name, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The secret input marked `sudo: true`: the password sudo asks for on the other hosts.
    public var sudoPasswordInput: InputDeclaration? {
        inputs.first(where: \.isSudoPassword)
    }

    /// The offsets of the steps with a condition (`when=`, a branch), in order: the only steps whose
    /// count depends on this run's values.
    public var conditionalSteps: [Int] {
        steps.indices.filter { steps[$0].condition != nil }
    }

    public func step(withID id: String) -> Step? {
        steps.first { $0.id == id }
    }
}

/// How the lesson's hosts are reached, read from `hosts:` (`HostsDeclaration`).
extension Lesson {
    /// The user to log in as on the other hosts, from the `hosts: login` input; nil: ssh's default.
    public func loginUser(in inputs: [String: InputValue]) -> String? {
        metadata.hosts.login.flatMap { inputs[$0]?.text }
    }

    /// The master's record (`hosts: master`), and the list it is in.
    public func masterRecord(in inputs: [String: InputValue]) -> (record: InputRecord, list: InputDeclaration)? {
        guard let master = metadata.hosts.master, let list = input(named: master.list),
              let record = inputs[list.name]?.records?.first(where: master.matches) else { return nil }
        return (record, list)
    }

    /// The list of the lesson's hosts: the master's list (`hosts: master`), else the first list whose
    /// records have an address field; nil when the lesson has no hosts of its own.
    public var hostList: InputDeclaration? {
        if let master = metadata.hosts.master { return input(named: master.list) }
        return inputs.first { $0.type == .list && $0.addressField != nil }
    }

    /// The inputs a block on another host needs: the login user's, and for the master its list.
    public func inputsToReach(_ target: Target) -> [String] {
        switch target {
        case .node: return [metadata.hosts.login].compactMap { $0 }
        case .master: return [metadata.hosts.login, metadata.hosts.master?.list].compactMap { $0 }
        case .local, .console, .lab: return []
        }
    }
}
