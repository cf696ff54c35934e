import ArgumentParser
import Foundation
import WizardSystem

/// Where saved progress and transcripts live; shared by the commands that use them.
struct StateOptions: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Keep progress and transcripts here (also PIWIZARD_STATE_DIR; default $XDG_STATE_HOME/piwizard).", valueName: "dir"))
    var folder: String?

    var url: URL {
        if let folder { return URL(fileURLWithPath: folder, relativeTo: Platform.workingDirectory).standardizedFileURL }
        if let folder = Platform.environment["PIWIZARD_STATE_DIR"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, relativeTo: Platform.workingDirectory).standardizedFileURL
        }
        return StateDirectory.url(environment: Platform.environment)
    }

    /// The progress database (made when missing).
    func store() throws -> SQLiteProgressStore { try SQLiteProgressStore.open(stateFolder: url) }
}
