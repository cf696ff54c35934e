import Lessons

/// The settled items of a run whose work (`StepWork`) is not the same with new values: a node added
/// to the list makes every step that writes the whole list (`/etc/hosts`, the machine file) do
/// something new on every node, while a step that only reads each node's own record is the same for
/// the nodes it was done on. Such items become pending again (their checks decide whether they are
/// done, as for any step), so a finished run can grow or change without doing again what still holds.
public struct ChangedWork: Sendable, Hashable {
    /// One step's items whose work changed ("" for a step without a loop), in list order.
    public struct Step: Sendable, Hashable {
        public var id: String
        public var items: [String]
    }

    public var steps: [Step]
    /// The non-secret inputs whose values differ, by name, in lesson order.
    public var inputs: [String]

    public var isEmpty: Bool { steps.isEmpty }

    /// Compares the work of every settled item of `state` under `before` and `after`.
    public init(lesson: Lesson, assets: String, state: SessionState, before: [String: InputValue], after: [String: InputValue]) {
        inputs = lesson.inputs.map(\.name).filter { name in
            let (old, new) = (before[name], after[name])
            return !(old?.isSecret ?? false) && !(new?.isSecret ?? false) && old != new
        }
        guard !inputs.isEmpty else {
            steps = []
            return
        }
        let old = StepValues(lesson: lesson, assets: assets, inputs: before)
        let new = StepValues(lesson: lesson, assets: assets, inputs: after)
        steps = lesson.steps.compactMap { step in
            guard let statuses = state.statuses[step.id] else { return nil }
            let oldList = old.items(of: step)
            let oldItems = Dictionary(oldList.map { ($0?.key ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            let changed = new.items(of: step).enumerated().compactMap { position, item -> String? in
                let key = item?.key ?? ""
                guard statuses[key]?.isSettled == true else { return nil }
                // The same record by its name; a record renamed (its progress moved to the new name) by its place.
                let previous: LoopItem?
                if let found = oldItems[key] { previous = found } else if oldList.indices.contains(position) { previous = oldList[position] } else { return nil }
                return StepWork.of(step, item: previous, values: old) == StepWork.of(step, item: item, values: new) ? nil : key
            }
            return changed.isEmpty ? nil : Step(id: step.id, items: changed)
        }
    }

    /// The state with these items pending again, and the commands edited for them forgotten (they
    /// were edited for the old values).
    public func applied(to state: SessionState) -> SessionState {
        var state = state
        for step in steps {
            for item in step.items {
                state.removeStatus(step: step.id, item: item)
                for key in state.edits.keys where key.step == step.id && key.item == item { state.edits[key] = nil }
            }
        }
        return state
    }

    /// One line per step for the learner: `hosts-file (node1, node2)`, or the step alone.
    public var described: [String] {
        steps.map { $0.items == [""] ? $0.id : "\($0.id) (\($0.items.joined(separator: ", ")))" }
    }
}
