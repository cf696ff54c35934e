import Lessons

/// What the learner sees of the current item: the step in the author's order, its commands as shown
/// (an edit, else the block with secrets as stand-ins), where each runs, its hints and failures.
extension SessionTransition {
    mutating func present() {
        let position = values.position(ofStep: state.session.stepIndex, conditional: machine.conditionalSteps)
        let applying = state.items.compactMap { $0 }.filter { $0.index == item?.index || values.mayApply(step, to: $0) }
        let itemNumber = item.flatMap { item in applying.firstIndex { $0.index == item.index }.map { ($0 + 1, of: applying.count) } }
        write(presenter.header(step: step, number: position.number, total: position.total, settled: position.number - 1, item: item, itemNumber: itemNumber))
        // Prose, commands and checks in the order the author wrote them.
        let entries: [(line: Int, prose: ProseBlock?, block: Int?)] =
            step.prose.map { ($0.location.line, $0, nil) } + shownBlocks.map { (step.blocks[$0].location.line, nil, $0) }
        let context = values.templateContext(item, masked: true)
        for (index, entry) in entries.sorted(by: { $0.line < $1.line }).enumerated() {
            if index > 0 { write("\n") }
            if let prose = entry.prose {
                write(presenter.markdown.render(TemplateRenderer.preview(prose.markdown, context: context, quoting: .none)))
            }
            if let offset = entry.block {
                write(presenter.block(step.blocks[offset], text: shownCommand(offset), place: place(step.blocks[offset].target), number: commandNumber(offset)))
            }
        }
    }

    /// The blocks the learner sees for this item: the step's, but those whose own `when=` does not hold
    /// and, outside the practice lab, the lab's (`on=lab`: the prose says what to do by hand there).
    var shownBlocks: [Int] {
        step.learnerBlocks.filter { (step.blocks[$0].target != .lab || lab != nil) && values.applies(step.blocks[$0], to: item) }
    }

    /// The offsets of the blocks `edit N` changes, N from 1: the step's commands (those shown).
    var editableBlocks: [Int] { shownBlocks.filter { step.blocks[$0].kind == .run } }

    /// A command's number on the screen, when the step has more than one.
    func commandNumber(_ offset: Int) -> (Int, of: Int)? {
        let editable = editableBlocks
        guard editable.count > 1, let index = editable.firstIndex(of: offset) else { return nil }
        return (index + 1, of: editable.count)
    }

    /// A command block's text on the screen: the learner's edit, else the block filled in.
    func shownCommand(_ offset: Int) -> String {
        state.session.edits[editKey(offset)] ?? values.command(step.blocks[offset], item: item).display
    }

    func editKey(_ offset: Int) -> EditKey {
        EditKey(step: step.id, item: state.itemKey, block: offset)
    }

    /// The step's hints for the learner: after failing checks, the hints bound to them (`Hint for
    /// ID:`), else the step's own hints; with nothing failing, every hint. A hint that acts on a device
    /// (it names a `block-device` input) is held back while a check found that device unsafe (the
    /// system disk, not removable, missing): advice such as `sudo umount DEVICE?*` must never point at
    /// the wrong disk.
    var hints: [String] {
        let context = values.templateContext(item, masked: true)
        let unsafe = Set(state.lastFailures.compactMap(\.unsafeDevice))
        let devices = Set(lesson.inputs.filter { $0.type == .blockDevice }.map(\.name))
        var heldBack: Set<String> = []
        let shown = Self.hints(of: step, explaining: state.lastFailures).filter { hint in
            let named = TemplateReference.scan(hint.text).compactMap { $0.path?.root }.filter(devices.contains)
            let unsafeNamed = named.compactMap { state.session.inputs[$0]?.text }.filter(unsafe.contains)
            heldBack.formUnion(unsafeNamed)
            return unsafeNamed.isEmpty
        }
        let notes = heldBack.sorted().map { "Hints that act on \($0) are held back until it passes its checks: it does not look like the card to change." }
        return shown.map { TemplateRenderer.preview($0.text, context: context, quoting: .none) } + notes
    }

    /// The hints for `failures`: those bound to a failing check, else the step's own (unbound) hints;
    /// every hint when nothing failed.
    static func hints(of step: Step, explaining failures: [CheckOutcome]) -> [Hint] {
        guard !failures.isEmpty else { return step.hints }
        let failing = Set(failures.compactMap(\.check))
        let bound = step.hints.filter { !failing.isDisjoint(with: $0.checks) }
        return bound.isEmpty ? step.hints.filter(\.checks.isEmpty) : bound
    }

    mutating func reportFailures(_ outcomes: [CheckOutcome]) {
        state.lastFailures = outcomes.filter { !$0.passed }
        for outcome in outcomes { write(outcome.passed ? presenter.success(outcome) : presenter.failure(outcome)) }
        write(presenter.hints(hints))
        if mode.asksPerson {
            say("Type run to try again, edit to change the command, why for details, skip to go on.", .dim)
        }
    }

    func host(_ target: Target) -> RemoteHost? {
        machine.hosts.host(for: target, item: item, inputs: state.session.inputs)
    }

    /// A hand-typed block someone types for the learner: the practice lab at a node's console, or
    /// `piwizard test` (shell text anywhere else, run as if typed).
    func typedForLearner(_ block: Block) -> Bool {
        guard block.kind == .show else { return false }
        if block.target == .console { return lab?.types(block) ?? false }
        return mode.typesShownShell && Block.shellLanguages.contains(block.language)
    }

    /// Whether a block is one of the step's commands here: a `{run}` or `{show}` block, and an
    /// `on=lab` one only in the practice lab.
    func isCommand(_ block: Block) -> Bool {
        (block.kind == .run || block.kind == .show) && (block.target != .lab || lab != nil)
    }

    /// `on raspi2 (192.168.1.102)`, `at raspi2's console`, `on the master`, or nothing for here.
    func place(_ target: Target) -> String {
        switch target {
        case .local: return ""
        case .console: return "at the console of \(item?.label ?? "the node")" + (lab?.consoleNote ?? "")
        case .lab: return "in the practice lab, for you"
        case .node:
            guard let item else { return "on the node" }
            return host(.node).map { "on \(item.label) (\($0.address))" } ?? "on \(item.label) (here)"
        case .master:
            return machine.hosts.host(for: .master, item: nil, inputs: state.session.inputs).map { "on the master (\($0.address))" } ?? "on the master (here)"
        }
    }
}
