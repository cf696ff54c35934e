import Foundation
import Lessons

/// Asks the learner for an input at the terminal, or detects it first: the `.ask` and `.detect`
/// effects of a session. Detection runs the input's `detect` command (on the node, for a record's field).
struct InputDialog {
    let lesson: Lesson
    let terminal: Terminal
    let runner: CommandRunner
    let options: SessionOptions
    let hosts: HostResolver

    var style: TextStyle { options.style }

    /// Asks for an input, offering its current value or default; nil when input ends.
    func ask(_ input: InputDeclaration, inputs: [String: InputValue]) -> InputValue? {
        let prompter = InputPrompter(terminal: terminal, style: style)
        let rules = SessionInputs(lesson: lesson)
        if input.type == .list {
            let defaults = inputs[input.name]?.records ?? input.defaultValue?.records ?? []
            return prompter.askRecords(input, defaults: defaults, subnets: rules.subnets(inputs)).map(InputValue.records)
        }
        var prefill = inputs[input.name]?.text ?? input.defaultValue?.text
        if input.type == .choice, let detect = input.detect, let detected = detected(detect, host: nil), input.choices.contains(detected) {
            prefill = detected
            terminal.write(style.apply(.dim, to: "Detected \(input.name): \(detected)") + "\n")
        }
        return prompter.askScalar(input, prefill: input.type == .secret ? nil : prefill) { value in
            rules.crossCheck(input, value, inputs: inputs)
        }.map(InputValue.text)
    }

    /// A loop record's field, from its `detect` command on the node, else asked (never unattended).
    func detect(_ field: String, of item: LoopItem, list: String, inputs: [String: InputValue]) -> String? {
        guard let declaration = lesson.input(named: list)?.field(named: field) else { return nil }
        if let detect = declaration.detect,
           let detected = detected(detect, host: hosts.host(for: .node, item: item, inputs: inputs)),
           InputValueChecker.problem(with: detected, as: declaration) == nil {
            terminal.write(style.apply(.dim, to: "Detected \(field) of \(item.label): \(detected) (change it with: set \(list).\(item.index + 1).\(field) VALUE)") + "\n")
            return detected
        }
        if options.unattended { return nil }
        var question = declaration
        question.prompt = "\(field) of \(item.label)"
        return InputPrompter(terminal: terminal, style: style).askScalar(question, prefill: nil) { _ in nil }
    }

    /// The output of a detection command that succeeded, trimmed.
    private func detected(_ command: String, host: RemoteHost?) -> String? {
        guard let result = try? runner.run(CommandRequest(command: command, host: host, timeout: 15), output: { _ in }), result.succeeded else { return nil }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
