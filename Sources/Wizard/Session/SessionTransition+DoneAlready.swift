import Lessons

/// "Is it done already?": before an item runs, its checks are looked up; when they pass the learner is
/// offered to mark it done (unattended it is marked). In a loop the other nodes still to do are looked
/// up too, so that one question covers every node that looks done ("Mark them done and go on?").
extension SessionTransition {
    mutating func checkIfDone() {
        // The self-test looks before every step with checks: they must fail there.
        let looks = mode.looksBeforeEveryStep || (!step.runsAlways && state.session.status(step.id, item: state.itemKey) != .failed)
        if looks, !step.blocks(.check).isEmpty {
            return wait(.checkingIfDone, for: .check(step.blocks(.check), item: item, patient: false))
        }
        notDoneYet()
    }

    mutating func checkedIfDone(_ outcomes: [CheckOutcome]) {
        if mode.provesChecks { return selfTestBefore(outcomes) }
        guard outcomes.allSatisfy(\.passed) else { return notDoneYet() }
        if !mode.asksPerson {
            say("✓ Its checks pass already: this looks done.", .green)
            setStatus(.done)
            return itemEnded(.next)
        }
        lookUpOthers(otherItemsToDo(), found: [])
    }

    /// The items after this one that are still to do and that the step applies to, as far as is known
    /// without asking (a field still to detect leaves an item out); none when the lab sets the scene
    /// of each item, as it does before that item's look-up.
    func otherItemsToDo() -> [Int] {
        guard labSetUp.isEmpty else { return [] }
        return state.items.indices.filter { index in
            let other = state.items[index]
            return index > state.itemIndex && !state.session.status(step.id, item: other?.key ?? "").isSettled
                && other.map { values.undetectedConditionField(of: step, item: $0) == nil } ?? false && values.applies(step, to: other)
        }
    }

    /// Looks up the first of `pending` (`checkedOtherIfDone` follows), or, when none is left, asks once.
    mutating func lookUpOthers(_ pending: [Int], found: [Int]) {
        guard let next = pending.first else { return askDone(also: found) }
        wait(.checkingOthersIfDone(pending: pending, found: found), for: .check(step.blocks(.check), item: state.items[next], patient: false))
    }

    mutating func checkedOtherIfDone(_ outcomes: [CheckOutcome], pending: [Int], found: [Int]) {
        let done = outcomes.allSatisfy(\.passed)
        lookUpOthers(Array(pending.dropFirst()), found: found + (done ? [pending[0]] : []))
    }

    /// One question for this item and the others found done.
    mutating func askDone(also others: [Int]) {
        if others.isEmpty {
            say("✓ Its checks pass already: this looks done.", .green)
        } else {
            let labels = ([state.itemIndex] + others).compactMap { state.items[$0]?.label }
            say("✓ Its checks pass already for \(Self.list(labels)): they look done.", .green)
        }
        wait(.confirmingDone(also: others), for: Self.doneQuestion(also: others))
    }

    /// "Mark it done and go on?", or "them" when other items look done too.
    static func doneQuestion(also others: [Int]) -> SessionEffect {
        YesNo.question(others.isEmpty ? "Mark it done and go on?" : "Mark them done and go on?", default: true)
    }

    mutating func confirmedDone(_ event: SessionEvent, also others: [Int]) {
        switch YesNo.answer(event, default: true) {
        case .unclear:
            say("Please answer y or n.")
            wait(.confirmingDone(also: others), for: Self.doneQuestion(also: others))
        case .none: end(.quit(step: step.id))
        case .yes:
            setStatus(.done)
            let id = step.id
            for key in others.compactMap({ state.items[$0]?.key }) { update { $0.setStatus(.done, step: id, item: key) } }
            itemEnded(.next)
        case .no: notDoneYet()
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }
}
