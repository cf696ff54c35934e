import Foundation
import Lessons

/// Walks a learner through a lesson: the loop that performs a `SessionMachine`'s effects through the
/// `Terminal` and the `CommandRunner` and feeds their answers back as events, until the session ends.
/// A scripted terminal and a fake runner drive it deterministically in tests; the transition function
/// itself is tested with events alone.
public final class WizardSession {
    public let loaded: LoadedLesson
    public let machine: SessionMachine
    private var machineState: MachineState
    /// Called after every change of `state` with what changed, to save progress. It returns why the
    /// change could not be saved, or nil; the session then stops at once (`SessionOutcome.cannotSave`),
    /// so nothing runs that saved progress would not know of.
    public var onStateChange: ((SessionState, StateChanges) -> String?)?
    /// Called with what a transcript records besides terminal and runner traffic: step markers, status
    /// changes, input values and check results.
    public var onEvent: ((TranscriptEvent) -> Void)?

    /// The terminal as the session speaks to it (fitted to the width); `commandScreen` is the terminal
    /// itself, where commands' output goes as they wrote it.
    let terminal: Terminal
    let commandScreen: Terminal
    let runner: CommandRunner
    let options: SessionOptions

    /// What is saved: inputs, position, statuses, edits.
    public var state: SessionState { machineState.session }

    public init(loaded: LoadedLesson, terminal: Terminal, runner: CommandRunner, options: SessionOptions, state: SessionState = SessionState()) {
        self.loaded = loaded
        self.terminal = FittingTerminal(terminal, width: options.width)
        self.commandScreen = terminal
        self.runner = runner
        self.options = options
        self.machine = SessionMachine(loaded: loaded, options: options, interactiveTerminal: terminal.isInteractive)
        self.machineState = MachineState(session: state)
    }

    /// Runs the session until the lesson is finished, the learner quits, or (unattended) a step cannot go on.
    public func run() -> SessionOutcome {
        var event = SessionEvent.begin
        while true {
            var answer: SessionEvent?
            for effect in machine.transition(&machineState, event) {
                if case .end(let outcome) = effect { return outcome }
                if case .save(let changes) = effect, let reason = onStateChange?(machineState.session, changes) {
                    let steps = loaded.lesson.steps
                    return .cannotSave(step: steps[min(state.stepIndex, steps.count - 1)].id, reason: reason)
                }
                answer = perform(effect) ?? answer
            }
            guard let answer else { preconditionFailure("the session waits for nothing in \(machineState.phase)") }
            event = answer
        }
    }

    /// Performs one effect; the event it answers with, if it waits for one.
    private func perform(_ effect: SessionEffect) -> SessionEvent? {
        switch effect {
        case .write(let text):
            terminal.write(text)
        case .setCompletions(let words):
            terminal.setCompletions(words)
        case .record(let event):
            onEvent?(event)
        case .save:
            break   // saved in `run`, which stops when it cannot be
        case .readLine(let prompt, let prefill):
            guard let line = terminal.readLine(prompt: prompt, prefill: prefill) else { return .endOfInput }
            return terminal.lastReadWasInterrupted ? .interrupted : .line(line)
        case .confirm(let prompt):
            guard let line = terminal.readConfirmation(prompt: prompt) else { return .endOfInput }
            return terminal.lastReadWasInterrupted ? .interrupted : .line(line)
        case .run(let request, let showsOutput):
            do {
                let sink = OutputSink(terminal: commandScreen, shows: showsOutput, onScreen: showsOutput || request.interactive)
                defer { sink.finish() }
                return .commandFinished(try runner.run(request, output: sink.write))
            } catch {
                return .commandFailed("\(error)")
            }
        case .check(let blocks, let item, let patient):
            guard !patient, terminal.isInteractive else { return .checked(check(blocks, item: item, patient: patient)) }
            // "Done already?" can take seconds (a node that does not answer): the learner sees why the
            // screen waits, and the line is gone when the answer comes.
            let line = "  Looking whether this is done already" + (item.map { " on " + VisibleText.of($0.label) } ?? "") + "…"
            // One row, so that the return to its start and the erase take it all.
            terminal.write(options.style.apply([.dim], to: line.count < options.width ? line : "  Looking whether this is done already…"))
            defer { terminal.write("\r\u{1B}[K") }
            // Keys typed meanwhile are not echoed over it (the prompt shows them), so the erase takes it all.
            return .checked(terminal.typingUnseen { check(blocks, item: item, patient: false) })
        case .look(let blocks, let item):
            return .checked(terminal.holdingKeys { check(blocks, item: item, patient: false, watched: true) })
        case .ask(let input):
            return .answered(dialog.ask(input, inputs: state.inputs))
        case .detectInput(let input):
            return .answered(dialog.detectUnattended(input, inputs: state.inputs))
        case .detect(let field, let item, let list):
            return .answered(dialog.detect(field, of: item, list: list, inputs: state.inputs).map(InputValue.text))
        case .waitForKey(let seconds):
            return .waited(terminal.waitForKey(seconds: seconds))
        case .end:
            break
        }
        return nil
    }

    /// The outcomes of the blocks that apply to the item, each recorded.
    private func check(_ blocks: [Block], item: LoopItem?, patient: Bool, watched: Bool = false) -> [CheckOutcome] {
        var checker = StepChecker(lesson: loaded.lesson, assets: loaded.assetsFolder.path, inputs: state.inputs,
                                  hosts: machine.hosts, runner: runner, options: options)
        checker.patient = patient
        let values = StepValues(lesson: loaded.lesson, assets: loaded.assetsFolder.path, inputs: state.inputs)
        return blocks.filter { values.applies($0, to: item) }.map { block in
            var outcome = checker.check(block, item: item)
            if !patient { outcome.lookup = true }  // "is the step done already?" before it runs, or a watch's look
            if watched { outcome.watched = true }
            onEvent?(.check(outcome))
            return outcome
        }
    }

    private var dialog: InputDialog {
        InputDialog(lesson: loaded.lesson, terminal: terminal, runner: runner, options: options, hosts: machine.hosts)
    }
}
