import Foundation
import Lessons

/// Input values given before the session starts: `--var NAME=VALUE`, a `--vars FILE` (YAML or JSON),
/// and `PIWIZARD_VAR_NAME` environment variables. Every value is checked against its declaration.
public enum ProvidedValues {
    /// A value that cannot be used, with the reason.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The values for a lesson. Precedence: `--var` over the file over the environment.
    public static func resolve(for lesson: Lesson, assignments: [String], file: String?, environment: [String: String]) throws -> [String: InputValue] {
        var values: [String: InputValue] = [:]
        let places = TemplatePlaces(lesson: lesson)
        for input in lesson.inputs {
            let key = "PIWIZARD_VAR_" + input.name.uppercased().replacingOccurrences(of: "-", with: "_")
            if let text = environment[key] { values[input.name] = try value(text, for: input, source: key, places: places) }
        }
        if let file {
            values.merge(try VarsFile(path: file).values(for: lesson)) { $1 }
        }
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw Problem(description: "--var \(assignment): write NAME=VALUE")
            }
            let name = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard let input = lesson.input(named: name) else { throw unknown(name, lesson, source: "--var") }
            values[name] = try value(text, for: input, source: "--var \(name)", places: places)
        }
        try checkLists(values, lesson: lesson)
        return values
    }

    /// A list given as text: records separated by `;` or new lines, fields by spaces, in declaration order.
    public static func records(from text: String, for input: InputDeclaration) throws -> [[String: String]] {
        try text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map { line in
            let words = line.split(separator: " ").map(String.init)
            guard words.count == input.fields.count else {
                throw Problem(description: "\(input.name): each record needs \(input.fields.count) values (\(input.fields.map(\.name).joined(separator: " "))), got '\(line.trimmingCharacters(in: .whitespaces))'")
            }
            return Dictionary(uniqueKeysWithValues: zip(input.fields.map(\.name), words))
        }
    }

    private static func value(_ text: String, for input: InputDeclaration, source: String, places: TemplatePlaces) throws -> InputValue {
        let value: InputValue
        if input.type == .list {
            value = .records(try records(from: text, for: input))
        } else {
            if let problem = InputValueChecker.problem(with: text, as: input) { throw Problem(description: "\(source): \(problem)") }
            value = .text(InputValueChecker.normalised(text, as: input))
        }
        if let problem = places.problem(setting: input, to: value) { throw Problem(description: "\(source): \(problem)") }
        return value
    }

    private static func checkLists(_ values: [String: InputValue], lesson: Lesson) throws {
        for input in lesson.inputs where input.type == .list {
            guard let records = values[input.name]?.records else { continue }
            let problems = RecordListChecker.problems(with: records, as: input)
            if !problems.isEmpty { throw Problem(description: "\(input.name): " + problems.map(\.message).joined(separator: "; ")) }
        }
    }

    /// Refuses given values that break a rule relating them to other inputs (`InputRelations`):
    /// `values` are all of a run's values, `given` the names the user gave.
    public static func checkRelations(_ values: [String: InputValue], given: some Sequence<String>, lesson: Lesson) throws {
        let relations = InputRelations(inputs: lesson.inputs)
        for name in given {
            if let problem = relations.problems(in: values, involving: name).first {
                throw Problem(description: "\(name): refused, because \(problem.message)")
            }
        }
    }

    private static func unknown(_ name: String, _ lesson: Lesson, source: String) -> Problem {
        Problem(description: "\(source): " + noSuchInput(name, in: lesson))
    }

    /// Why a value for `name` is refused when the lesson has no such input: a suggestion and the inputs
    /// it has (for `--var`, the environment and `--vars` files alike).
    static func noSuchInput(_ name: String, in lesson: Lesson) -> String {
        let suggestion = Suggestion.didYouMean(name, in: lesson.inputs.map(\.name))
        return "the lesson has no input '\(name)'\(suggestion); it has: \(lesson.inputs.map(\.name).joined(separator: ", "))"
    }
}
