import Lessons

/// A value set at the prompt (`set`) may change what steps already done would do (a node added to the
/// list changes every node's `/etc/hosts`; a node's new address, every step that reaches it): those
/// items are pending again, said at once (`ChangedWork`), and before the lesson ends the session comes
/// back to every step that is open again, a new node's part of the steps before this one included.
/// So a run never ends with work its values no longer match.
extension SessionTransition {
    /// Reopens the settled items whose work changed since `before`, and says which.
    mutating func reopenChangedWork(before: [String: InputValue]) {
        let work = ChangedWork(lesson: lesson, assets: values.assets, state: state.session, before: before, after: state.session.inputs)
        guard !work.isEmpty else { return }
        update { $0 = work.applied(to: $0) }
        say("With this value these steps you did do something new, and come again before the end: \(work.described.joined(separator: "; ")).", .yellow)
    }

    /// At the end of the lesson: the first step that is open again (a value set since it was done), nil
    /// when none. The self-test walks the lesson once, as written.
    var stepOpenAgain: Int? {
        guard mode.reopensChangedWork else { return nil }
        let index = SavedRun.resumeIndex(of: state.session, in: lesson, values: values)
        return index < lesson.steps.count ? index : nil
    }
}
