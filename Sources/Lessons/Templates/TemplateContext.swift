/// The values templates are filled from: inputs, the current loop record, and the built-ins.
public struct TemplateContext: Sendable {
    public var inputs: [String: InputValue]
    /// The loop variable's name and record, inside a per-node loop.
    public var loop: (variable: String, record: InputRecord)?
    public var lessonID: String
    /// The lesson's asset folder (`lessons/ID`).
    public var lessonAssets: String
    /// The references (`key`, `nodes.dir`) whose values are paths, where a leading `~/` means the home
    /// folder of the user a command runs as (`Lesson.homePathReferences`).
    public var homePaths: Set<String> = []
    /// The list the loop variable goes over, for `homePaths`.
    public var loopList: String?

    public init(inputs: [String: InputValue], loop: (variable: String, record: InputRecord)? = nil, lessonID: String, lessonAssets: String) {
        self.inputs = inputs
        self.loop = loop
        self.lessonID = lessonID
        self.lessonAssets = lessonAssets
    }

    /// The values a path stands for, each marked when it is a path from the home folder.
    public func values(for path: TemplatePath) -> [ShellValueWriter.Value]? {
        var reference = path.description
        if let loop, path.root == loop.variable, let loopList, let field = path.field { reference = "\(loopList).\(field)" }
        let isHomePath = homePaths.contains(reference)
        return words(for: path)?.map { ShellValueWriter.Value($0, isHomePath: isHomePath) }
    }

    /// The words a path stands for: one for a scalar, one per record for `list.field`. Nil when unknown.
    public func words(for path: TemplatePath) -> [String]? {
        if let loop, path.root == loop.variable {
            guard let field = path.field else { return nil }
            return loop.record[field].map { [$0] }
        }
        if path.root == "lesson" {
            switch path.field {
            case "id": return [lessonID]
            case "assets": return [lessonAssets]
            default: return nil
            }
        }
        switch inputs[path.root] {
        case .text(let text)?:
            guard let field = path.field else { return [text] }
            return IPv4Network(text)?.field(field).map { [$0] }
        case .records(let records)?:
            guard let field = path.field else { return nil }
            if field == "count" { return [String(records.count)] }
            let values = records.compactMap { $0[field] }
            return values.count == records.count ? values : nil
        case .secret?:
            // A template context never holds a secret's value: the command that runs gets it as a
            // secret piece (`RenderedCommand`); everywhere else it is its stand-in.
            return path.field == nil ? [SecretStandIn.named(path.root)] : nil
        case nil:
            return nil
        }
    }
}
