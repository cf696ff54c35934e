import ArgumentParser
import Foundation
import Lessons
import PracticeLab
import Wizard
import WizardSystem

/// `piwizard test LESSON`: the lesson proves itself. It runs unattended from a fresh start (with
/// `--lab`, in a fresh practice lab of each flavour named) and, for every step and loop item, its
/// checks must fail before the step, pass after it, catch each drill's fault and pass again once it is
/// repaired (`SessionOptions.selfTest`); then a report, and exit 1 when anything did not hold.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Prove a lesson: every check fails before its step, passes after it, and catches the faults its drills make.",
        discussion: """
        Runs the lesson unattended from a fresh start, with its defaults and --var values, and every command \
        for real, the destructive ones too (one on a device only with --confirm-device, or in the lab's \
        reader). With --lab, in a fresh practice lab for each --os flavour (default: every flavour), named \
        by PIWIZARD_LAB (default pwtest) on PIWIZARD_LAB_SUBNET; a lab already up under that name is \
        refused, not replaced. --keep-lab leaves the lab of the one flavour named up for a look (and its \
        finished cluster for more tests). Exit status: 0 everything held, 1 something did not (each named with file:line), \
        65 the lesson has lint errors.
        """
    )

    @OptionGroup var options: LessonOptions
    @Argument(help: "A lesson id or a path to a lesson .md file.") var lesson: String
    @Flag(help: "Run it in the practice lab (needs root).") var lab = false
    @Option(name: .customLong("os"), help: ArgumentHelp("A lab flavour to test in (repeatable; default: every flavour).", valueName: "flavour"))
    var flavours: [String] = []
    @Option(name: .customLong("lab-nodes"), help: "Nodes in each lab (2-8).") var labNodes = 4
    @Flag(help: "Leave the lab up when the test ends (with --lab and one --os).") var keepLab = false
    @Flag(help: "Keep each run's folder (its transcript) even when the run held.") var keep = false
    @OptionGroup var values: InputOptions
    @Option(name: .customLong("confirm-device"), help: ArgumentHelp("Allow the destructive commands on this device (repeatable).", valueName: "device"))
    var confirmedDevices: [String] = []
    @Flag(help: "Print the report as JSON (docs/json-output.md).") var json = false
    @Flag(help: "Show the sessions as they run (on standard error).") var verbose = false

    func validate() throws {
        if keepLab, !lab { throw ValidationError("--keep-lab keeps the practice lab of a test run with --lab: add --lab, or leave --keep-lab out.") }
        if keepLab, flavours.count != 1 { throw ValidationError("--keep-lab keeps one lab: name its flavour with one --os.") }
    }

    func run() throws {
        let loaded = try options.library.load(lesson)
        var reports: [SelfTestReport] = []
        if lab {
            let names = flavours.isEmpty ? LabFlavour.allCases : try flavours.map { try LabFlavour(named: $0) }
            for flavour in names { reports.append(try inLab(loaded, flavour: flavour)) }
        } else {
            reports.append(try once(loaded, lab: nil))
        }
        if json {
            print(JSONOutput.text(SelfTestOutput(lesson: loaded.lesson.id, held: reports.allSatisfy(\.held), runs: reports)))
        } else {
            let style = TextStyle(colour: Platform.useColour)
            Platform.show(reports.map { $0.text(style: style) }.joined(separator: "\n"), terminator: "")
        }
        if !reports.allSatisfy(\.held) { throw ExitCode(1) }
    }

    /// One run in a fresh lab of `flavour`, taken down after.
    private func inLab(_ loaded: LoadedLesson, flavour: LabFlavour) throws -> SelfTestReport {
        let name = Platform.environment["PIWIZARD_LAB"].flatMap { $0.isEmpty ? nil : $0 } ?? "pwtest"
        if try Lab.existing(name: name, piwizard: Platform.executablePath) != nil {
            throw LabError.invalid("the lab '\(name)' is up: piwizard test needs a fresh one. Take it down (PIWIZARD_LAB=\(name) piwizard lab down) or name another with PIWIZARD_LAB")
        }
        let practiceLab = try Lab.up(name: name, subnet: LabChoice.subnet(environment: Platform.environment), nodes: labNodes, flavour: flavour,
                                     piwizard: Platform.executablePath, progress: { Platform.writeError($0) })
        defer {
            if keepLab {
                Platform.writeError("The lab '\(name)' is kept up: PIWIZARD_LAB=\(name) piwizard lab status shows it, PIWIZARD_LAB=\(name) piwizard lab down takes it down.\n")
            } else {
                _ = try? Lab.down(name: name)
            }
        }
        return try once(loaded, lab: practiceLab)
    }

    /// One unattended self-testing session, in a state folder of its own.
    private func once(_ loaded: LoadedLesson, lab: Lab?) throws -> SelfTestReport {
        var options = SessionOptions(unattended: true, confirmedDevices: Set(confirmedDevices), localAddresses: LocalAddresses.current(), style: .plain, width: 100)
        options.selfTest = true
        var setUp = try SessionSetUp(loaded, given: values, options: options)
        if let lab { setUp.practise(in: lab) }
        let runner = setUp.runner
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-test-\(loaded.lesson.id)-\(UUID().uuidString.prefix(8))")
        // What an earlier run left behind would make the checks pass before their steps: undo it first,
        // with values checked first (a refused one runs nothing, not even that).
        let inputs = try setUp.checkedInputs()
        let hosts = setUp.hosts
        let before = SelfTestTeardown(loaded: loaded, inputs: inputs, hosts: hosts, runner: runner).run()
        let live = setUp.session(stateFolder: state, resume: .startOver)
        // The session's screen goes to standard error with --verbose, else nowhere (its transcript keeps it).
        let terminal: Terminal = verbose ? PlainTerminal(input: STDIN_FILENO, output: STDERR_FILENO)
            : PlainTerminal(input: FileHandle(forReadingAtPath: "/dev/null") ?? .standardInput, output: FileHandle(forWritingAtPath: "/dev/null") ?? .standardError)
        let (outcome, url) = try live.run(on: terminal, runner: runner)
        // The run's own values (detected, asked) undo it; its saved progress is of no more use after.
        let ran = (try? SQLiteProgressStore.open(stateFolder: state).load(lessonID: loaded.lesson.id))?.state.inputs ?? [:]
        SQLiteProgressStore.remove(in: state)
        var report = SelfTestReport(transcript: try Transcript(contentsOf: url), path: url.path, outcome: outcome, flavour: lab?.flavour.rawValue)
        report.teardownBefore = before.filter { $0.problem != nil }
        report.teardown = SelfTestTeardown(loaded: loaded, inputs: inputs.merging(ran) { $1 }, hosts: hosts, runner: runner).run()
        // A run that held leaves nothing behind in the temporary folder unless asked to.
        if report.held, !keep {
            try? FileManager.default.removeItem(at: state)
            report.transcript = nil
        }
        return report
    }
}

/// `piwizard test --json`: every run's report, and whether all held.
struct SelfTestOutput: Codable {
    var schema = 1
    var lesson: String
    var held: Bool
    var runs: [SelfTestReport]
}
