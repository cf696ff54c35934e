import Foundation
import Lessons
import Wizard

/// Where a session starts: a fresh run, or the saved one going on. An unfinished run resumes (asked
/// at a terminal). A finished run goes on only when values changed since (a node added to the list, an
/// address changed): then what the new values change is done again and nothing else (`ChangedWork`);
/// with the same values, `start` starts over.
extension LiveSession {
    /// The state the session starts from, with the lines that say so (written once the given values are
    /// known to fit it).
    func startingState(_ existing: SavedRun?, terminal: Terminal) -> (SessionState, [String]) {
        let lesson = loaded.lesson
        let fresh = (SessionState(inputs: sources.merged()), [String]())
        guard let saved = existing else { return fresh }
        var (state, changedSteps) = saved.resumableState(for: lesson)
        let inputs = sources.with(saved: state.inputs).merged()
        let work = ChangedWork(lesson: lesson, assets: loaded.assetsFolder.path, state: state, before: state.inputs, after: inputs)
        guard goesOn(saved, changedInputs: work.inputs, terminal: terminal) else { return fresh }
        state = work.applied(to: state)
        state.inputs = inputs
        let values = StepValues(lesson: lesson, assets: loaded.assetsFolder.path, inputs: inputs)
        state.stepIndex = SavedRun.resumeIndex(of: state, in: lesson, values: values)
        var lines: [String]
        if saved.finished {
            let new = work.inputs.isEmpty ? "no value is new" : "these values are new: \(work.inputs.joined(separator: ", "))"
            lines = ["Going on from the run you finished \(Self.describe(saved.updatedAt)); \(new).\n"]
        } else {
            let position = values.position(ofStep: min(state.stepIndex, max(lesson.steps.count - 1, 0)))
            lines = ["Resuming at step \(position.number) of \(position.total) (saved \(Self.describe(saved.updatedAt))).\n"]
        }
        if !changedSteps.isEmpty {
            lines.append("These steps changed since you did them and will be checked again: \(changedSteps.joined(separator: ", ")).\n")
        }
        if !work.isEmpty {
            lines.append("With the new values of \(work.inputs.joined(separator: ", ")) these steps do something new, and are looked at again: \(work.described.joined(separator: "; ")).\n")
        } else if saved.finished, !work.inputs.isEmpty {
            lines.append("Nothing that was done changes with them.\n")
        }
        return (state, lines)
    }

    /// Whether the saved run goes on (else a fresh one starts).
    private func goesOn(_ saved: SavedRun, changedInputs: [String], terminal: Terminal) -> Bool {
        switch resume {
        case .startOver: return false
        case .resume: return true
        case .ask where saved.finished:
            // The same values again: the learner does the lesson again. New ones: the run grows.
            guard !changedInputs.isEmpty else { return false }
            let question = "You finished this lesson \(Self.describe(saved.updatedAt)); these values are new: \(changedInputs.joined(separator: ", ")). Go on from it, doing again only what they change?"
            return ask(question, terminal: terminal)
        case .ask:
            let total = loaded.lesson.steps.count
            return ask("You have an unfinished run of this lesson (at step \(min(saved.state.stepIndex + 1, total)) of \(total), saved \(Self.describe(saved.updatedAt))). Resume it?",
                       terminal: terminal)
        }
    }

    /// A yes/no question (yes when unattended or not at a terminal).
    private func ask(_ question: String, terminal: Terminal) -> Bool {
        guard terminal.isInteractive, !options.unattended else { return true }
        while true {
            // Ctrl-C here is no answer (it must not throw the saved run away): ask again.
            let line = terminal.readLine(prompt: YesNo.prompt(ScreenWrap.fit(question, width: options.width), default: true), prefill: nil)
            if terminal.lastReadWasInterrupted { terminal.write("\n"); continue }
            switch YesNo.answer(line.map(SessionEvent.line) ?? .endOfInput, default: true) {
            case .yes, .none: return true
            case .no: return false
            case .unclear: terminal.write("Please answer y or n.\n")
            }
        }
    }

    static func describe(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
