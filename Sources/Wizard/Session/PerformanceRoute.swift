/// Where the result of a run of a step's blocks goes, decided by who started the run (its `Origin`)
/// alone: a table with one row per origin, kept out of the transition so that it reads, and is tested,
/// as one.
enum PerformanceRoute: Sendable, Equatable {
    /// The lab has set the scene: the learner's waiting command goes on, if any.
    case labSceneReady(LabSceneRequest?)
    /// The item is over: on to the next item (`done`), or its failure ends it.
    case nextItem
    case itemFailed(String)
    /// The session ends.
    case end(SessionOutcome)
    /// Back to the prompt.
    case prompt(PromptState)
    /// A self-test stage's own command failed: recorded as the stage's finding.
    case selfTestCommandFailed(SelfTestStage, reason: String)
}

extension Performance.Origin {
    /// Where `result` goes for step `step`. `consolePlace` names where hand-typed blocks are typed (for
    /// an unattended run that meets them).
    func route(_ result: PerformResult, step: String, consolePlace: String) -> PerformanceRoute {
        switch self {
        case .labSetUp(let request):
            return .labSceneReady(request)
        case .unattended:
            switch result {
            case .done: return .nextItem
            case .failed(let reason): return .itemFailed(reason)
            case .waitingForHands: return .end(.needsHands(step: step, reason: "it has commands to type by hand (\(consolePlace))"))
            case .refused(let reason): return .end(.needsHands(step: step, reason: reason))
            case .interrupted: return .end(.quit(step: step))
            }
        case .prompt(let prompt):
            switch result {
            case .done: return .nextItem
            case .failed, .refused, .interrupted: return .prompt(prompt)
            case .waitingForHands(let next): return .prompt(PromptState(resumeAt: next, shownOnly: prompt.shownOnly))
            }
        case .edit(let prompt):
            return result == .done ? .nextItem : .prompt(prompt)
        case .selfTest(let stage):
            switch result {
            case .done: return .nextItem
            case .failed(let reason), .refused(let reason): return .selfTestCommandFailed(stage, reason: reason)
            case .waitingForHands: return .end(.needsHands(step: step, reason: "its self-test has commands to type by hand (\(consolePlace))"))
            case .interrupted: return .end(.quit(step: step))
            }
        }
    }
}
