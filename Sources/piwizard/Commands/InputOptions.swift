import ArgumentParser
import Lessons
import Wizard
import WizardSystem

/// `--var` and `--vars`: input values given on the command line, declared once for `start`, `resume`,
/// `check` and `test`, and read by the lesson's schema (`ProvidedValues`), with `PIWIZARD_VAR_…`.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("var"), help: ArgumentHelp("Give an input: NAME=VALUE (repeatable). A list: records separated by ';', fields by spaces.", valueName: "name=value"))
    var assignments: [String] = []
    @Option(name: .customLong("vars"), help: ArgumentHelp("Read inputs from a YAML or JSON file.", valueName: "file"))
    var varsFile: String?

    /// The values given, each checked by itself (a refusal: exit 64).
    func provided(for lesson: Lesson) throws -> ProvidedValues {
        try ProvidedValues.resolve(for: lesson, assignments: assignments, file: varsFile, environment: Platform.environment)
    }
}
