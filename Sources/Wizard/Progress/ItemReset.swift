import Lessons

/// Forgetting one loop item's progress (a node whose card died and gets a new one): its items in
/// every step that loops over its list, and every step without a loop whose commands read that whole
/// list (they did something on or for every node, the new card included: a program copied to each).
/// A looping step's other items are kept: what they did for the others is still true (the node keeps
/// its name and address). The run then does that node again, and only it.
public struct ItemReset: Sendable, Hashable {
    /// The statuses to forget.
    public var keys: [StatusKey]
    /// The list that holds the item.
    public var list: String

    /// Nil when no list of the run's values holds an item named `name`.
    public init?(item name: String, lesson: Lesson, inputs: [String: InputValue], statuses: [String: [String: StepStatus]]) {
        let values = StepValues(lesson: lesson, assets: "", inputs: inputs)
        let holding = lesson.steps.first { step in step.loop != nil && values.items(of: step).contains { $0?.key == name } }
        guard let list = holding?.loop?.list else { return nil }
        self.list = list
        keys = lesson.steps.compactMap { step -> StatusKey? in
            if let loop = step.loop {
                return loop.list == list && statuses[step.id]?[name] != nil ? StatusKey(step: step.id, item: name) : nil
            }
            return statuses[step.id]?[""] != nil && Self.commands(of: step, read: list) ? StatusKey(step: step.id, item: "") : nil
        }
    }

    /// The names of the items of the lists the lesson's steps loop over, for a refusal.
    public static func itemNames(lesson: Lesson, inputs: [String: InputValue]) -> [String] {
        let values = StepValues(lesson: lesson, assets: "", inputs: inputs)
        var seen = Set<String>()
        return lesson.steps.filter { $0.loop != nil }.flatMap { values.items(of: $0).compactMap { $0?.key } }.filter { seen.insert($0).inserted }
    }

    /// Whether a step's commands (run, shown, the lab's) read the input `list` itself.
    static func commands(of step: Step, read list: String) -> Bool {
        step.blocks.contains { block in
            StepWork.isWork(block) && TemplateReference.scan(block.body).contains { $0.path?.root == list }
        }
    }

    /// The state with these statuses forgotten, and the commands edited for them.
    public func applied(to state: SessionState) -> SessionState {
        var state = state
        for key in keys {
            state.removeStatus(step: key.step, item: key.item)
            for edit in state.edits.keys where edit.step == key.step && edit.item == key.item { state.edits[edit] = nil }
        }
        return state
    }
}
