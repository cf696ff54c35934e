import Lessons

/// Steps and their items: entering a step (its inputs first), going through its items (skipping
/// settled ones, detecting what a branch needs), presenting an item and offering to skip one whose
/// checks already pass, and what an item's end leads to.
extension SessionTransition {
    /// How one item ended, for the step.
    enum ItemEnd {
        case next
        case move(to: Int)
        case end(SessionOutcome)
    }

    mutating func begin() {
        effects.append(.setCompletions(SessionCommand.words + lesson.steps.map(\.id) + lesson.inputs.map(\.name)))
        write(style.apply([.bold, .magenta], to: lesson.metadata.title) + "\n" + lesson.metadata.summary + "\n")
        if state.session.statuses.isEmpty, !lesson.introduction.isEmpty {
            let introduction = lesson.introduction.map(\.markdown).joined(separator: "\n\n")
            write("\n" + presenter.markdown.render(TemplateRenderer.preview(introduction, context: values.templateContext(nil, masked: true), quoting: .none)))
        }
        if mode.asksPerson {
            say("Press Enter to run a step, type show to only see its commands, help for all commands.", .dim)
        }
        enterStep()
    }

    /// Starts the current step: its missing inputs, then its items; at the end of the lesson, finishes.
    mutating func enterStep() {
        guard state.session.stepIndex < lesson.steps.count else { return finish() }
        let missing = SessionInputs(lesson: lesson).used(by: step).filter { state.session.inputs[$0] == nil }
        if !missing.isEmpty && mode.asksPerson {
            // Numbered as the step's header numbers it (the steps that apply), not by its place in the file;
            // the header itself (title, progress) follows once the values are known: it is shown once.
            let number = values.position(ofStep: state.session.stepIndex, conditional: machine.conditionalSteps).number
            write("\n" + style.apply(.bold, to: "Step \(number)") + " needs \(missing.count == 1 ? "a value" : "values") first: \(missing.joined(separator: ", "))\n")
        }
        askInputs(missing)
    }

    /// Gives the inputs in `names` a value, in order: unattended their defaults, else asked.
    mutating func askInputs(_ names: [String]) {
        for (position, name) in names.enumerated() {
            guard let input = lesson.input(named: name) else { continue }
            if !mode.asksPerson {
                if input.detect != nil, input.type != .list {
                    return wait(.askingInput(name: name, remaining: Array(names.dropFirst(position + 1))), for: .detectInput(input))
                }
                guard let value = input.defaultValue else { return end(.missingInput(name: name, step: step.id)) }
                update { $0.inputs[name] = value }
                continue
            }
            return wait(.askingInput(name: name, remaining: Array(names.dropFirst(position + 1))), for: .ask(input))
        }
        startItems()
    }

    mutating func answeredInput(_ name: String, value: InputValue?, remaining: [String]) {
        guard let value else { return end(!mode.asksPerson ? .missingInput(name: name, step: step.id) : .quit(step: step.id)) }
        update { $0.inputs[name] = value }
        askInputs(remaining)
    }

    mutating func startItems() {
        state.items = values.items(of: step)
        state.itemIndex = 0
        state.failedNodes = []
        nextItem()
    }

    /// The current step's items as the inputs are now (`update` calls it after a change of the inputs),
    /// at the same position.
    mutating func refreshItems() {
        let items = values.items(of: step)
        if items.count == state.items.count { state.items = items }
    }

    /// Goes on with the first item from the current one that is not settled and to which the step applies.
    mutating func nextItem() {
        while state.itemIndex < state.items.count {
            if state.session.status(step.id, item: state.itemKey).isSettled {
                state.itemIndex += 1
                continue
            }
            if let item, let field = values.undetectedConditionField(of: step, item: item) {
                return wait(.detectingField(field), for: .detect(field: field, item: item, list: step.loop?.list ?? ""))
            }
            if !values.applies(step, to: item) {
                setStatus(.notApplicable)
                state.itemIndex += 1
                continue
            }
            return beginItem()
        }
        if !state.failedNodes.isEmpty {
            return end(.failed(step: step.id, reason: state.failedNodes.joined(separator: "; ")))
        }
        update { $0.stepIndex += 1 }
        enterStep()
    }

    /// A record's field was detected (or given): the step's condition decides.
    mutating func detectedField(_ field: String, value: String?) {
        guard let value, !values.isUndetected(value, field: field, of: step), let item, let list = step.loop?.list else {
            return end(.missingInput(name: "\(step.loop?.list ?? "").\((item?.index ?? 0) + 1).\(field)", step: step.id))
        }
        if var records = state.session.inputs[list]?.records, item.index < records.count {
            records[item.index][field] = value
            update { $0.inputs[list] = .records(records) }
        }
        nextItem()
    }

    /// Shows the item's step, lets the lab set the scene, then sees whether it is done already.
    mutating func beginItem() {
        effects.append(.record(.marker(item.map { "\(step.id)/\($0.key)" } ?? step.id)))
        present()
        if !labSetUp.isEmpty {
            // A learner sees the step first; the lab acts when they run it (`promptCommand`). The
            // self-test looks before the lab acts, as the lab's part is the learner's (`selfTestBefore`).
            if mode.asksPerson { return prompt(PromptState(labSceneToSet: true)) }
            if mode.provesChecks, !step.blocks(.check).isEmpty { return checkIfDone() }
            return setLabScene(then: nil)
        }
        checkIfDone()
    }

    /// The lab does its part of the step (`labSetUp`, not empty), then `request` goes on (`labSceneReady`).
    mutating func setLabScene(then request: LabSceneRequest?) {
        let setUp = labSetUp
        startPerformance(Performance(origin: .labSetUp(then: request), queue: BlockQueue(setUp), stage: .running(setUp[0])))
    }

    /// The lab has set the scene: the learner's command goes on (a run runs the step's commands, then
    /// its checks: the learner asked to run it, so it is not offered as done), or, unattended, the step
    /// is looked at.
    mutating func labSceneReady(then request: LabSceneRequest?) {
        if mode.provesChecks { return perform(from: 0, origin: .unattended) }
        guard let request else { return checkIfDone() }
        promptCommand(request.command, prompt: request.prompt)
    }

    /// The item is to be done: unattended it runs, else the prompt waits for the learner.
    mutating func notDoneYet() {
        if !mode.asksPerson {
            return perform(from: 0, origin: .unattended)
        }
        prompt(PromptState())
    }

    /// What the end of an item leads to. Unattended, a node that fails does not stop the others: the
    /// step ends failed after all of them (and a resume retries only the nodes not done).
    mutating func itemEnded(_ end: ItemEnd) {
        switch end {
        case .next:
            state.itemIndex += 1
            nextItem()
        case .move(let index):
            update { $0.stepIndex = index }
            enterStep()
        case .end(.failed(_, let reason)) where mode.goesOnAfterAFailedNode && item != nil && state.items.count > 1:
            state.failedNodes.append("\(item!.label): \(reason)")
            state.itemIndex += 1
            nextItem()
        case .end(let outcome):
            self.end(outcome)
        }
    }

    /// The end: a step counts as skipped when the learner skipped it for an item, else as done when it
    /// was done for one (a step that applied to nothing counts as neither); loop items are told apart.
    mutating func finish() {
        if let open = stepOpenAgain {
            say("Not the end yet: \(lesson.steps[open].id) is to do again with the values you set.", .yellow)
            update { $0.stepIndex = open }
            return enterStep()
        }
        var (done, skipped, loopSteps, loopItems) = (0, 0, 0, 0)
        var itemNames = Set<String>()
        for step in lesson.steps {
            let statuses = Array((state.session.statuses[step.id] ?? [:]).values)
            if statuses.contains(.skipped) {
                skipped += 1
            } else if statuses.contains(.done) {
                done += 1
                guard let loop = step.loop else { continue }
                (loopSteps, loopItems) = (loopSteps + 1, loopItems + statuses.filter { $0 == .done }.count)
                itemNames.insert(loop.variable)
            }
        }
        let itemName = itemNames.count == 1 ? itemNames.first! : "item"
        let outcome = SessionOutcome.finished(done: done, skipped: skipped, loopSteps: loopSteps, loopItems: loopItems, itemName: itemName)
        write("\n" + style.apply([.bold, .green], to: outcome.message) + "\n")
        end(outcome)
    }

    /// The offsets of the `on=lab` blocks a step starts with: in the lab they set the scene (a card in
    /// the reader, a Pi switched on) before anything is checked; outside the lab, none.
    var labSetUp: [Int] {
        lab?.sceneSetUp(of: step) ?? []
    }
}
