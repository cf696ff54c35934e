import Lessons

/// Watching a step's checks while the learner works by hand elsewhere (a `{show watch}` block, or
/// `watch` at the prompt): the checks are looked at, their states drawn on one line, then the session
/// waits a few seconds for a key, and looks again. Once they all pass the step is checked as `done`
/// would check it, and the session goes on by itself. A key ends the watch (it is the prompt's first key:
/// `done`, `hint`, … still work); Ctrl-C ends it too. No clock here: the terminal's wait is an event.
extension SessionTransition {
    /// Whether a watch can run: a person is at the terminal (unattended runs and self-tests do not wait).
    var canWatch: Bool { machine.interactiveTerminal && mode.asksPerson }

    /// How often the item's `{show watch}` block looks at the checks; nil when it has none.
    var watchSeconds: Int? {
        step.blocks.first { $0.kind == .show && $0.watchSeconds != nil && values.applies($0, to: item) }?.watchSeconds
    }

    /// The checks a watch looks at: the step's checks that apply to the item.
    private var watchedChecks: [Block] { step.blocks(.check).filter { values.applies($0, to: item) } }

    /// Starts watching, or says why it cannot and goes back to the prompt.
    mutating func startWatching(_ prompt: PromptState, seconds: Int) {
        let count = watchedChecks.count
        guard count > 0 else {
            say("This step has no checks to watch: type done when you have done it.", .yellow)
            return self.prompt(prompt)
        }
        guard canWatch else { return self.prompt(prompt) }
        let what = count == 1 ? "its check" : "its \(count) checks"
        say("Watching: piwizard looks at \(what) every \(seconds) s and goes on by itself when \(count == 1 ? "it passes" : "they pass"). Type a command (done, hint, …) or press Ctrl-C to stop watching.", .dim)
        look(WatchState(prompt: prompt, seconds: seconds))
    }

    /// One look at the checks (as "is it done already?" looks: not waiting for what they check).
    private mutating func look(_ watch: WatchState) {
        wait(.watching(watch), for: .look(step.blocks(.check), item: item))
    }

    /// What a look or a wait led to.
    mutating func watched(_ watch: WatchState, event: SessionEvent) {
        var watch = watch
        switch event {
        case .checked(let outcomes):
            watch.looks += 1
            if outcomes.allSatisfy(\.passed) {
                write("\n")
                say("It looks done: checking it.", .dim)
                // As `done` would: the step's commands after the hand-typed ones, if any, then its checks.
                var prompt = watch.prompt
                prompt.resumeAt = nil
                return perform(from: watch.prompt.resumeAt ?? step.blocks.count, origin: .prompt(prompt))
            }
            write(presenter.watchLine(outcomes, look: watch.looks, seconds: watch.seconds))
            wait(.watching(watch), for: .waitForKey(seconds: watch.seconds))
        case .waited(.timedOut):
            look(watch)
        case .waited(.keyPressed):
            write("\n")
            prompt(watch.prompt)
        case .waited(.interrupted):
            write("\n")
            say("Stopped watching. Type done when you have done it, or watch to watch again.", .dim)
            prompt(watch.prompt)
        case .waited(.endOfInput), .endOfInput:
            write("\n")
            end(.quit(step: step.id))
        default:
            preconditionFailure("session event \(event) while watching")
        }
    }
}
