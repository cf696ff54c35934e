import Foundation
import Lessons

/// Asks the learner for an input at the terminal, or detects it first: the `.ask` and `.detect`
/// effects of a session. Detection (`InputDetection`) runs the input's `detect` command where it belongs.
struct InputDialog {
    let lesson: Lesson
    let terminal: Terminal
    let runner: CommandRunner
    let options: SessionOptions
    let hosts: HostResolver

    var style: TextStyle { options.style }

    /// Asks for an input, offering its current value or default; nil when input ends.
    func ask(_ declared: InputDeclaration, inputs: [String: InputValue]) -> InputValue? {
        let prompter = InputPrompter(terminal: terminal, style: style)
        let input = withPromptFilledIn(declared, inputs: inputs)
        if let note = options.inputNotes[input.name] { terminal.write(style.apply(.dim, to: note) + "\n") }
        let rules = SessionInputs(lesson: lesson)
        if input.type == .list {
            let defaults = inputs[input.name]?.records ?? input.defaultValue?.records ?? []
            return prompter.askRecords(input, defaults: defaults) { records in
                rules.problems(setting: input, to: .records(records), among: inputs)
            }.map(InputValue.records)
        }
        var prefill = inputs[input.name]?.text ?? input.defaultValue?.text
        if let detected = detectedValue(of: input, inputs: inputs) {
            prefill = detected
        }
        return prompter.askScalar(input, prefill: input.type == .secret ? nil : prefill) { value in
            rules.problems(setting: input, to: .of(value, as: input), among: inputs).first?.message
        }.map { .of($0, as: input) }
    }

    /// The input with its prompt's templates filled in from the values known (a value not given yet
    /// as its default): `{{user}}'s password on the Pis` asks for pi's.
    func withPromptFilledIn(_ input: InputDeclaration, inputs: [String: InputValue]) -> InputDeclaration {
        guard input.prompt.contains("{{") else { return input }
        var known = inputs
        for other in lesson.inputs where known[other.name] == nil { known[other.name] = other.defaultValue }
        var shown = input
        shown.prompt = TemplateRenderer.preview(input.prompt, context: TemplateContext(inputs: known, lessonID: lesson.id, lessonAssets: ""), quoting: .none)
        return shown
    }

    /// An input's value for an unattended run: what its `detect` command finds, else its default.
    func detectUnattended(_ input: InputDeclaration, inputs: [String: InputValue]) -> InputValue? {
        detectedValue(of: input, inputs: inputs).map(InputValue.text) ?? input.defaultValue
    }

    /// What a scalar input's `detect` command finds, said on the screen.
    private func detectedValue(of input: InputDeclaration, inputs: [String: InputValue]) -> String? {
        guard let detected = detection.value(of: input, inputs: inputs) else { return nil }
        let place = input.detectOn == .master ? " on the master" : ""
        terminal.write(style.apply(.dim, to: "Detected \(input.name)\(place): \(detected)") + "\n")
        return detected
    }

    private var detection: InputDetection { InputDetection(lesson: lesson, runner: runner, hosts: hosts) }

    /// A loop record's field, from its `detect` command on the node, else asked (never unattended).
    func detect(_ field: String, of item: LoopItem, list: String, inputs: [String: InputValue]) -> String? {
        guard let declaration = lesson.input(named: list)?.field(named: field) else { return nil }
        if let detected = detection.value(of: declaration, item: item, inputs: inputs) {
            terminal.write(style.apply(.dim, to: "Detected \(field) of \(item.label): \(detected) (change it with: set \(list).\(item.index + 1).\(field) VALUE)") + "\n")
            return detected
        }
        if !SessionMode(options).asksPerson { return nil }
        var question = declaration
        question.prompt = "\(field) of \(item.label)"
        return InputPrompter(terminal: terminal, style: style).askScalar(question, prefill: nil) { _ in nil }
    }
}
