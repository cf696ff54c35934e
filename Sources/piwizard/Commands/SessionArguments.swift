import ArgumentParser
import Foundation
import Lessons
import Wizard
import WizardSystem

/// The options of a live session, shared by `start` and `resume`.
struct SessionArguments: ParsableArguments {
    @OptionGroup var state: StateOptions
    @Flag(name: [.customShort("y"), .long], help: "Run unattended: every step that can run without a person, with default or given inputs.")
    var yes = false
    @Option(name: .customLong("var"), help: ArgumentHelp("Give an input: NAME=VALUE (repeatable). A list: records separated by ';', fields by spaces.", valueName: "name=value"))
    var assignments: [String] = []
    @Option(name: .customLong("vars"), help: ArgumentHelp("Read inputs from a YAML or JSON file.", valueName: "file"))
    var varsFile: String?
    @Option(name: .customLong("confirm-device"), help: ArgumentHelp("Allow destructive commands on this device when unattended (repeatable).", valueName: "device"))
    var confirmedDevices: [String] = []
    @Option(help: "Wrap to this many columns (default: the terminal's width).") var width: Int?

    func run(_ loaded: LoadedLesson, resume: LiveSession.ResumeChoice) throws {
        let given: [String: InputValue]
        do {
            given = try ProvidedValues.resolve(for: loaded.lesson, assignments: assignments, file: varsFile, environment: Platform.environment)
        } catch {
            throw ValidationError("\(error)")
        }
        let terminal = TerminalFactory.makeTerminal(historyFile: TerminalFactory.historyFile(environment: Platform.environment))
        let options = SessionOptions(
            unattended: yes, confirmedDevices: Set(confirmedDevices), localAddresses: LocalAddresses.current(),
            style: TextStyle(colour: terminal.isInteractive && Platform.useColour), width: width ?? Platform.terminalWidth
        )
        let live = LiveSession(loaded: loaded, given: given, options: options, stateFolder: state.url, resume: resume)
        let (outcome, transcript) = try live.run(on: terminal)
        switch outcome {
        case .finished: break
        case .quit: terminal.write(outcome.message + " Continue with: piwizard resume \(loaded.lesson.id)\n")
        default: Platform.writeError("piwizard: " + outcome.message)
        }
        Platform.writeError("transcript: \(transcript.path)")
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }
}
