import Lessons

/// What a step's templates, loop and condition read, with the inputs as they are now: no commands run
/// here, so the session's transition function and the checks share it.
public struct StepValues: Sendable {
    public var lesson: Lesson
    /// The lesson's asset folder, for `{{lesson.assets}}`.
    public var assets: String
    public var inputs: [String: InputValue]

    public init(lesson: Lesson, assets: String, inputs: [String: InputValue]) {
        self.lesson = lesson
        self.assets = assets
        self.inputs = inputs
    }

    /// The step's loop items (nil for a step without a loop: one item, nil).
    public func items(of step: Step) -> [LoopItem?] {
        guard let loop = step.loop else { return [nil] }
        let records = inputs[loop.list]?.records ?? []
        let list = lesson.input(named: loop.list)
        return records.enumerated().map { LoopItem(variable: loop.variable, record: $0.element, index: $0.offset, count: records.count, list: list) }
    }

    /// The value a comparison of a step's `when=` condition tests for an item: the loop record's field
    /// (`field` names it: a value the session may still have to detect), else an input's text.
    func subject(of term: Condition.Term, item: LoopItem?) -> (value: String, field: String?) {
        if let item, term.variable.root == item.variable, let field = term.variable.field {
            return (item.record[field] ?? "", field)
        }
        return (inputs[term.variable.root]?.text ?? "", nil)
    }

    /// The loop record's field that the step's condition tests and that is not known yet for the item
    /// (missing, or `auto` for a field with `detect`): the session detects it before it decides.
    public func undetectedConditionField(of step: Step, item: LoopItem?) -> String? {
        for term in step.condition?.terms ?? [] {
            let subject = subject(of: term, item: item)
            if let field = subject.field, isUndetected(subject.value, field: field, of: step) { return field }
        }
        return nil
    }

    /// Whether a loop record's field value is not known yet: missing, or what asks for detection
    /// (`InputDeclaration.awaitsDetection`, the one rule lint, relations and the session share).
    func isUndetected(_ value: String, field: String, of step: Step) -> Bool {
        guard !value.isEmpty else { return true }
        let declaration = step.loop.flatMap { lesson.input(named: $0.list) }?.field(named: field)
        return declaration?.awaitsDetection(value) ?? false
    }

    /// The sudo password a block hands to `sudo` on another host (the lesson's `sudo: true` secret, as
    /// given), or nil for a block that runs no sudo elsewhere.
    public func sudoPassword(for block: Block) -> String? {
        block.runsSudoElsewhere ? lesson.sudoPasswordInput.flatMap { inputs[$0.name]?.secret?.reveal() } : nil
    }

    /// Whether the step will run for at least one item, as far as is known now: an input not given yet
    /// counts with its default, and a condition on a value nobody knows yet (no default, a field still
    /// to detect) counts as holding. What the session counts as the lesson's steps ("Step 3 of 19").
    public func mayApply(_ step: Step) -> Bool {
        guard step.condition != nil else { return true }
        let known = withDefaults
        let items = known.items(of: step)
        return (items.isEmpty ? [nil] : items).contains { known.conditionMayHold(step, for: $0) }
    }

    /// Where the step at `index` stands among the steps that may apply ("Step 3 of 19"): the step
    /// itself always counts.
    public func position(ofStep index: Int) -> (number: Int, total: Int) {
        position(ofStep: index, conditional: lesson.conditionalSteps)
    }

    /// As `position(ofStep:)`, given the offsets of the lesson's steps with a condition (the others
    /// always count), so that a session that keeps them pays for those steps only, not for every
    /// step of a long lesson at every step.
    public func position(ofStep index: Int, conditional: [Int]) -> (number: Int, total: Int) {
        var (number, total) = (index + 1, lesson.steps.count)
        for offset in conditional where !counts(offset, current: index) {
            total -= 1
            if offset < index { number -= 1 }
        }
        return (number, total)
    }

    /// The offsets of the steps this run counts, in order: those that may apply, and the step at
    /// `current` (the one the learner is at counts even when a later answer made it not apply). The
    /// one numbering of the session's header, `status`, the saved run's summary and the end.
    public func countedSteps(current: Int? = nil) -> [Int] {
        lesson.steps.indices.filter { counts($0, current: current) }
    }

    /// Whether the step at `offset` counts. Once per step of a long lesson: a step without a condition
    /// counts without copying it (a copy of every step, each time, was a quarter of a 10,000-step run).
    private func counts(_ offset: Int, current: Int?) -> Bool {
        offset == current || lesson.steps[offset].condition == nil || mayApply(lesson.steps[offset])
    }

    /// Whether `condition` holds for the item with the values as they are (a value nobody knows yet
    /// does not hold).
    public func holds(_ condition: Condition, for item: LoopItem?) -> Bool {
        condition.terms.allSatisfy { term in term.holds(for: subject(of: term, item: item).value) }
    }

    /// Whether the step will run for the item, as far as is known now (as `mayApply(_:)`).
    public func mayApply(_ step: Step, to item: LoopItem?) -> Bool {
        withDefaults.conditionMayHold(step, for: item)
    }

    /// The condition's terms against these values as they are (defaults already filled in): a term on a
    /// value nobody knows yet holds.
    private func conditionMayHold(_ step: Step, for item: LoopItem?) -> Bool {
        step.condition?.terms.allSatisfy { term in
            let subject = subject(of: term, item: item)
            if let field = subject.field { return isUndetected(subject.value, field: field, of: step) || term.holds(for: subject.value) }
            return inputs[term.variable.root] == nil || term.holds(for: subject.value)
        } ?? true
    }

    /// These values with each input not given yet at its default.
    private var withDefaults: StepValues {
        var known = self
        for input in lesson.inputs where known.inputs[input.name] == nil {
            if let value = input.defaultValue { known.inputs[input.name] = value }
        }
        return known
    }

    /// Whether a block's own `when=` holds for the item with the values as they are (a block without
    /// one always applies): a block that does not is neither shown, run nor checked.
    public func applies(_ block: Block, to item: LoopItem?) -> Bool {
        block.condition.map { holds($0, for: item) } ?? true
    }

    /// Whether the step's `when=` condition holds for the item (a step without one always applies).
    public func applies(_ step: Step, to item: LoopItem?) -> Bool {
        step.condition?.terms.allSatisfy { $0.holds(for: subject(of: $0, item: item).value) } ?? true
    }

    /// The template context for a block: the inputs and the loop item; `masked` shows inputs not
    /// asked yet as their defaults (for the screen). A secret is its stand-in in every context
    /// (`SecretValue`): only a command's run text holds its value.
    public func templateContext(_ item: LoopItem?, masked: Bool = false) -> TemplateContext {
        context(masked ? shownInputs : inputs, item)
    }

    private func context(_ inputs: [String: InputValue], _ item: LoopItem?) -> TemplateContext {
        var context = TemplateContext(inputs: inputs, loop: item.map { ($0.variable, $0.record) }, lessonID: lesson.id, lessonAssets: assets)
        context.homePaths = lesson.homePathReferences
        context.loopList = item?.listName
        return context
    }

    /// The inputs as the screen shows them: those not asked yet as their defaults.
    var shownInputs: [String: InputValue] {
        var inputs = self.inputs
        for input in lesson.inputs where inputs[input.name] == nil {
            if let value = input.defaultValue { inputs[input.name] = value }
        }
        return inputs
    }

    /// The names of the lesson's secret inputs.
    public var secretNames: Set<String> { lesson.secretInputNames }

    /// A block's command with the values it runs with, secrets kept apart from the text on the screen.
    func command(_ block: Block, item: LoopItem?) -> RenderedCommand {
        RenderedCommand(template: block.body, context: context(shownInputs, item), quoting: block.templateQuoting, secrets: secretNames)
    }

    /// The text of a secret input's value, by name (for the command that runs).
    var secretValues: [String: String] {
        var values: [String: String] = [:]
        for name in secretNames { if let secret = inputs[name]?.secret { values[name] = secret.reveal() } }
        return values
    }
}
