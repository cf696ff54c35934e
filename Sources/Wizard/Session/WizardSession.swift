import Foundation
import Lessons

/// Walks a learner through a lesson: presents each step, asks for inputs when first needed, runs or
/// shows commands, checks preconditions and results, explains failures with hints, and answers the
/// session commands (`run`, `show`, `edit`, `skip`, `goto`, ...).
///
/// All effects go through the `Terminal` and the `CommandRunner`, so a scripted terminal and a fake
/// runner drive it deterministically in tests. Every state change is reported to `onStateChange`.
public final class WizardSession {
    public let loaded: LoadedLesson
    public private(set) var state: SessionState
    /// Called after every change of `state` with what changed (to save progress).
    public var onStateChange: ((SessionState, StateChanges) -> Void)?
    /// Called with what a transcript records besides terminal and runner traffic: step markers, status
    /// changes, input values and check results.
    public var onEvent: ((TranscriptEvent) -> Void)?

    let terminal: Terminal
    let runner: CommandRunner
    let options: SessionOptions
    let hosts: HostResolver
    let presenter: SessionPresenter
    /// What the last failed check or command expected and found, for `why`.
    var lastFailures: [CheckOutcome] = []

    var lesson: Lesson { loaded.lesson }
    var style: TextStyle { options.style }

    public init(loaded: LoadedLesson, terminal: Terminal, runner: CommandRunner, options: SessionOptions, state: SessionState = SessionState()) {
        self.loaded = loaded
        self.terminal = terminal
        self.runner = runner
        self.options = options
        self.state = state
        self.hosts = HostResolver(lesson: loaded.lesson, localAddresses: options.localAddresses)
        self.presenter = SessionPresenter(lesson: loaded.lesson, style: options.style, width: options.width)
    }

    /// What one step's handling leads to.
    enum StepResult {
        case next
        case move(to: Int)
        case end(SessionOutcome)
    }

    /// Runs the session until the lesson is finished, the learner quits, or (unattended) a step cannot go on.
    public func run() -> SessionOutcome {
        terminal.setCompletions(SessionCommand.words + lesson.steps.map(\.id) + lesson.inputs.map(\.name))
        terminal.write(style.apply([.bold, .magenta], to: lesson.metadata.title) + "\n" + lesson.metadata.summary + "\n")
        if state.statuses.isEmpty, !lesson.introduction.isEmpty {
            let introduction = lesson.introduction.map(\.markdown).joined(separator: "\n\n")
            terminal.write("\n" + presenter.markdown.render(TemplateRenderer.preview(introduction, context: templateContext(nil, masked: true), quoting: .none)))
        }
        if !options.unattended {
            terminal.write(style.apply(.dim, to: "Press Enter to run a step, type show to only see its commands, help for all commands.") + "\n")
        }
        while state.stepIndex < lesson.steps.count {
            switch runStep(lesson.steps[state.stepIndex]) {
            case .next:
                update { $0.stepIndex += 1 }
            case .move(let index):
                update { $0.stepIndex = index }
            case .end(let outcome):
                return outcome
            }
        }
        let statuses = lesson.steps.flatMap { step in (state.statuses[step.id] ?? [:]).values }
        let outcome = SessionOutcome.finished(done: statuses.filter { $0 == .done }.count, skipped: statuses.filter { $0 == .skipped }.count)
        terminal.write("\n" + style.apply([.bold, .green], to: outcome.message) + "\n")
        return outcome
    }

    // MARK: Steps

    func runStep(_ step: Step) -> StepResult {
        if let missing = ensureInputs(for: step) { return .end(missing) }
        let items = loopItems(step)
        // Unattended, a node that fails does not stop the others: the step ends failed after all of them
        // (and a resume retries only the nodes not done).
        var failedNodes: [String] = []
        for item in items ?? [nil] {
            let key = item?.key ?? ""
            if state.status(step.id, item: key).isSettled { continue }
            switch applies(step, item: item) {
            case .stop(let outcome):
                return .end(outcome)
            case .notApplicable:
                update { $0.setStatus(.notApplicable, step: step.id, item: key) }
                continue
            case .applies:
                break
            }
            switch runItem(step, item: item) {
            case .next: continue
            case .move(let index): return .move(to: index)
            case .end(.failed(_, let reason)) where options.unattended && item != nil && (items?.count ?? 0) > 1:
                failedNodes.append("\(item!.label): \(reason)")
            case .end(let outcome): return .end(outcome)
            }
        }
        if !failedNodes.isEmpty {
            return .end(.failed(step: step.id, reason: failedNodes.joined(separator: "; ")))
        }
        return .next
    }

    /// The records a per-node step goes through, nil for a step without a loop.
    func loopItems(_ step: Step) -> [LoopItem?]? {
        step.loop == nil ? nil : checker.items(of: step)
    }

    /// Whether a step applies to an item.
    enum Applicability {
        case applies
        case notApplicable
        /// The fact could not be learned (unattended).
        case stop(SessionOutcome)
    }

    /// Whether a step's branch condition holds (for this item), detecting a fact when it must.
    func applies(_ step: Step, item: LoopItem?) -> Applicability {
        guard let condition = step.condition, let subject = checker.conditionSubject(of: step, item: item) else { return .applies }
        var value = subject.value
        if let field = subject.field, let item, value.isEmpty || value == "auto" || value == "?" {
            guard let detected = detectField(field, step: step, item: item) else {
                return .stop(.missingInput(name: "\(step.loop?.list ?? "").\(item.index + 1).\(field)", step: step.id))
            }
            value = detected
        }
        return condition.holds(for: value) ? .applies : .notApplicable
    }

    /// Detects a record's field with its `detect` command on the node, or asks for it.
    func detectField(_ field: String, step: Step, item: LoopItem) -> String? {
        guard let list = step.loop?.list, let declaration = lesson.input(named: list)?.field(named: field) else { return nil }
        var value: String?
        if let detect = declaration.detect {
            let host = hosts.host(for: .node, record: item.record, inputs: state.inputs)
            if let result = try? runner.run(CommandRequest(command: detect, host: host, timeout: 15), output: { _ in }),
               result.succeeded {
                let detected = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
                if InputValueChecker.problem(with: detected, as: declaration) == nil {
                    value = detected
                    terminal.write(style.apply(.dim, to: "Detected \(field) of \(item.label): \(detected) (change it with: set \(list).\(item.index + 1).\(field) VALUE)") + "\n")
                }
            }
        }
        if value == nil {
            if options.unattended { return nil }
            var question = declaration
            question.prompt = "\(field) of \(item.label)"
            value = InputPrompter(terminal: terminal, style: style).askScalar(question, prefill: nil) { _ in nil }
        }
        if let value { setField(list: list, index: item.index, field: field, value: value) }
        return value
    }

    func setField(list: String, index: Int, field: String, value: String) {
        guard var records = state.inputs[list]?.records, index < records.count else { return }
        records[index][field] = value
        update { $0.inputs[list] = .records(records) }
    }

    // MARK: One step for one item

    func runItem(_ step: Step, item: LoopItem?) -> StepResult {
        let key = item?.key ?? ""
        onEvent?(.marker(item.map { "\(step.id)/\($0.key)" } ?? step.id))
        present(step, item: item)
        for offset in labSetUp(step) {
            if case .failed(let reason) = runBlock(step.blocks[offset], offset: offset, step: step, item: item), options.unattended {
                return .end(.failed(step: step.id, reason: reason))
            }
        }
        if state.status(step.id, item: key) != .failed, !step.blocks(.check).isEmpty {
            let outcomes = evaluate(step.blocks(.check), step: step, item: item)
            if outcomes.allSatisfy(\.passed) {
                terminal.write(style.apply(.green, to: "✓ Its checks pass already: this looks done.") + "\n")
                let accept = options.unattended ? true : askYesNo("Mark it done and go on?", default: true)
                guard let accept else { return .end(.quit(step: step.id)) }
                if accept {
                    update { $0.setStatus(.done, step: step.id, item: key) }
                    return .next
                }
            }
        }
        if options.unattended {
            switch perform(step, item: item, from: 0) {
            case .done: return .next
            case .failed(let reason): return .end(.failed(step: step.id, reason: reason))
            case .waitingForHands:
                return .end(.needsHands(step: step.id, reason: "it has commands to type by hand (\(placeDescription(.console, item: item)))"))
            case .refused(let reason): return .end(.needsHands(step: step.id, reason: reason))
            case .quit: return .end(.quit(step: step.id))
            }
        }
        var resumeAt: Int?  // the block after the hand-typed ones shown by `run`, waiting for `done`
        var shownOnly = false
        while true {
            let prompt = item.map { "\(step.id)[\($0.label)]> " } ?? "\(step.id)> "
            guard let line = terminal.readLine(prompt: prompt, prefill: nil) else {
                terminal.write("\n")
                return .end(.quit(step: step.id))
            }
            if terminal.lastReadWasInterrupted {
                terminal.write(style.apply(.dim, to: "Nothing was run. Type quit to stop, help for the commands.") + "\n")
                continue
            }
            let command: SessionCommand
            switch SessionCommand.parse(line) {
            case .success(let parsed): command = parsed
            case .failure(let error):
                terminal.write(style.apply(.red, to: error.message) + "\n")
                continue
            }
            switch command {
            case .run, .done, .check:
                let result: PerformResult
                if command == .check || (command == .done && resumeAt == nil) {
                    if command == .done && !shownOnly && !step.blocks.contains(where: { $0.kind == .show }) && !step.blocks(.run).isEmpty {
                        terminal.write(style.apply(.dim, to: "Checking what you did by hand.") + "\n")
                    }
                    result = finishWithChecks(step, item: item)
                } else {
                    result = perform(step, item: item, from: command == .done ? (resumeAt ?? 0) : 0)
                }
                resumeAt = nil
                switch result {
                case .done: return .next
                case .failed: continue
                case .refused: continue
                case .waitingForHands(let next): resumeAt = next
                case .quit: return .end(.quit(step: step.id))
                }
            case .show:
                showCommands(step, item: item)
                shownOnly = true
            case .edit(let number):
                if case .done = edit(step, item: item, number: number ?? 1) { return .next }
            case .skip:
                update { $0.setStatus(.skipped, step: step.id, item: key) }
                terminal.write(style.apply(.dim, to: "Skipped.") + "\n")
                return .next
            case .hint:
                terminal.write(presenter.hints(renderedHints(step, item: item)))
            case .why:
                why(step, item: item)
            case .back:
                guard state.stepIndex > 0 else {
                    terminal.write("This is the first step.\n")
                    continue
                }
                reopen(state.stepIndex - 1)
                return .move(to: state.stepIndex - 1)
            case .goto(let id):
                guard let index = lesson.steps.firstIndex(where: { $0.id == id }) else {
                    let suggestion = Suggestion.didYouMean(id, in: lesson.steps.map(\.id))
                    terminal.write(style.apply(.red, to: "No step '\(id)'\(suggestion). Type status for the list.") + "\n")
                    continue
                }
                reopen(index)
                return .move(to: index)
            case .vars:
                terminal.write(presenter.variables(state.inputs))
            case .set(let name, let value):
                set(name, value: value)
            case .status:
                terminal.write(presenter.status(state) { [self] step in (loopItems(step) ?? []).compactMap { $0 } })
            case .graph:
                terminal.write(GraphRenderer.render(StepGraph(lesson: lesson), title: lesson.metadata.title, format: .text))
            case .help:
                terminal.write(presenter.help())
            case .quit:
                return .end(.quit(step: step.id))
            }
        }
    }

    /// What performing a step's blocks led to.
    enum PerformResult {
        case done
        case failed(String)
        /// Hand-typed blocks are shown; `done` continues at this block index.
        case waitingForHands(Int)
        /// A destructive command was not confirmed.
        case refused(String)
        case quit
    }

    /// Runs preconditions, then the step's blocks from `start` (showing hand-typed ones and pausing for
    /// `done`), then its checks.
    func perform(_ step: Step, item: LoopItem?, from start: Int) -> PerformResult {
        let key = item?.key ?? ""
        let preconditions = step.blocks(.precondition)
        let setUp = labSetUp(step)
        if start == 0, !preconditions.isEmpty {
            let outcomes = evaluate(preconditions, step: step, item: item)
            if let failed = outcomes.first(where: { !$0.passed }) {
                update { $0.setStatus(.failed, step: step.id, item: key) }
                terminal.write(style.apply(.red, to: "Not yet: a precondition of this step does not hold, so nothing was run.") + "\n")
                reportFailures(outcomes, step: step, item: item)
                return .failed(failed.title + ": expected " + failed.expected + ", found " + failed.found)
            }
        }
        let blocks = step.blocks.enumerated().filter { $0.element.kind == .run || $0.element.kind == .show }
            .filter { $0.element.target != .lab || options.practiceLab }
            .filter { !setUp.contains($0.offset) }
        var index = blocks.firstIndex { $0.offset >= start } ?? blocks.count
        while index < blocks.count {
            let (offset, block) = blocks[index]
            if block.kind == .show && !typedByLab(block) {
                // Show this and the hand-typed blocks right after it, then wait for `done`.
                var next = index
                while next < blocks.count, blocks[next].element.kind == .show, !typedByLab(blocks[next].element) {
                    let showBlock = blocks[next].element
                    terminal.write(presenter.block(showBlock, text: shown(showBlock, step: step, item: item), place: placeDescription(showBlock.target, item: item)))
                    next += 1
                }
                if !options.unattended {
                    terminal.write(style.apply(.bold, to: "Do this by hand, then type done.") + "\n")
                }
                return .waitingForHands(next < blocks.count ? blocks[next].offset : step.blocks.count)
            }
            if let failure = runBlock(block, offset: offset, step: step, item: item) { return failure }
            index += 1
        }
        return finishWithChecks(step, item: item)
    }

    /// Runs one command block (after confirming a destructive one); nil when it succeeded.
    func runBlock(_ block: Block, offset: Int, step: Step, item: LoopItem?) -> PerformResult? {
        let key = item?.key ?? ""
        update { $0.setStatus(.running, step: step.id, item: key) }
        let display = state.edits[editKey(step, item: item, block: offset)] ?? shown(block, step: step, item: item)
        let text = unmask(display)
        if block.destructive, let refusal = confirmDestructive(step, item: item, block: block, command: text) {
            update { $0.setStatus(.failed, step: step.id, item: key) }
            terminal.write(style.apply(.red, to: refusal) + "\n")
            return .refused(refusal)
        }
        terminal.write(presenter.block(block, text: display, place: placeDescription(block.target, item: item)))
        let result: CommandResult
        do {
            let sink = OutputSink(terminal: terminal.isInteractive ? nil : terminal)
            result = try runner.run(request(for: block, text: text, item: item, interactive: terminal.isInteractive), output: sink.write)
        } catch {
            update { $0.setStatus(.failed, step: step.id, item: key) }
            terminal.write(style.apply(.red, to: "✗ \(error)") + "\n")
            return .failed("\(error)")
        }
        if !result.output.isEmpty, !result.output.hasSuffix("\n") { terminal.write("\n") }
        guard result.succeeded else {
            let found = result.timedOut ? "stopped after \(Int(block.timeout ?? 0)) s without finishing" : "exit status \(result.exitStatus)"
            let outcome = CheckOutcome.fail("command", expected: "exit status 0", found: found + ": " + OutputSummary.lastLines(result.output))
            update { $0.setStatus(.failed, step: step.id, item: key) }
            reportFailures([outcome], step: step, item: item)
            return .failed(outcome.found)
        }
        terminal.write(style.apply(.dim, to: String(format: "  finished in %.1f s", result.duration)) + "\n")
        return nil
    }

    /// Runs the step's checks; done when they all pass (or there are none).
    func finishWithChecks(_ step: Step, item: LoopItem?) -> PerformResult {
        let key = item?.key ?? ""
        let outcomes = evaluate(step.blocks(.check), step: step, item: item)
        if let failed = outcomes.first(where: { !$0.passed }) {
            update { $0.setStatus(.failed, step: step.id, item: key) }
            reportFailures(outcomes, step: step, item: item)
            return .failed(failed.title + ": expected " + failed.expected + ", found " + failed.found)
        }
        for outcome in outcomes { terminal.write(presenter.success(outcome)) }
        update { $0.setStatus(.done, step: step.id, item: key) }
        terminal.write(style.apply([.bold, .green], to: "✓ Done.") + "\n")
        return .done
    }

    func reportFailures(_ outcomes: [CheckOutcome], step: Step, item: LoopItem?) {
        lastFailures = outcomes.filter { !$0.passed }
        for outcome in outcomes { terminal.write(outcome.passed ? presenter.success(outcome) : presenter.failure(outcome)) }
        terminal.write(presenter.hints(renderedHints(step, item: item)))
        if !options.unattended {
            terminal.write(style.apply(.dim, to: "Type run to try again, edit to change the command, why for details, skip to go on.") + "\n")
        }
    }

    // MARK: Checks

    /// Evaluates checks or preconditions in order.
    func evaluate(_ blocks: [Block], step: Step, item: LoopItem?) -> [CheckOutcome] {
        blocks.map { evaluate($0, step: step, item: item) }
    }

    func evaluate(_ block: Block, step: Step, item: LoopItem?) -> CheckOutcome {
        let outcome = check(block, step: step, item: item)
        onEvent?(.check(outcome))
        return outcome
    }

    func check(_ block: Block, step: Step, item: LoopItem?) -> CheckOutcome {
        checker.check(block, item: item)
    }

    /// Checks with the inputs as they are now.
    var checker: StepChecker {
        StepChecker(lesson: lesson, assets: loaded.assetsFolder.path, inputs: state.inputs, hosts: hosts, runner: runner, options: options)
    }

    // MARK: Destructive commands

    /// Nil when the learner (or `--confirm-device`) confirmed the destructive command; else why not.
    func confirmDestructive(_ step: Step, item: LoopItem?, block: Block, command: String) -> String? {
        let device = step.blocks(.precondition).compactMap { $0.validator?.name == "block-device" ? $0.validator?.arguments["device"] : nil }.first
            .map { TemplateRenderer.preview($0, context: templateContext(item), quoting: .none) }
        guard let device else {
            if options.unattended { return "a destructive command runs unattended only with --confirm-device" }
            return askYesNo(style.apply([.bold, .red], to: "This command is destructive. Run it?"), default: false) == true ? nil : "Not confirmed; nothing was run."
        }
        let host = hosts.host(for: block.target, record: item?.record, inputs: state.inputs)
        let report = (try? runner.run(CommandRequest(command: BlockDeviceReport.command, host: host), output: { _ in }))
            .flatMap { try? BlockDeviceReport(json: $0.output) }
        // A link such as /dev/disk/by-id/… (or the practice lab's reader) names the device it points to.
        let resolved = (try? runner.run(CommandRequest(command: "readlink -f -- \(ShellQuote.quote(device))", host: host), output: { _ in }))
            .flatMap { $0.exitStatus == 0 ? $0.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil }
        let found = report?.device(device) ?? resolved.flatMap { report?.device($0) }
        // Whatever the lesson checked before, never write over the system disk or a mounted device.
        if let report, let found {
            if (report.topLevel(containing: found.path) ?? found).holdsSystem {
                return "Refused: \(device) holds this computer's system; nothing was run."
            }
            if !found.allMountpoints.isEmpty {
                return "Refused: \(device) is mounted at \(found.allMountpoints.joined(separator: ", ")); unmount it first. Nothing was run."
            }
        }
        let description = found.map(BlockDeviceValidator.describe) ?? device
        terminal.write(style.apply([.bold, .red], to: "This destroys everything on \(device).") + "\n  " + description + "\n")
        if options.unattended {
            return options.confirmedDevices.contains(device) ? nil : "it writes over \(device); confirm with --confirm-device \(device)"
        }
        guard let answer = terminal.readLine(prompt: "Type the device name (\(device)) to go on, anything else to stop: ", prefill: nil) else {
            return "Not confirmed; nothing was run."
        }
        if terminal.lastReadWasInterrupted { return "Not confirmed; nothing was run." }
        let typed = answer.trimmingCharacters(in: .whitespaces)
        return typed == device || "/dev/" + typed == device ? nil : "Not confirmed ('\(typed)' is not \(device)); nothing was run."
    }

    // MARK: Session commands

    func showCommands(_ step: Step, item: LoopItem?) {
        for block in step.blocks where (block.kind == .run || block.kind == .show) && (block.target != .lab || options.practiceLab) {
            terminal.write(presenter.block(block, text: shown(block, step: step, item: item), place: placeDescription(block.target, item: item)))
        }
        terminal.write(style.apply(.dim, to: "Run these yourself, then type done to check the step.") + "\n")
    }

    func edit(_ step: Step, item: LoopItem?, number: Int) -> PerformResult {
        let runBlocks = step.blocks.enumerated().filter { $0.element.kind == .run }
        guard number <= runBlocks.count else {
            terminal.write(style.apply(.red, to: runBlocks.isEmpty ? "This step has no command to edit." : "This step has \(runBlocks.count) command\(runBlocks.count == 1 ? "" : "s").") + "\n")
            return .failed("nothing to edit")
        }
        let (offset, block) = runBlocks[number - 1]
        let key = editKey(step, item: item, block: offset)
        let current = state.edits[key] ?? shown(block, step: step, item: item)
        guard let edited = terminal.readLine(prompt: "edit> ", prefill: current), !terminal.lastReadWasInterrupted,
              !edited.trimmingCharacters(in: .whitespaces).isEmpty else {
            terminal.write("Unchanged.\n")
            return .failed("unchanged")
        }
        update { $0.edits[key] = edited }
        return perform(step, item: item, from: 0)
    }

    func why(_ step: Step, item: LoopItem?) {
        terminal.write(presenter.markdown.render(TemplateRenderer.preview(step.proseText, context: templateContext(item), quoting: .none)))
        if lastFailures.isEmpty {
            terminal.write(style.apply(.dim, to: "No check has failed in this step yet.") + "\n")
        } else {
            terminal.write(style.apply(.bold, to: "The last check:") + "\n")
            for failure in lastFailures { terminal.write(presenter.failure(failure)) }
        }
    }

    func set(_ name: String, value: String?) {
        let parts = name.split(separator: ".").map(String.init)
        guard let input = lesson.input(named: parts[0]) else {
            let suggestion = Suggestion.didYouMean(parts[0], in: lesson.inputs.map(\.name))
            terminal.write(style.apply(.red, to: "No input '\(parts[0])'\(suggestion).") + "\n")
            return
        }
        if input.type == .list, parts.count == 3 {
            guard let index = Int(parts[1]), var records = state.inputs[input.name]?.records, (1...records.count).contains(index),
                  let field = input.field(named: parts[2]) else {
                terminal.write(style.apply(.red, to: "Write set \(input.name).N.FIELD VALUE, N from 1, FIELD one of: \(input.fields.map(\.name).joined(separator: ", ")).") + "\n")
                return
            }
            guard let value else {
                terminal.write("Give a value: set \(name) VALUE\n")
                return
            }
            records[index - 1][field.name] = value
            let problems = RecordListChecker.problems(with: records, as: input, subnets: subnets())
            if let problem = problems.first {
                terminal.write(style.apply(.red, to: "✗ \(problem.message); nothing changed.") + "\n")
                return
            }
            update { $0.inputs[input.name] = .records(records) }
            terminal.write(style.apply(.green, to: "✓ \(name) = \(value)") + "\n")
            return
        }
        guard parts.count == 1 else {
            terminal.write(style.apply(.red, to: "'\(input.name)' has no parts to set.") + "\n")
            return
        }
        if let value, input.type != .list {
            if let problem = InputValueChecker.problem(with: value, as: input) ?? crossCheck(input, value) {
                terminal.write(style.apply(.red, to: "✗ \(problem); nothing changed.") + "\n")
                return
            }
            update { $0.inputs[input.name] = .text(value) }
            terminal.write(style.apply(.green, to: "✓ \(input.name) = \(input.type == .secret ? SecretStandIn.redacted : value)") + "\n")
            return
        }
        if let asked = ask(input) {
            update { $0.inputs[input.name] = asked }
        }
    }

    /// Sends the session back to a step: it and every later step become pending again.
    func reopen(_ index: Int) {
        update { state in
            for step in lesson.steps[index...] { state.removeStatuses(of: step.id) }
        }
    }

    // MARK: Inputs

    /// Asks for the inputs a step uses that have no value yet; an outcome when it cannot go on.
    func ensureInputs(for step: Step) -> SessionOutcome? {
        let missing = inputsUsed(by: step).filter { state.inputs[$0] == nil }
        if !missing.isEmpty && !options.unattended {
            terminal.write("\n" + style.apply(.bold, to: "Step \(state.stepIndex + 1) · \(step.title)") + " needs: \(missing.joined(separator: ", "))\n")
        }
        for name in missing {
            guard let input = lesson.input(named: name) else { continue }
            if options.unattended {
                guard let value = input.defaultValue else { return .missingInput(name: name, step: step.id) }
                update { $0.inputs[name] = value }
                continue
            }
            guard let value = ask(input) else { return .quit(step: step.id) }
            update { $0.inputs[name] = value }
        }
        return nil
    }

    /// Asks the learner for an input, offering the current value or default.
    func ask(_ input: InputDeclaration) -> InputValue? {
        let prompter = InputPrompter(terminal: terminal, style: style)
        if input.type == .list {
            let defaults = state.inputs[input.name]?.records ?? input.defaultValue?.records ?? []
            return prompter.askRecords(input, defaults: defaults, subnets: subnets()).map(InputValue.records)
        }
        var prefill = state.inputs[input.name]?.text ?? input.defaultValue?.text
        if input.type == .choice, let detect = input.detect,
           let result = try? runner.run(CommandRequest(command: detect, timeout: 15), output: { _ in }), result.succeeded {
            let detected = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            if input.choices.contains(detected) {
                prefill = detected
                terminal.write(style.apply(.dim, to: "Detected \(input.name): \(detected)") + "\n")
            }
        }
        return prompter.askScalar(input, prefill: input.type == .secret ? nil : prefill) { [self] value in crossCheck(input, value) }.map(InputValue.text)
    }

    /// Constraints that involve other inputs: `same-subnet-as`.
    func crossCheck(_ input: InputDeclaration, _ value: String) -> String? {
        RecordListChecker.subnetProblem(value, field: input, subnets: subnets())
    }

    func subnets() -> [String: String] {
        var result: [String: String] = [:]
        for input in lesson.inputs where input.type == .cidr {
            result[input.name] = state.inputs[input.name]?.text ?? input.defaultValue?.text
        }
        return result
    }

    /// The inputs a step's text, blocks, condition and loop refer to, in lesson order.
    func inputsUsed(by step: Step) -> [String] {
        var names = Set<String>()
        if let loop = step.loop { names.insert(loop.list) }
        if let condition = step.condition { names.insert(condition.variable.root) }
        let texts = [step.title, step.proseText] + step.hints.map(\.text) + step.blocks.map(\.body)
        for text in texts {
            for reference in TemplateReference.scan(text) {
                if let root = reference.path?.root { names.insert(root) }
            }
        }
        // Blocks that run on other machines log in as the lesson's `user`.
        if step.blocks.contains(where: { $0.target == .node || $0.target == .master }), lesson.input(named: "user") != nil {
            names.insert("user")
        }
        // A subnet that an address must lie in is needed to check the address.
        for name in names {
            for declaration in [lesson.input(named: name)].compactMap({ $0 }).flatMap({ [$0] + $0.fields }) {
                if let subnet = declaration.sameSubnetAs { names.insert(subnet) }
            }
        }
        return lesson.inputs.map(\.name).filter(names.contains)
    }

    // MARK: Helpers

    func present(_ step: Step, item: LoopItem?) {
        let settled = lesson.steps.prefix(state.stepIndex).count
        terminal.write(presenter.header(step: step, index: state.stepIndex, settled: settled, item: item))
        // Prose, commands and checks in the order the author wrote them.
        let items: [(line: Int, prose: ProseBlock?, block: (Int, Block)?)] =
            step.prose.map { ($0.location.line, $0, nil) }
            + step.blocks.enumerated().map { ($0.element.location.line, nil, ($0.offset, $0.element)) }
        for (index, entry) in items.sorted(by: { $0.line < $1.line }).enumerated() {
            if index > 0 { terminal.write("\n") }
            if let prose = entry.prose {
                terminal.write(presenter.markdown.render(TemplateRenderer.preview(prose.markdown, context: templateContext(item, masked: true), quoting: .none)))
            }
            if let (offset, block) = entry.block {
                let text = state.edits[editKey(step, item: item, block: offset)] ?? shown(block, step: step, item: item)
                terminal.write(presenter.block(block, text: text, place: placeDescription(block.target, item: item)))
            }
        }
    }

    /// The values templates are filled from; `masked` (for the screen, edits and anything saved) puts a
    /// stand-in for every secret, which `unmask` turns back into the secret just before a command runs,
    /// and shows an input not asked yet with its default.
    func templateContext(_ item: LoopItem?, masked: Bool = false) -> TemplateContext {
        checker.templateContext(item, masked: masked)
    }

    static func mask(_ name: String) -> String { SecretStandIn.named(name) }

    /// A command as it runs: every secret's stand-in replaced by the secret (quoted as the stand-in was).
    func unmask(_ text: String) -> String {
        var result = text
        for input in lesson.inputs where input.type == .secret {
            guard let secret = state.inputs[input.name]?.text else { continue }
            result = result.replacingOccurrences(of: ShellQuote.quote(Self.mask(input.name)), with: ShellQuote.quote(secret))
                .replacingOccurrences(of: Self.mask(input.name), with: secret)
        }
        return result
    }

    /// A block's text with real values, for running.
    func render(_ block: Block, step: Step, item: LoopItem?) -> String {
        TemplateRenderer.preview(block.body, context: templateContext(item), quoting: block.templateQuoting)
    }

    /// A block's text for the screen (secrets masked).
    func shown(_ block: Block, step: Step, item: LoopItem?) -> String {
        TemplateRenderer.preview(block.body, context: templateContext(item, masked: true), quoting: block.templateQuoting)
    }

    func renderedHints(_ step: Step, item: LoopItem?) -> [String] {
        step.hints.map { TemplateRenderer.preview($0.text, context: templateContext(item, masked: true), quoting: .none) }
    }

    func request(for block: Block, text: String, item: LoopItem?, interactive: Bool) -> CommandRequest {
        CommandRequest(command: text, host: hosts.host(for: block.target, record: item?.record, inputs: state.inputs),
                       user: block.user, timeout: block.timeout, interactive: interactive,
                       console: block.target == .console ? (item?.index ?? 0) + 1 : nil)
    }

    /// The offsets of the `on=lab` blocks a step starts with: in the lab they set the scene (a card in
    /// the reader, a Pi switched on) before anything is checked; outside the lab, none.
    func labSetUp(_ step: Step) -> [Int] {
        guard options.practiceLab else { return [] }
        return Array(step.blocks.indices.prefix { step.blocks[$0].target == .lab && step.blocks[$0].kind == .run })
    }

    /// A console block the practice lab types for the learner.
    func typedByLab(_ block: Block) -> Bool {
        block.kind == .show && block.target == .console && options.practiceLab
    }

    /// `on raspi2 (192.168.1.102)`, `at raspi2's console`, `on the master`, or nothing for here.
    func placeDescription(_ target: Target, item: LoopItem?) -> String {
        switch target {
        case .local: return ""
        case .console: return "at the console of \(item?.label ?? "the node")" + (options.practiceLab ? " (the practice lab types it)" : "")
        case .lab: return "in the practice lab, for you"
        case .node:
            guard let item else { return "on the node" }
            return hosts.host(for: .node, record: item.record, inputs: state.inputs).map { "on \(item.label) (\($0.address))" } ?? "on \(item.label) (here)"
        case .master:
            return hosts.host(for: .master, record: nil, inputs: state.inputs).map { "on the master (\($0.address))" } ?? "on the master (here)"
        }
    }

    func editKey(_ step: Step, item: LoopItem?, block: Int) -> String {
        "\(step.id)/\(item?.key ?? "")/\(block)"
    }

    /// Yes or no; nil when input ends.
    func askYesNo(_ question: String, default defaultAnswer: Bool) -> Bool? {
        while true {
            guard let line = terminal.readLine(prompt: "\(question) [\(defaultAnswer ? "Y/n" : "y/N")] ", prefill: nil) else { return nil }
            if terminal.lastReadWasInterrupted { return false }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "": return defaultAnswer
            case "y", "yes": return true
            case "n", "no": return false
            default: terminal.write("Please answer y or n.\n")
            }
        }
    }

    /// Applies a change to the state, reports the status and input changes as transcript events and the
    /// whole change to `onStateChange`; costs what changed, not the size of the lesson.
    func update(_ change: (inout SessionState) -> Void) {
        let oldInputs = state.inputs
        change(&state)
        var changes = state.takeChanges()
        if changes.inputs, state.inputs == oldInputs { changes.inputs = false }
        guard !changes.isEmpty else { return }
        if let onEvent {
            if changes.inputs {
                for input in lesson.inputs where state.inputs[input.name] != oldInputs[input.name] {
                    if let value = state.inputs[input.name], input.type != .secret { onEvent(.inputValue(name: input.name, value: value)) }
                }
            }
            for key in changes.statuses.sorted() {
                if let status = state.statuses[key.step]?[key.item] { onEvent(.status(step: key.step, item: key.item, status: status)) }
            }
        }
        onStateChange?(state, changes)
    }
}
