import Lessons

/// `piwizard test` (`SessionMode.selfTest`): around each item of each step, the checks run before
/// the step and before the lab's part of it (they must fail), after it (they must pass; or fail, when the step has a solution, which then
/// runs and must make them pass), and after each drill (one must fail, with the drill's hint among those
/// shown) and its repair (they must pass again). Every result is recorded as a `SelfTestFinding`.
extension SessionTransition {
    /// The checks ran before the step: recorded, and the step runs whatever they said.
    mutating func selfTestBefore(_ outcomes: [CheckOutcome]) {
        let checks = step.blocks(.check)
        let passing = outcomes.indices.filter { outcomes[$0].passed }
        let stepAllows = step.checksMayPassBefore.map { values.holds($0, for: item) } ?? false
        let unexpected = stepAllows ? [] : passing.filter { $0 >= checks.count || !checks[$0].mayPassBefore }
        let detail: String
        if passing.isEmpty {
            detail = "every check failed before the step, as it must"
        } else if unexpected.isEmpty {
            detail = "checks passed before the step, which may-pass-before allows: " + Self.names(passing.map { outcomes[$0] })
        } else {
            detail = "a check passes before the step has run, so it proves nothing: " + unexpected.map { Self.describe(outcomes[$0]) }.joined(separator: "; ")
                + " (if that is right for this item, say so with may-pass-before)"
        }
        let place = unexpected.first.flatMap { $0 < checks.count ? Self.place(checks[$0]) : nil } ?? checksPlace
        recordFinding(.before, held: unexpected.isEmpty, detail: detail, place: place)
        if !unexpected.isEmpty { say("✗ self-test: a check passes before the step has run: \(Self.names(unexpected.map { outcomes[$0] }))", .red) }
        // Every check holds, as may-pass-before allows: the step is done already, so it does not run, as
        // in a session that looks first (unless it always runs); its drills still do.
        if unexpected.isEmpty, !outcomes.isEmpty, passing.count == outcomes.count, !step.runsAlways {
            say("✓ Its checks pass already: this looks done.", .green)
            recordFinding(.after, held: true, detail: "done already (its checks hold before it, which may-pass-before allows), so it does not run, as in a session", place: checksPlace)
            setStatus(.done)
            if !startDrill(0) { itemEnded(.next) }
            return
        }
        // Then the lab does the learner's part (a card into the reader, a Pi switched on), and the step runs.
        if !labSetUp.isEmpty { return setLabScene(then: nil) }
        perform(from: 0, origin: .unattended)
    }

    /// The step's commands ran and its checks with them: on to its solution when they failed and it has
    /// one, to its drills when they passed; otherwise the item ends as a session's would.
    /// Returns false when the session's own course goes on (no self-test, or nothing to add).
    mutating func selfTestAfter(_ outcomes: [CheckOutcome]) -> Bool {
        guard mode.provesChecks, !step.blocks(.check).isEmpty else { return false }
        let failing = outcomes.filter { !$0.passed }
        if !failing.isEmpty, let solve = step.blocks.firstIndex(where: { $0.kind == .solve }) {
            recordFinding(.after, held: true, detail: "the step fails on purpose, before its solution: " + Self.names(failing), place: checksPlace)
            startSelfTestBlocks([solve], stage: .solve)
            return true
        }
        recordFinding(.after, held: failing.isEmpty,
                      detail: failing.isEmpty ? "every check passed after the step" : "a check fails after the step ran: " + failing.map(Self.describe).joined(separator: "; "),
                      place: checksPlace)
        guard failing.isEmpty else { return false }
        return startDrill(0)
    }

    /// A self-test stage's checks ran (or its command failed: `outcomes` then holds that failure).
    mutating func selfTestChecked(_ stage: SelfTestStage, _ outcomes: [CheckOutcome], commandFailed: Bool = false) {
        let failing = outcomes.filter { !$0.passed }
        switch stage {
        case .solve:
            let place = step.blocks.first { $0.kind == .solve }.map(Self.place) ?? checksPlace
            recordFinding(.solve, held: failing.isEmpty && !commandFailed,
                          detail: failing.isEmpty ? "every check passed after the solution" : "the solution does not make the checks pass: " + failing.map(Self.describe).joined(separator: "; "),
                          place: place)
            guard failing.isEmpty, !commandFailed else { return itemEnded(.end(.failed(step: step.id, reason: "its solution does not make its checks pass"))) }
            setStatus(.done)
            if !startDrill(0) { itemEnded(.next) }
        case .drill(let index):
            let drill = drills[index]
            let named = drill.drillHint.flatMap { $0 <= step.hints.count ? step.hints[$0 - 1] : nil }
            let shown = named.map { hint in hints.contains(TemplateRenderer.preview(hint.text, context: values.templateContext(item, masked: true), quoting: .none)) } ?? false
            // A hint bound to checks explains the fault only when one of them caught it.
            let explains = named.map { hint in hint.checks.isEmpty || failing.contains { outcome in outcome.check.map(hint.checks.contains) ?? false } } ?? false
            let held = !commandFailed && !failing.isEmpty && shown && explains
            let detail: String
            if commandFailed {
                detail = "the drill's own command failed: " + failing.map(Self.describe).joined(separator: "; ")
            } else if failing.isEmpty {
                detail = "every check still passes after the drill: they do not catch its fault"
            } else if !shown || !explains {
                detail = "the checks caught it (\(Self.names(failing))), but hint \(drill.drillHint ?? 0) is not among the hints shown"
                    + (named.map { $0.checks.isEmpty ? "" : " (it explains \($0.checks.joined(separator: ", ")))" } ?? "")
            } else {
                detail = "caught by \(Self.names(failing)); hint \(drill.drillHint ?? 0) shown"
            }
            recordFinding(.drill, drill: index + 1, held: held, detail: detail, place: Self.place(drill))
            let repair = drillOffsets[index] + 1 < step.blocks.count && step.blocks[drillOffsets[index] + 1].kind == .repair
                ? [drillOffsets[index] + 1] : learnerQueue
            startSelfTestBlocks(repair, stage: .repair(index))
        case .repair(let index):
            recordFinding(.repair, drill: index + 1, held: failing.isEmpty && !commandFailed,
                          detail: failing.isEmpty && !commandFailed ? "every check passes again" : "the checks do not pass after the repair: " + failing.map(Self.describe).joined(separator: "; "),
                          place: Self.place(drills[index]))
            guard failing.isEmpty, !commandFailed else { return itemEnded(.end(.failed(step: step.id, reason: "its drill \(index + 1) was not repaired"))) }
            setStatus(.done)
            if !startDrill(index + 1) { itemEnded(.next) }
        }
    }

    /// Starts the step's first drill from `index` that applies to the item (`when=`); false when
    /// there is none left.
    private mutating func startDrill(_ index: Int) -> Bool {
        guard let next = drillOffsets.indices.dropFirst(index).first(where: { drills[$0].condition.map { values.holds($0, for: item) } ?? true }) else { return false }
        startSelfTestBlocks([drillOffsets[next]], stage: .drill(next))
        return true
    }

    /// Runs these blocks, then the step's checks, for a self-test stage.
    private mutating func startSelfTestBlocks(_ queue: [Int], stage: SelfTestStage) {
        let performance = Performance(origin: .selfTest(stage), queue: BlockQueue(queue), stage: .checks)
        continueQueue(performance)
    }

    private var drillOffsets: [Int] { step.blocks.indices.filter { step.blocks[$0].kind == .drill } }
    private var drills: [Block] { drillOffsets.map { step.blocks[$0] } }

    /// The step's own commands, as a session runs them (a repair for a drill without one).
    private var learnerQueue: [Int] {
        step.blocks.indices.filter { isCommand(step.blocks[$0]) && !labSetUp.contains($0) }
    }

    private var checksPlace: String { step.blocks.first { $0.kind == .check }.map(Self.place) ?? Self.place(step.location) }

    private mutating func recordFinding(_ phase: SelfTestFinding.Phase, drill: Int? = nil, held: Bool, detail: String, place: String) {
        effects.append(.record(.selfTest(SelfTestFinding(step: step.id, item: item?.label ?? "", phase: phase, drill: drill, held: held, detail: detail, place: place))))
    }

    private static func place(_ block: Block) -> String { place(block.location) }
    private static func place(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }
    private static func names(_ outcomes: [CheckOutcome]) -> String { outcomes.map(\.title).joined(separator: ", ") }
    private static func describe(_ outcome: CheckOutcome) -> String { "\(outcome.title): expected \(outcome.expected), found \(outcome.found)" }
}
