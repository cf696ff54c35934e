import ArgumentParser
import Foundation
import Lessons
import PracticeLab
import Wizard
import WizardSystem

/// The options of a live session, shared by `start` and `resume`.
struct SessionArguments: ParsableArguments {
    @OptionGroup var state: StateOptions
    @Flag(name: [.customShort("y"), .long], help: "Run unattended: every step that can run without a person, with default or given inputs.")
    var yes = false
    @OptionGroup var values: InputOptions
    @Option(name: .customLong("confirm-device"), help: ArgumentHelp("Allow destructive commands on this device when unattended (repeatable).", valueName: "device"))
    var confirmedDevices: [String] = []
    @Option(name: .customLong("allow-destructive"), help: ArgumentHelp("Allow this step's destructive commands that name no device when unattended (repeatable).", valueName: "step"))
    var allowedDestructiveSteps: [String] = []
    @Option(help: "Wrap to this many columns (default: the terminal's width).") var width: Int?
    @Option(help: "How many nodes a check asks at once.") var jobs = NodeFanOut.defaultJobs
    @Flag(help: "Practise in the practice lab (root, Linux): bring it up if needed, take the nodes from it, let it do what needs hands.")
    var lab = false
    @Option(name: .customLong("lab-nodes"), help: "With --lab: how many nodes a new lab gets (default 4); a lab that is up with fewer grows.") var labNodes: Int?
    @Option(name: .customLong("lab-os"), help: "With --lab: the release a new lab's nodes run (trixie, bookworm, bullseye, legacy; default: $PIWIZARD_LAB_OS, else trixie).")
    var labOS: String?

    func run(_ loaded: LoadedLesson, resume: LiveSession.ResumeChoice) throws {
        guard jobs >= 1 else { throw RuntimeFailure.tooFewJobs(jobs) }
        for id in allowedDestructiveSteps where loaded.lesson.step(withID: id) == nil {
            throw RuntimeFailure.unknownStep(id, option: "--allow-destructive", in: loaded.lesson)
        }
        let inlineSecret = InlineSecret(lesson: loaded.lesson)
        let terminal = TerminalFactory.makeTerminal(historyFile: StateDirectory.historyFile(in: state.url), keepable: inlineSecret.keepable)
        var options = SessionOptions(
            unattended: yes, confirmedDevices: Set(confirmedDevices), localAddresses: LocalAddresses.current(),
            style: TextStyle(colour: terminal.isInteractive && Platform.useColour), width: width ?? Platform.terminalWidth
        )
        options.jobs = jobs
        options.allowedDestructiveSteps = Set(allowedDestructiveSteps)
        var setUp = try SessionSetUp(loaded, given: values, options: options)
        for note in RemotePathWarning.notes(for: setUp.sources.provided, lesson: loaded.lesson, home: Platform.environment["HOME"]) {
            Platform.writeError("piwizard: note: " + note)
        }
        // A resumed run goes on in the lab it was started in.
        let savedLab = resume == .resume ? try state.store().load(lessonID: loaded.lesson.id)?.state.practiceLab : nil
        if lab || savedLab != nil {
            let name = LabChoice.name(environment: Platform.environment, saved: savedLab)
            // A list given with more nodes than the lab has grows the lab: the new ones are new Pis.
            let listed = loaded.lesson.hostList.flatMap { setUp.sources.provided[$0.name]?.records?.count } ?? 0
            let (lab, wasUp) = try LabChoice.sessionLab(name: name, environment: Platform.environment, nodes: labNodes ?? 4,
                                                        atLeast: max(labNodes ?? 0, listed),
                                               flavour: { try LabFlavourOption.resolve(labOS, fallback: .defaultFlavour) },
                                               piwizard: Platform.executablePath, progress: { Platform.writeError($0) })
            // The learner sees the lab they practise in, made now or found up.
            Platform.show((wasUp ? "The practice lab '\(name)' is up, as it was left" : "The practice lab '\(name)' is up, made now")
                  + ": its nodes run \(lab.flavour): \(lab.flavour.release).")
            Platform.show(LabStatus.table(lab) + "\n")
            setUp.practise(in: lab, learnerTypesSecrets: !yes && TerminalFactory.standardStreamsAreTerminals)
        }
        let (outcome, transcript) = try setUp.session(stateFolder: state.url, resume: resume).run(on: terminal, runner: setUp.runner)
        switch outcome {
        case .finished: break
        case .quit: terminal.write(ScreenWrap.fit(outcome.message + " Continue with: \(Platform.commandName) resume \(loaded.lesson.id)", width: options.width) + "\n")
        case .cannotSave: Platform.writeError("piwizard: " + outcome.message + " Continue with: \(Platform.commandName) resume \(loaded.lesson.id)")
        default: Platform.writeError("piwizard: " + outcome.message)
        }
        Platform.writeError("transcript: \(transcript.path)")
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }
}
