import Lessons
import PracticeLab
import Wizard

/// The practice lab a command takes its inputs from (`check --lab`, `export --lab`): the one
/// `PIWIZARD_LAB` or the saved run names, which must be up.
enum RunningLab {
    static func find(saved: SavedRun?) throws -> Lab {
        let name = LabChoice.name(environment: Platform.environment, saved: saved?.state.practiceLab)
        guard let lab = try Lab.existing(name: name, piwizard: Platform.executablePath) else {
            throw RuntimeFailure(message: "the lab '\(name)' is not up; start it with: \(Platform.commandName) lab up", status: RuntimeFailure.Status.unavailable)
        }
        return lab
    }
}
