import Foundation
import Lessons
import PracticeLab
import Wizard
import WizardSystem

/// What a run of a lesson is made of, put together in one place for every command that runs or
/// reads one (`start`, `resume`, `check`, `test`, `export`, `start --preview`): its values by source
/// (the saved run's, the practice lab's, those given with `--var`/`--vars`), the lab when it
/// practises in one, the session's options, and the runner that reaches its hosts. The commands
/// decide only which run they want; how its parts fit together is decided here.
struct SessionSetUp {
    let loaded: LoadedLesson
    private(set) var sources: InputSources
    private(set) var options: SessionOptions
    /// The practice lab the run is in (nil: real Pis).
    private(set) var lab: Lab?

    /// A run of `loaded` with the values given on the command line (checked each by itself: a
    /// refusal is exit 64) over `saved`'s.
    init(_ loaded: LoadedLesson, given values: InputOptions, saved: SavedRun? = nil, options: SessionOptions) throws {
        self.loaded = loaded
        self.sources = InputSources(saved: saved?.state.inputs ?? [:], given: try values.provided(for: loaded.lesson))
        self.options = options
    }

    /// The run practises in `lab`: its nodes' values, its reader as the card reader, its hands for
    /// `on=lab` and console blocks. `learnerTypesSecrets`: a learner at a terminal types sudo's
    /// password, as on a Pi (an unattended run gets it from the lab).
    mutating func practise(in lab: Lab, learnerTypesSecrets: Bool = false) {
        sources.lab = LabSession.inputs(for: loaded.lesson, lab: lab, learnerTypesSecrets: learnerTypesSecrets)
        LabSession.configure(&options, lab: lab, lesson: loaded.lesson)
        self.lab = lab
    }

    /// The values as they are now (given, then the lab's, then saved, then the defaults), each given
    /// one checked against the others (a refusal names the input and its source: exit 64).
    func checkedInputs() throws -> [String: InputValue] {
        let inputs = sources.merged(defaults: loaded.defaultInputs)
        try sources.checkGiven(inputs, lesson: loaded.lesson)
        return inputs
    }

    /// The runner of the run's commands: in the lab, the lab's (its consoles, its hands); else this computer's.
    var runner: CommandRunner {
        lab.map { LabSession.runner(lab: $0, unattended: options.unattended, environment: Platform.environment) } ?? LiveCommandRunner()
    }

    /// Who the lesson's hosts are, as the values are now.
    var hosts: HostResolver {
        HostResolver(lesson: loaded.lesson, localAddresses: options.localAddresses)
    }

    /// The session of this run, its progress kept in `stateFolder`.
    func session(stateFolder: URL, resume: LiveSession.ResumeChoice) -> LiveSession {
        LiveSession(loaded: loaded, sources: sources, options: options, stateFolder: stateFolder, resume: resume)
    }
}
