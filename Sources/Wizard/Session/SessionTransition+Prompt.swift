import Lessons

/// The step's prompt: what each session command does (`run`, `show`, `edit`, `skip`, `goto`, `set`, ...).
extension SessionTransition {
    var promptText: String { item.map { "\(step.id)[\($0.label)]> " } ?? "\(step.id)> " }

    mutating func prompt(_ prompt: PromptState) {
        wait(.prompt(prompt), for: .readLine(prompt: promptText, prefill: nil))
    }

    mutating func promptAnswered(_ event: SessionEvent, prompt: PromptState) {
        let line: String
        switch event {
        case .endOfInput:
            write("\n")
            return end(.quit(step: step.id))
        case .interrupted:
            say("Nothing was run. Type quit to stop, help for the commands.", .dim)
            return self.prompt(prompt)
        case .line(let text): line = text
        default: preconditionFailure("session event \(event) at the prompt")
        }
        let command: SessionCommand
        switch SessionCommand.parse(line) {
        case .success(let parsed): command = parsed
        case .failure(let error):
            say(error.message, .red)
            return self.prompt(prompt)
        }
        promptCommand(command, prompt: prompt)
    }

    /// What a command typed at the step's prompt does.
    mutating func promptCommand(_ command: SessionCommand, prompt current: PromptState) {
        var prompt = current
        switch command {
        case .run, .done, .check, .watch:
            return performCommand(command, prompt: prompt)
        case .show:
            for block in step.blocks where isCommand(block) {
                write(presenter.block(block, text: values.command(block, item: item).display, place: place(block.target)))
            }
            prompt.shownOnly = true
            if let seconds = watchSeconds, canWatch { return startWatching(prompt, seconds: seconds) }
            say("Run these yourself, then type done to check the step.", .dim)
        case .edit(let number):
            if let offset = blockToEdit(number) {
                return wait(.editing(block: offset, prompt: prompt), for: .readLine(prompt: "edit> ", prefill: shownCommand(offset)))
            }
        case .skip:
            setStatus(.skipped)
            say("Skipped.", .dim)
            return itemEnded(.next)
        case .hint:
            write(presenter.hints(hints))
        case .why:
            explainWhy()
        case .back:
            guard state.session.stepIndex > 0 else { write("This is the first step.\n"); break }
            reopen(state.session.stepIndex - 1)
            return itemEnded(.move(to: state.session.stepIndex - 1))
        case .goto(let id):
            guard let index = lesson.steps.firstIndex(where: { $0.id == id }) else {
                say("No step '\(id)'\(Suggestion.didYouMean(id, in: lesson.steps.map(\.id))). Type status for the list.", .red)
                break
            }
            if index > state.session.stepIndex { skipOver(state.session.stepIndex..<index) }
            reopen(index)
            return itemEnded(.move(to: index))
        case .vars:
            write(presenter.variables(state.session.inputs))
        case .set(let name, let value):
            if let question = setAtPrompt(name, value: value) {
                return wait(.settingInput(question.name, prompt: prompt), for: .ask(question.input))
            }
            if !values.applies(step, to: item) { return leaveStepThatNoLongerApplies() }
        case .status:
            write(presenter.status(state.session, values: values))
        case .graph:
            write(GraphRenderer.render(StepGraph(lesson: lesson), title: lesson.metadata.title, format: .text))
        case .help:
            write(presenter.help())
        case .quit:
            return end(.quit(step: step.id))
        }
        self.prompt(prompt)
    }

    /// `run`, `done` and `check`: the step's commands from the start (or where `done` resumes them),
    /// or its checks alone. In the lab, the lab's part of the step (a card in the reader, a Pi switched
    /// on) comes first, when the learner runs the step, and the step is looked at after it.
    private mutating func performCommand(_ command: SessionCommand, prompt current: PromptState) {
        var prompt = current
        if prompt.labSceneToSet {
            prompt.labSceneToSet = false
            return setLabScene(then: LabSceneRequest(command: command, prompt: prompt))
        }
        if command == .watch { return startWatching(prompt, seconds: watchSeconds ?? Block.defaultWatchSeconds) }
        let resumeAt = prompt.resumeAt
        prompt.resumeAt = nil
        if command == .check || (command == .done && resumeAt == nil) {
            if command == .done && !prompt.shownOnly && !step.blocks.contains(where: { $0.kind == .show }) && !step.blocks(.run).isEmpty {
                say("Checking what you did by hand.", .dim)
            }
            return startPerformance(Performance(origin: .prompt(prompt), queue: BlockQueue([]), stage: .checks))
        }
        perform(from: command == .done ? (resumeAt ?? 0) : 0, origin: .prompt(prompt))
    }

    /// The block `edit N` edits, or nil with the reason said.
    private mutating func blockToEdit(_ number: Int?) -> Int? {
        let runBlocks = editableBlocks
        guard (1...max(1, runBlocks.count)).contains(number ?? 1), !runBlocks.isEmpty else {
            let others = "checks and commands typed by hand are not edited: the checks are what proves the step worked"
            say(runBlocks.isEmpty ? "This step has no command to edit (\(others))." :
                runBlocks.count == 1 ? "This step has one command to edit: type edit (\(others))." :
                "This step has \(runBlocks.count) commands to edit, numbered on the screen (run 1 of \(runBlocks.count), …): type edit N, N from 1 to \(runBlocks.count) (\(others)).", .red)
            return nil
        }
        return runBlocks[(number ?? 1) - 1]
    }

    /// `why`: the step's explanation again, and the last check that failed.
    private mutating func explainWhy() {
        write(presenter.markdown.render(TemplateRenderer.preview(step.proseText, context: values.templateContext(item, masked: true), quoting: .none)))
        if state.lastFailures.isEmpty {
            say("No check has failed in this step yet.", .dim)
        } else {
            say("The last check:", .bold)
            for failure in state.lastFailures { write(presenter.failure(failure)) }
        }
    }

    /// The learner's new text for a command: saved, and the step runs with it.
    mutating func edited(_ block: Int, event: SessionEvent, prompt: PromptState) {
        guard case .line(let text) = event, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            write("Unchanged.\n")
            return self.prompt(prompt)
        }
        let key = editKey(block)
        update { $0.edits[key] = text }
        if prompt.labSceneToSet { return promptCommand(.run, prompt: prompt) }   // the lab's part first
        perform(from: 0, origin: .edit(prompt))
    }

    /// `set NAME [VALUE]` typed at the prompt. A secret's value typed there (kept out of the history and
    /// the transcript by `InlineSecret`) is not used: the hidden prompt asks for it.
    mutating func setAtPrompt(_ name: String, value: String?) -> (name: String, input: InputDeclaration)? {
        guard value != nil, InlineSecret(lesson: lesson).isSecret(name) else { return set(name, value: value) }
        say("Not used or kept: a secret is typed at the hidden prompt, not after set.", .yellow)
        return set(name, value: nil)
    }

    /// `set NAME [VALUE]`: sets the value when it is valid and shows the step again with it; without a
    /// value, what to ask for (the name it is set under, the question pre-filled with the current value).
    mutating func set(_ name: String, value: String?) -> (name: String, input: InputDeclaration)? {
        let parts = name.split(separator: ".").map(String.init)
        guard let input = lesson.input(named: parts[0]) else {
            say("No input '\(parts[0])'\(Suggestion.didYouMean(parts[0], in: lesson.inputs.map(\.name))).", .red)
            return nil
        }
        let inputs = SessionInputs(lesson: lesson)
        if input.type == .list, parts.count == 3 {
            guard let index = Int(parts[1]), var records = state.session.inputs[input.name]?.records, (1...records.count).contains(index),
                  let field = input.field(named: parts[2]) else {
                say("Write set \(input.name).N.FIELD VALUE, N from 1, FIELD one of: \(input.fields.map(\.name).joined(separator: ", ")).", .red)
                return nil
            }
            guard let value else {
                var question = field
                question.name = name
                question.detect = nil   // a field's detection runs on its node, when a step needs it
                question.prompt = "\(field.name) of \(LoopItem.key(of: records[index - 1], index: index - 1, nameField: input.nameField))"
                question.defaultValue = records[index - 1][field.name].map(InputValue.text)
                return (name, question)
            }
            let oldKey = LoopItem.key(of: records[index - 1], index: index - 1, nameField: input.nameField)
            records[index - 1][field.name] = value
            if let problem = inputs.problems(setting: input, to: .records(records), among: state.session.inputs).first {
                say("✗ \(problem.message); nothing changed.", .red)
                return nil
            }
            let newKey = LoopItem.key(of: records[index - 1], index: index - 1, nameField: input.nameField)
            let looping = lesson.steps.filter { $0.loop?.list == input.name }.map(\.id)
            let before = state.session.inputs
            update { state in
                state.inputs[input.name] = .records(records)
                state.renameItem(oldKey, to: newKey, steps: looping)
            }
            say("✓ \(name) = \(value)" + (oldKey == newKey ? "" : " (what was done on \(oldKey) is kept for \(newKey))"), .green)
            reopenChangedWork(before: before)
            showAgain()
            return nil
        }
        guard parts.count == 1 else {
            say("'\(input.name)' has no parts to set.", .red)
            return nil
        }
        guard let given = value, input.type != .list else { return (input.name, input) }
        let value = InputValueChecker.problem(with: given, as: input) == nil ? InputValueChecker.normalised(given, as: input) : given
        let newValue = InputValue.of(value, as: input)
        if let problem = inputs.problems(setting: input, to: newValue, among: state.session.inputs).first {
            say("✗ \(problem.message); nothing changed.", .red)
            return nil
        }
        let before = state.session.inputs
        update { $0.inputs[input.name] = newValue }
        say("✓ \(input.name) = \(newValue.secret.map { "\($0)" } ?? value)", .green)
        reopenChangedWork(before: before)
        showAgain()
        return nil
    }

    /// The answer to `set NAME`'s question: checked against the other inputs as `set NAME VALUE` is,
    /// and said, before it is kept.
    mutating func setAnswered(_ name: String, value: InputValue?, prompt: PromptState) {
        if case .text(let text)? = value, value != state.session.inputs[name] {
            _ = set(name, value: text)   // a record's field against the other records; a value against the inputs it relates to
        } else if let value, value != state.session.inputs[name], let input = lesson.input(named: name) {
            if let problem = SessionInputs(lesson: lesson).problems(setting: input, to: value, among: state.session.inputs).first {
                say("✗ \(problem.message); nothing changed.", .red)
            } else {
                let before = state.session.inputs
                update { $0.inputs[name] = value }
                say("✓ \(name) changed", .green)
                reopenChangedWork(before: before)
                showAgain()
            }
        } else if value == state.session.inputs[name] {
            say("Unchanged.")
        }
        if !values.applies(step, to: item) { return leaveStepThatNoLongerApplies() }
        self.prompt(prompt)
    }

    /// A value set at the prompt made the step's condition false (a branch not taken now): it does not
    /// apply to this item any more, and the session goes on to the next item or step that does.
    mutating func leaveStepThatNoLongerApplies() {
        say("With that value, step '\(step.id)' does not apply\(item.map { " to \($0.key)" } ?? ""): going on.", .dim)
        nextItem()
    }

    /// The step once more, with the values as they are now: every command of the item not yet done uses them.
    mutating func showAgain() {
        guard values.applies(step, to: item) else { return }   // the session goes on instead
        write("\n")
        present()
    }

    /// `goto` forward: the steps jumped over that are not settled count as skipped, so that the run
    /// resumes at the step the learner went to (it resumes at the first step not settled).
    mutating func skipOver(_ indices: Range<Int>) {
        let steps = lesson.steps[indices].map(\.id)
        update { state in
            for step in steps {
                let open = (state.statuses[step] ?? [:]).filter { !$0.value.isSettled }.map(\.key)
                for item in (state.statuses[step]?.isEmpty ?? true) ? [""] : open { state.setStatus(.skipped, step: step, item: item) }
            }
        }
    }

    /// Sends the session back to a step: it and every later step become pending again.
    mutating func reopen(_ index: Int) {
        let steps = lesson.steps[index...].map(\.id)
        update { state in
            for step in steps { state.removeStatuses(of: step) }
        }
    }
}
