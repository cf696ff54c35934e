import Lessons

/// What one item of a step does with the values as they are, as text: whether the step applies to it,
/// and each of its commands (run, shown, the lab's hands) filled in, with the machine it runs on.
/// Prose, hints and checks are not work: a value only they read changes nothing that was done.
/// Secrets are their stand-ins, so the text never holds one. Two sets of values give the same work
/// exactly when the item would do the same thing again (`ChangedWork` compares them).
public enum StepWork {
    public static func of(_ step: Step, item: LoopItem?, values: StepValues) -> String {
        guard values.applies(step, to: item) else { return "does not apply" }
        let inputs = values.shownInputs
        var text = ""
        for block in step.blocks where isWork(block) && values.applies(block, to: item) {
            text += "\(block.kind.rawValue) on \(machine(block.target, item: item, lesson: values.lesson, inputs: inputs))"
            text += " as \(block.user ?? "-")\n" + values.command(block, item: item).display + "\n"
        }
        return text
    }

    /// Whether a block is part of a step's work: its commands, run or shown (the lab's are run blocks).
    public static func isWork(_ block: Block) -> Bool {
        block.kind == .run || block.kind == .show
    }

    /// Where a block of `target` runs, as far as values decide it.
    static func machine(_ target: Target, item: LoopItem?, lesson: Lesson, inputs: [String: InputValue]) -> String {
        let login = lesson.loginUser(in: inputs) ?? ""
        switch target {
        case .local, .lab: return target.rawValue
        case .console, .node: return "\(target.rawValue) \(login)@\(item?.address ?? "")"
        case .master:
            let address = lesson.masterRecord(in: inputs).flatMap { record, list in record.address(in: list) }
            return "master \(login)@\(address ?? "this computer")"
        }
    }
}
