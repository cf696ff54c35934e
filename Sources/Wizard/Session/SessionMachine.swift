import Lessons

/// The session as a state machine: `transition` takes the state and one event and gives the new state
/// (in place) and the effects to perform, and does nothing else — no terminal, no command, no clock.
/// `WizardSession` is the small loop that performs the effects and feeds the answers back as events.
public struct SessionMachine: Sendable {
    public let loaded: LoadedLesson
    public let options: SessionOptions
    /// Whether a person is at the terminal (commands then get a terminal of their own and show their
    /// output themselves).
    public let interactiveTerminal: Bool
    /// Who answers where a person would (`SessionMode`), decided once from the options.
    public let mode: SessionMode
    /// The lesson's steps with a condition (`Lesson.conditionalSteps`), found once: a step's number
    /// and the count of steps then cost those, not the whole lesson.
    let conditionalSteps: [Int]
    let hosts: HostResolver
    /// The practice lab's part in the session (nil outside the lab).
    let lab: SessionLab?
    let presenter: SessionPresenter

    public init(loaded: LoadedLesson, options: SessionOptions, interactiveTerminal: Bool) {
        self.loaded = loaded
        self.options = options
        self.interactiveTerminal = interactiveTerminal
        self.mode = SessionMode(options)
        self.conditionalSteps = loaded.lesson.conditionalSteps
        self.hosts = HostResolver(lesson: loaded.lesson, localAddresses: options.localAddresses)
        self.lab = options.practiceLab ? SessionLab() : nil
        self.presenter = SessionPresenter(lesson: loaded.lesson, style: options.style, width: options.width)
    }

    /// The state after `event`, in place, and what to do. The state is changed in place (not copied)
    /// so that a step costs what it changes, not the size of the lesson.
    public func transition(_ state: inout MachineState, _ event: SessionEvent) -> [SessionEffect] {
        var transition = SessionTransition(machine: self, state: MachineState(session: SessionState()))
        swap(&transition.state, &state)
        transition.handle(event)
        swap(&transition.state, &state)
        return transition.effects
    }
}

/// One transition in the making: the state being changed and the effects so far. Its parts are in the
/// `SessionTransition+…` files: steps and items, the prompt, running blocks and checks.
struct SessionTransition {
    let machine: SessionMachine
    var state: MachineState
    var effects: [SessionEffect] = []

    var lesson: Lesson { machine.loaded.lesson }
    var options: SessionOptions { machine.options }
    var mode: SessionMode { machine.mode }
    var lab: SessionLab? { machine.lab }
    var style: TextStyle { options.style }
    var presenter: SessionPresenter { machine.presenter }
    var step: Step { lesson.steps[state.session.stepIndex] }
    var item: LoopItem? { state.item }
    var values: StepValues { StepValues(lesson: lesson, assets: machine.loaded.assetsFolder.path, inputs: state.session.inputs) }

    mutating func handle(_ event: SessionEvent) {
        switch (state.phase, event) {
        case (.notStarted, .begin): begin()
        case (.askingInput(let name, let remaining), .answered(let value)): answeredInput(name, value: value, remaining: remaining)
        case (.detectingField(let field), .answered(let value)): detectedField(field, value: value?.text)
        case (.checkingIfDone, .checked(let outcomes)): checkedIfDone(outcomes)
        case (.checkingOthersIfDone(let pending, let found), .checked(let outcomes)): checkedOtherIfDone(outcomes, pending: pending, found: found)
        case (.confirmingDone(let others), _): confirmedDone(event, also: others)
        case (.prompt(let prompt), _): promptAnswered(event, prompt: prompt)
        case (.editing(let block, let prompt), _): edited(block, event: event, prompt: prompt)
        case (.settingInput(let name, let prompt), .answered(let value)): setAnswered(name, value: value, prompt: prompt)
        case (.watching(let watch), _): watched(watch, event: event)
        case (.performing(let performance), _): performed(performance, event: event)
        default:
            // An event the phase does not wait for is a bug in the loop that feeds events.
            preconditionFailure("session event \(event) in phase \(state.phase)")
        }
    }

    // MARK: Effects

    mutating func write(_ text: String) { effects.append(.write(text)) }

    /// Shows one line in a style; a value's control characters in it are shown, not sent.
    mutating func say(_ text: String, _ attributes: TextStyle.Attributes = []) {
        effects.append(.write(style.apply(attributes, to: VisibleText.of(text, keepsLayout: true)) + "\n"))
    }

    /// Waits in `phase` for the answer to `effect`.
    mutating func wait(_ phase: SessionPhase, for effect: SessionEffect) {
        state.phase = phase
        effects.append(effect)
    }

    mutating func end(_ outcome: SessionOutcome) {
        state.phase = .ended
        effects.append(.end(outcome))
    }

    /// Applies a change to the saved state: records the status and input changes as transcript events and
    /// asks for the change to be saved; costs what changed, not the size of the lesson.
    mutating func update(_ change: (inout SessionState) -> Void) {
        let oldInputs = state.session.inputs
        change(&state.session)
        var changes = state.session.takeChanges()
        if changes.inputs, state.session.inputs == oldInputs { changes.inputs = false }
        guard !changes.isEmpty else { return }
        if changes.inputs {
            // Every command of the item at hand uses the inputs as they are now.
            refreshItems()
            for input in lesson.inputs where state.session.inputs[input.name] != oldInputs[input.name] {
                if let value = state.session.inputs[input.name], !value.isSecret { effects.append(.record(.inputValue(name: input.name, value: value))) }
            }
        }
        for key in changes.statuses.sorted() {
            if let status = state.session.statuses[key.step]?[key.item] { effects.append(.record(.status(step: key.step, item: key.item, status: status))) }
        }
        effects.append(.save(changes))
    }

    mutating func setStatus(_ status: StepStatus) {
        let (id, key) = (step.id, state.itemKey)
        update { $0.setStatus(status, step: id, item: key) }
    }
}
