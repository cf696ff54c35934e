/// The display-only walk through a lesson: each step in order with where we are, its prose, and its
/// commands and checks with the default inputs filled in (shell-quoted, as they would run). Runs nothing.
public struct DisplayWalk: Sendable {
    public var loaded: LoadedLesson
    public var renderer: MarkdownTerminalRenderer
    /// The inputs the commands are filled from: the defaults, with the values given (`--var`, `--vars`).
    public var inputs: [String: InputValue]

    public init(loaded: LoadedLesson, width: Int, style: TextStyle, given: [String: InputValue] = [:]) {
        self.loaded = loaded
        self.renderer = MarkdownTerminalRenderer(width: width, style: style)
        self.inputs = loaded.defaultInputs.merging(given) { $1 }
    }

    public func render() -> String {
        let lesson = loaded.lesson
        let style = renderer.style
        var context = TemplateContext(inputs: inputs, lessonID: lesson.id, lessonAssets: loaded.assetsFolder.path)
        context.homePaths = lesson.homePathReferences
        var text = renderer.render("# \(lesson.metadata.title)\n\n\(lesson.metadata.summary)")
        text += style.apply(.dim, to: "Display-only walk: commands are shown with the lesson's default inputs (and those given) and are not run.") + "\n"
        let total = lesson.steps.count
        for (index, step) in lesson.steps.enumerated() {
            text += "\n" + style.apply([.bold, .cyan], to: "Step \(index + 1) of \(total): \(step.title)")
            text += " " + style.apply(.dim, to: ProgressBar.render(done: index, total: total, width: 20)) + "\n"
            for qualifier in GraphRenderer.qualifiers(step) { text += style.apply(.dim, to: "  (\(qualifier))") + "\n" }
            // Per-node loops show one record's values as an example: the first the step applies to.
            context.loopList = step.loop?.list
            context.loop = step.loop.flatMap { loop in
                Self.exampleRecord(for: step, records: inputs[loop.list]?.records ?? []).map { (loop.variable, $0) }
            }
            // Prose and blocks in the order the author wrote them.
            let items: [(line: Int, prose: ProseBlock?, block: Block?)] =
                step.prose.map { ($0.location.line, $0, nil) } + step.learnerBlocks.map { (step.blocks[$0].location.line, nil, step.blocks[$0]) }
            for (index, item) in items.sorted(by: { $0.line < $1.line }).enumerated() {
                if index > 0 { text += "\n" }
                if let prose = item.prose {
                    text += renderer.render(TemplateRenderer.preview(prose.markdown, context: context, quoting: .none))
                }
                if let block = item.block {
                    text += "  " + style.apply(.bold, to: Self.label(block)) + (block.condition.map { style.apply(.dim, to: " (only when \($0))") } ?? "") + "\n"
                    let body = TemplateRenderer.preview(block.body, context: context, quoting: block.templateQuoting)
                    for line in ScreenWrap.body(body, isShell: block.validator == nil, width: renderer.width, indent: 4) {
                        text += "    " + style.apply(.yellow, to: line) + "\n"
                    }
                }
            }
        }
        return text
    }

    /// The first record a loop step applies to (its condition's comparisons of the loop variable hold).
    static func exampleRecord(for step: Step, records: [InputRecord]) -> InputRecord? {
        guard let loop = step.loop else { return records.first }
        let terms = (step.condition?.terms ?? []).filter { $0.variable.root == loop.variable && $0.variable.field != nil }
        return records.first { record in
            terms.allSatisfy { term in record[term.variable.field ?? ""].map(term.holds) ?? false }
        }
    }

    /// What a block is, in words: `run on node as root (destructive)`.
    public static func label(_ block: Block, withTarget: Bool = true) -> String {
        var words: [String]
        switch block.kind {
        case .run: words = ["run"]
        case .show: words = ["type by hand"]
        case .check: words = ["check"]
        case .precondition: words = ["before: check"]
        case .drill: words = ["test: break it"]
        case .repair: words = ["test: repair it"]
        case .solve: words = ["test: the solution"]
        case .teardown: words = ["test: undo it"]
        }
        if let validator = block.validator { words.append(validator.name) }
        if withTarget && block.target == .lab {
            words.append("by the practice lab (with --lab only)")
        } else if withTarget && block.target != .local {
            words.append("on \(block.target.rawValue)")
        }
        if let user = block.user { words.append("as \(user)") }
        if block.destructive { words.append("(destructive)") }
        return words.joined(separator: " ") + ":"
    }
}
