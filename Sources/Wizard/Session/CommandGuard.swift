import Lessons

/// The safeguards before one command block runs, as a machine of its own: the files it writes
/// (`WriteGuard`: never a card), then a destructive command's device (`DestructiveGuard`: never the
/// system disk, never mounted, never read from while written, its name typed to confirm). `start` and
/// `answered` give the next move; the session only follows it (shows its text, waits, runs or refuses).
struct CommandGuard {
    /// What the guard waits for, between its looks and questions.
    enum Stage: Sendable, Equatable {
        /// Where the files the command writes lie (`.commandFinished`).
        case checkingWrites(files: [WriteGuard.Target], devices: [WriteGuard.Target])
        /// The disk report before a destructive command on `device` (`.commandFinished`).
        case inspecting(device: String)
        /// Where a link to `device` points (`.commandFinished`).
        case resolving(device: String, report: BlockDeviceReport?)
        /// Where the command's other files lie (`.commandFinished`): never on the device it writes over.
        case locating(device: String, report: BlockDeviceReport?, resolved: DestructiveGuard.Resolved?, sources: [String])
        /// The device name typed to confirm (a line).
        case confirmingDevice(device: String)
        /// "This command is destructive. Run it?" (a line), for a step that names no device.
        case confirmingDestructive
    }

    /// Where the guard goes next.
    enum Next: Sendable, Equatable {
        /// Wait in `stage` for the answer to `effect`.
        case wait(Stage, for: SessionEffect)
        /// The command may run.
        case cleared
        /// The command must not run, and why.
        case refused(String)
    }

    /// One move: what to show first (finished lines), then where to go.
    struct Move: Sendable, Equatable {
        var text: [String] = []
        var next: Next
    }

    let block: Block
    let step: Step
    let lesson: Lesson
    let values: StepValues
    let item: LoopItem?
    /// Where the block runs (nil: here); the guard's looks run there too.
    let host: RemoteHost?
    let mode: SessionMode
    let options: SessionOptions

    private var style: TextStyle { options.style }

    /// The first move: the files the command writes, then its device.
    func start() -> Move {
        let targets = WriteGuard.targets(of: block, in: step, lesson: lesson, values: values, item: item)
        guard targets.files.isEmpty else {
            return Move(next: .wait(.checkingWrites(files: targets.files, devices: targets.devices),
                                    for: .run(WriteGuard.probe(files: targets.files, devices: targets.devices, host: host), showsOutput: false)))
        }
        return guardDevice()
    }

    /// The move after the answer to the stage's look or question.
    func answered(_ stage: Stage, _ event: SessionEvent) -> Move {
        switch stage {
        case .checkingWrites(let files, let devices):
            if let refusal = WriteGuard.verdict(output: event.finishedCommand?.output ?? "", files: files, devices: devices) {
                return Move(next: .refused(refusal))
            }
            return guardDevice()
        case .inspecting(let device):
            let report = event.finishedCommand.flatMap { try? BlockDeviceReport(json: $0.output) }
            return Move(next: .wait(.resolving(device: device, report: report), for: .run(DestructiveGuard.resolving(device, host: host), showsOutput: false)))
        case .resolving(let device, let report):
            return resolved(device, report: report, resolved: DestructiveGuard.resolved(from: event.finishedCommand))
        case .locating(let device, let report, let resolved, let sources):
            let places = event.finishedCommand.map { DestructiveGuard.places(in: $0.output, count: sources.count) } ?? []
            if let refusal = DestructiveGuard.overlap(sources: sources, places: places, device: device, resolved: resolved, report: report) {
                return Move(next: .refused(refusal))
            }
            return inspected(device, report: report, resolved: resolved)
        case .confirmingDevice(let device):
            var typed: String?
            if case .line(let line) = event { typed = line }
            return DestructiveGuard.typedConfirmation(typed, device: device).map { Move(next: .refused($0)) } ?? Move(next: .cleared)
        case .confirmingDestructive:
            switch YesNo.answer(event, default: false) {
            case .unclear: return Move(text: ["Please answer y or n.\n"], next: .wait(.confirmingDestructive, for: destructiveQuestion))
            case .yes: return Move(next: .cleared)
            case .no, .none: return Move(next: .refused("Not confirmed; this command was not run."))
            }
        }
    }

    /// A destructive command's device: inspected when the step names one; else allowed, asked or refused.
    private func guardDevice() -> Move {
        guard block.destructive else { return Move(next: .cleared) }
        guard let device = DestructiveGuard.device(of: step, context: values.templateContext(item)) else {
            // `piwizard test` runs the lesson's own destructive commands; one on a device is guarded below.
            if mode.runsDestructiveWithoutDevice || options.allowedDestructiveSteps.contains(step.id) { return Move(next: .cleared) }
            if !mode.asksPerson {
                return Move(next: .refused("a destructive command runs unattended only when allowed: --allow-destructive \(step.id)"))
            }
            return Move(next: .wait(.confirmingDestructive, for: destructiveQuestion))
        }
        return Move(next: .wait(.inspecting(device: device), for: .run(CommandRequest(command: BlockDeviceReport.command, host: host), showsOutput: false)))
    }

    /// Where the device's link points is known: refused, or on to the command's other files.
    private func resolved(_ device: String, report: BlockDeviceReport?, resolved: DestructiveGuard.Resolved?) -> Move {
        if let refusal = DestructiveGuard.verdict(device: device, report: report, resolved: resolved).refusal {
            return Move(next: .refused(refusal))
        }
        let sources = DestructiveGuard.sources(of: step, block: block, lesson: lesson, context: values.templateContext(item))
        guard !sources.isEmpty else { return inspected(device, report: report, resolved: resolved) }
        return Move(next: .wait(.locating(device: device, report: report, resolved: resolved, sources: sources),
                                for: .run(DestructiveGuard.locating(sources, host: host), showsOutput: false)))
    }

    /// The device passed the refusals: said what it holds, then confirmed unattended, or asked.
    private func inspected(_ device: String, report: BlockDeviceReport?, resolved: DestructiveGuard.Resolved?) -> Move {
        let description = DestructiveGuard.verdict(device: device, report: report, resolved: resolved,
                                                   standIn: options.standInDevices.contains(device) ? options.standInCards : nil).description
        let warning = style.apply([.bold, .red], to: "This destroys everything on \(device).") + "\n  " + description + "\n"
        if !mode.asksPerson {
            let refusal = options.confirmedDevices.contains(device) ? nil : "it writes over \(device); confirm with --confirm-device \(device)"
            return Move(text: [warning], next: refusal.map(Next.refused) ?? .cleared)
        }
        return Move(text: [warning], next: .wait(.confirmingDevice(device: device),
                                                 for: .confirm(prompt: "Type the device name (\(device)) to go on, anything else to stop: ")))
    }

    /// "This command is destructive. Run it?", for a command whose step names no device.
    private var destructiveQuestion: SessionEffect {
        .confirm(prompt: YesNo.prompt(style.apply([.bold, .red], to: "This command is destructive. Run it?"), default: false))
    }
}
