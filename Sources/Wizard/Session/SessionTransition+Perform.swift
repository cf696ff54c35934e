import Foundation
import Lessons

/// Running a step's blocks: preconditions, then the commands (showing hand-typed ones and pausing for
/// `done`, guarding destructive ones), then its checks; and where the result goes.
extension SessionTransition {
    /// Runs the step from block offset `start`: preconditions (from the start only), commands, checks.
    mutating func perform(from start: Int, origin: Performance.Origin) {
        let setUp = labSetUp
        let queue = step.blocks.indices.filter { offset in
            isCommand(step.blocks[offset]) && !setUp.contains(offset) && values.applies(step.blocks[offset], to: item)
        }
        var performance = Performance(origin: origin, queue: BlockQueue(queue, from: start), stage: .checks)
        if start == 0, !step.blocks(.precondition).isEmpty {
            performance.stage = .preconditions
            return wait(.performing(performance), for: .check(step.blocks(.precondition), item: item))
        }
        continueQueue(performance)
    }

    /// Starts a performance at its stage (the lab's set-up, or the checks alone).
    mutating func startPerformance(_ performance: Performance) {
        switch performance.stage {
        case .running(let offset): startBlock(offset, performance)
        default: wait(.performing(performance), for: .check(step.blocks(.check), item: item))
        }
    }

    /// The next command of the queue, or the checks when none is left.
    mutating func continueQueue(_ performance: Performance) {
        var performance = performance
        // The lab's set-up is all the lab's: nothing in it is typed by the learner.
        let setsScene = performance.origin.isLabSetUp
        switch performance.queue.next(in: step, byHand: { !setsScene && $0.kind == .show && !typedForLearner($0) }) {
        case .end:
            if case .labSetUp(let request) = performance.origin { return labSceneReady(then: request) }
            performance.stage = .checks
            wait(.performing(performance), for: .check(step.blocks(.check), item: item))
        case .command(let offset):
            startBlock(offset, performance)
        case .byHand(let shown, let resumeAt):
            for shown in shown.map({ step.blocks[$0] }) {
                write(presenter.block(shown, text: values.command(shown, item: item).display, place: place(shown.target)))
            }
            waitForHands(resumeAt: resumeAt, performance)
        }
    }

    /// Hand-typed blocks are shown: the learner types them, then `done` goes on at `resumeAt` (or a
    /// watched step goes on by itself).
    private mutating func waitForHands(resumeAt: Int, _ performance: Performance) {
        if case .prompt(let prompt) = performance.origin, let seconds = watchSeconds, canWatch {
            say("Do this by hand; piwizard watches for it.", .bold)
            return startWatching(PromptState(resumeAt: resumeAt, shownOnly: prompt.shownOnly), seconds: seconds)
        }
        if mode.asksPerson { say("Do this by hand, then type done.", .bold) }
        performed(performance, result: .waitingForHands(resumeAt))
    }

    mutating func performed(_ performance: Performance, event: SessionEvent) {
        switch (performance.stage, event) {
        case (.preconditions, .checked(let outcomes)):
            if let failed = outcomes.first(where: { !$0.passed }) {
                setStatus(.failed)
                say("Not yet: a precondition of this step does not hold, so nothing was run.", .red)
                reportFailures(outcomes)
                return performed(performance, result: .failed(failed.summary))
            }
            continueQueue(performance)
        case (.checks, .checked(let outcomes)):
            checksFinished(outcomes, performance)
        case (.running(let offset), .commandFinished(let result)):
            commandFinished(offset, result: result, performance)
        case (.running, .commandFailed(let reason)):
            setStatus(.failed)
            say("✗ \(reason)", .red)
            blockEnded(performance, failure: .failed(reason))
        case (.guarding(let offset, let stage), _):
            follow(commandGuard(offset).answered(stage, event), block: offset, performance)
        case (.confirmingBlock(let offset), _):
            answeredBlockQuestion(offset, event: event, performance)
        default:
            preconditionFailure("session event \(event) while performing (\(performance.stage))")
        }
    }

    /// The step's checks ran after its commands (or for `check`, `done`, a self-test's stage).
    private mutating func checksFinished(_ outcomes: [CheckOutcome], _ performance: Performance) {
        if case .selfTest(let stage) = performance.origin {
            if outcomes.contains(where: { !$0.passed }) { reportFailures(outcomes) } else { for outcome in outcomes { write(presenter.success(outcome)) } }
            return selfTestChecked(stage, outcomes)
        }
        if let failed = outcomes.first(where: { !$0.passed }) {
            setStatus(.failed)
            reportFailures(outcomes)
            if performance.origin == .unattended, selfTestAfter(outcomes) { return }
            return performed(performance, result: .failed(failed.summary))
        }
        for outcome in outcomes { write(presenter.success(outcome)) }
        setStatus(.done)
        say("✓ Done.", [.bold, .green])
        if performance.origin == .unattended, selfTestAfter(outcomes) { return }
        performed(performance, result: .done)
    }

    // MARK: One command

    /// Starts one command block: its question first (`confirm=`, asked unless unattended), then its
    /// destructive guard.
    mutating func startBlock(_ offset: Int, _ performance: Performance) {
        var performance = performance
        let block = step.blocks[offset]
        // A command only a person may answer (`passwd`, a password prompt) stops an unattended run here.
        if block.needsPerson, !mode.asksPerson, !performance.origin.isLabSetUp {
            // `piwizard test` runs the step's solution in the person's place, when it has one.
            if mode.solvesForPerson, let solve = step.blocks.firstIndex(where: { $0.kind == .solve }) {
                setStatus(.running)
                return guardBlock(solve, performance)
            }
            let first = block.body.split(separator: "\n").first.map(String.init) ?? block.body
            let standIn = mode.solvesForPerson ? "; give the step a {solve} block that does it without a person, for piwizard test" : ""
            return end(.needsHands(step: step.id, reason: "a person must run `\(VisibleText.of(first))` (it asks what only a person can answer)" + standIn))
        }
        setStatus(.running)
        if let question = step.blocks[offset].confirmation, mode.asksPerson {
            performance.stage = .confirmingBlock(block: offset)
            return wait(.performing(performance), for: .confirm(prompt: YesNo.prompt(question, default: false)))
        }
        guardBlock(offset, performance)
    }

    /// The learner's answer to a block's question: yes runs it; no stops the step with its hints.
    mutating func answeredBlockQuestion(_ offset: Int, event: SessionEvent, _ performance: Performance) {
        switch YesNo.answer(event, default: false) {
        case .unclear:
            say("Please answer y or n.")
            wait(.performing(performance), for: .confirm(prompt: YesNo.prompt(step.blocks[offset].confirmation ?? "", default: false)))
        case .yes:
            guardBlock(offset, performance)
        case .no, .none:
            setStatus(.failed)
            say("Not run, as you answered no.", .red)
            write(presenter.hints(hints))
            blockEnded(performance, failure: .refused("you answered no to: \(step.blocks[offset].confirmation ?? "")"))
        }
    }

    /// Starts a command block after its guards (`CommandGuard`): the files it writes, a destructive
    /// command's device.
    mutating func guardBlock(_ offset: Int, _ performance: Performance) {
        follow(commandGuard(offset).start(), block: offset, performance)
    }

    /// The guard of the command block at `offset`, as things are now.
    func commandGuard(_ offset: Int) -> CommandGuard {
        CommandGuard(block: step.blocks[offset], step: step, lesson: lesson, values: values, item: item,
                     host: host(step.blocks[offset].target), mode: mode, options: options)
    }

    /// Follows the guard's move: shows its text, then waits, runs the command, or refuses it.
    private mutating func follow(_ move: CommandGuard.Move, block offset: Int, _ performance: Performance) {
        var performance = performance
        for text in move.text { write(text) }
        switch move.next {
        case .wait(let stage, let effect):
            performance.stage = .guarding(block: offset, stage)
            wait(.performing(performance), for: effect)
        case .cleared: launch(offset, performance)
        case .refused(let refusal): refuse(because: refusal, performance)
        }
    }

    /// The command does not run: says why, and the step fails.
    mutating func refuse(because refusal: String, _ performance: Performance) {
        setStatus(.failed)
        say(refusal, .red)
        blockEnded(performance, failure: .refused(refusal))
    }

    mutating func launch(_ offset: Int, _ performance: Performance) {
        var performance = performance
        let block = step.blocks[offset]
        let command = state.session.edits[editKey(offset)].map { RenderedCommand(edited: $0, secrets: values.secretNames) } ?? values.command(block, item: item)
        if shownBlocks.contains(offset), command.display == shownCommand(offset) {
            // Shown with the step already: only which one runs now, not the same lines again.
            write(presenter.running(block, place: place(block.target), number: commandNumber(offset)))
        } else {
            write(presenter.block(block, text: command.display, place: place(block.target)))
        }
        // A command that hands sudo its password over ssh's standard input cannot have the terminal too.
        let sudoPassword = values.sudoPassword(for: block)
        let interactive = machine.interactiveTerminal && sudoPassword == nil
        let text: String
        do {
            text = try command.exec(secrets: values.secretValues)
        } catch {
            return refuse(because: "Not run: \(error.description). Give another value with set.", performance)
        }
        var request = CommandRequest(command: text, host: host(block.target), user: block.user,
                                     timeout: block.timeout, interactive: interactive,
                                     console: block.target == .console ? (item?.index ?? 0) + 1 : nil, sudoPassword: sudoPassword,
                                     stopsAtFirstFailure: block.kind == .run)
        request.isLessonCommand = true
        performance.stage = .running(offset)
        wait(.performing(performance), for: .run(request, showsOutput: !interactive))
    }

    mutating func commandFinished(_ offset: Int, result: CommandResult, _ performance: Performance) {
        if !result.output.isEmpty, !result.output.hasSuffix("\n") { write("\n") }
        if result.interrupted {
            setStatus(.pending)
            say("Interrupted (Ctrl-C): the command stopped before it finished. The step is not done, and not failed either: press Enter to run it again, or type show, skip or quit.", .yellow)
            return blockEnded(performance, failure: .interrupted)
        }
        guard result.succeeded else {
            let found = result.timedOut ? "stopped after \(Int(step.blocks[offset].timeout ?? 0)) s without finishing" : "exit status \(result.exitStatus)"
            let outcome = CheckOutcome.fail("command", expected: "exit status 0", found: found + ": " + OutputSummary.lastLines(result.output))
            setStatus(.failed)
            reportFailures([outcome])
            return blockEnded(performance, failure: .failed(outcome.found))
        }
        say(String(format: "  finished in %.1f s", result.duration), .dim)
        blockEnded(performance, failure: nil)
    }

    /// A command ended: the next one, or the performance's end. The lab's set-up goes on after a
    /// failure (only an unattended run stops there).
    mutating func blockEnded(_ performance: Performance, failure: PerformResult?) {
        var performance = performance
        if performance.origin.isLabSetUp, case .failed(let reason)? = failure, !mode.asksPerson {
            return end(.failed(step: step.id, reason: reason))
        }
        if let failure, !performance.origin.isLabSetUp { return performed(performance, result: failure) }
        performance.queue.advance()
        continueQueue(performance)
    }

    /// Where a performance's result goes (`PerformanceRoute`).
    mutating func performed(_ performance: Performance, result: PerformResult) {
        switch performance.origin.route(result, step: step.id, consolePlace: place(.console)) {
        case .labSceneReady(let request): labSceneReady(then: request)
        case .nextItem: itemEnded(.next)
        case .itemFailed(let reason): itemEnded(.end(.failed(step: step.id, reason: reason)))
        case .end(let outcome): end(outcome)
        case .prompt(let prompt): self.prompt(prompt)
        case .selfTestCommandFailed(let stage, let reason):
            selfTestChecked(stage, [CheckOutcome.fail("command", expected: "exit status 0", found: reason)], commandFailed: true)
        }
    }
}
