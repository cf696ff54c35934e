import ArgumentParser
import Foundation
import Lessons
import PracticeLab
import Wizard
import WizardSystem

/// `piwizard check LESSON`: runs the checks of a lesson's steps again, every node at once, and reports
/// each node: is what was set up still true?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a lesson's checks again, on every node at once, and report each node (runs no command).",
        discussion: """
        The inputs are the saved run's (else the defaults), then --lab, --vars and --var. Without --step, the \
        steps the saved run has done (all steps without a saved run). Exit status 0 when every check passes, 1 otherwise.
        """
    )

    @OptionGroup var options: LessonOptions
    @OptionGroup var state: StateOptions
    @Argument(help: "A lesson id or a path to a lesson .md file.") var lesson: String
    @Option(name: .customLong("step"), help: "Check only this step (repeatable).") var steps: [String] = []
    @Option(help: "How many nodes to ask at once.") var jobs = NodeFanOut.defaultJobs
    @OptionGroup var values: InputOptions
    @Flag(help: "Take the inputs from the practice lab (which must be up).") var lab = false
    @Flag(help: "Print the results as JSON (format: docs/json-output.md).") var json = false

    func run() throws {
        let loaded = try options.library.load(lesson)
        let lesson = loaded.lesson
        guard jobs >= 1 else { throw RuntimeFailure.tooFewJobs(jobs) }
        let saved = try state.store().load(lessonID: lesson.id)
        var sessionOptions = SessionOptions(localAddresses: LocalAddresses.current())
        sessionOptions.jobs = jobs
        var setUp = try SessionSetUp(loaded, given: values, saved: saved, options: sessionOptions)
        if lab { setUp.practise(in: try RunningLab.find(saved: saved)) }
        var inputs = try setUp.checkedInputs()
        let hosts = setUp.hosts
        // What the lesson detects (the master's network stack) and no one gave is detected, as a run does.
        let sources = setUp.sources
        let given = Set(sources.saved.keys).union(sources.lab.keys).union(sources.provided.keys)
        inputs.merge(InputDetection(lesson: lesson, runner: LiveCommandRunner(), hosts: hosts).missing(given: given, inputs: inputs)) { $1 }
        for id in steps where lesson.steps.first(where: { $0.id == id }) == nil {
            throw RuntimeFailure(message: "the lesson \(lesson.id) has no step '\(id)'\(Suggestion.didYouMean(id, in: lesson.steps.map(\.id)))", status: RuntimeFailure.Status.notFound)
        }
        let selected = lesson.steps.filter { step in
            guard !step.blocks(.check).isEmpty else { return false }
            if !steps.isEmpty { return steps.contains(step.id) }
            guard let saved else { return true }
            return saved.state.statuses[step.id]?.values.contains(.done) ?? false
        }
        let checker = StepChecker(lesson: lesson, assets: loaded.assetsFolder.path, inputs: inputs,
                                  hosts: hosts,
                                  runner: LiveCommandRunner(), options: setUp.options)
        let style = TextStyle(colour: Platform.useColour)
        var report = CheckReport(lesson: lesson.id)
        for step in selected {
            if let device = CardReaderStep.device(readBy: step, lesson: lesson, inputs: inputs), !CardReaderMedium.holdsCard(device) {
                report.skip(step, because: "no card in \(device); this step was about the card that was in it")
            } else {
                report.add(step, verdicts: checker.checkEveryItem(of: step))
            }
            if !json, let result = report.steps.last { Platform.show(CheckReport.text(result, style: style)) }
        }
        if json { print(JSONOutput.text(report)) } else { Platform.show(report.verdict) }
        if report.failed > 0 { throw ExitCode(1) }
    }
}
