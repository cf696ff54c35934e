import Lessons

/// Asks the learner for input values at the terminal and refuses invalid ones at once, with the reason,
/// asking again until the value is valid (or input ends).
struct InputPrompter {
    let terminal: Terminal
    let style: TextStyle

    /// Asks for a scalar value; `prefill` is offered for editing. Nil when input ends.
    func askScalar(_ input: InputDeclaration, prefill: String?, validate: (String) -> String?) -> String? {
        while true {
            var prompt = input.prompt
            if input.type == .choice { prompt += " (\(input.choices.joined(separator: ", ")))" }
            let line: String?
            if input.type == .secret {
                line = terminal.readSecret(prompt: "\(prompt): ")
                if let first = line, input.confirmsTwice, !terminal.lastReadWasInterrupted {
                    guard let again = terminal.readSecret(prompt: "The same again, to be sure: ") else { return nil }
                    if terminal.lastReadWasInterrupted { continue }
                    if again != first {
                        terminal.write(style.apply(.red, to: "✗ the two differ; type it twice again") + "\n")
                        continue
                    }
                }
            } else {
                line = terminal.readLine(prompt: "\(prompt) [\(input.type.rawValue)]: ", prefill: prefill)
            }
            guard let line else { return nil }
            if terminal.lastReadWasInterrupted { continue }  // Ctrl-C: ask again
            let value = input.type == .secret ? line : line.trimmingCharacters(in: .whitespaces)
            if let problem = InputValueChecker.problem(with: value, as: input) ?? validate(value) {
                terminal.write(style.apply(.red, to: "✗ \(problem)") + "\n")
                continue
            }
            let resolved = InputValueChecker.normalised(value, as: input)
            if resolved != value {
                terminal.write(style.apply(.dim, to: "Taken as \(resolved) (a path that does not start with / starts in the home folder).") + "\n")
            }
            return resolved
        }
    }

    /// Asks for the records of a list: how many, then each record on one line (fields separated by
    /// spaces, in declaration order), each checked at once with the earlier ones: `validate` gives the
    /// problems of the records so far, and those about the new record refuse it.
    func askRecords(_ input: InputDeclaration, defaults: [InputRecord],
                    validate: ([InputRecord]) -> [InputProblem]) -> [InputRecord]? {
        let fieldNames = input.fields.map(\.name)
        terminal.write("\(input.prompt): one record per line, as: \(fieldNames.joined(separator: " "))\n")
        var countDeclaration = InputDeclaration(name: "count", type: .int, location: input.location)
        countDeclaration.min = input.min ?? 1
        countDeclaration.max = input.max
        countDeclaration.prompt = "How many \(input.name)"
        guard let countText = askScalar(countDeclaration, prefill: defaults.isEmpty ? nil : String(defaults.count), validate: { _ in nil }),
              let count = Int(countText) else { return nil }
        var records: [InputRecord] = []
        while records.count < count {
            let index = records.count
            let prefill = index < defaults.count ? RecordLine.line(of: defaults[index], as: input) : nil
            guard let line = terminal.readLine(prompt: "\(input.name) \(index + 1) of \(count) (\(fieldNames.joined(separator: " "))): ", prefill: prefill) else { return nil }
            if terminal.lastReadWasInterrupted { continue }
            let record: InputRecord
            switch RecordLine.record(from: line, as: input) {
            case .success(let read): record = read
            case .failure(let problem):
                terminal.write(style.apply(.red, to: "✗ \(problem.message)") + "\n")
                continue
            }
            let problems = validate(records + [record]).filter { $0.record == index }
            if let problem = problems.first {
                terminal.write(style.apply(.red, to: "✗ \(problem.message)") + "\n")
                continue
            }
            records.append(record)
        }
        return records
    }
}
