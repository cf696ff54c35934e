import Foundation
import Lessons
import Yams

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
        for input in lesson.inputs {
            let key = "PIWIZARD_VAR_" + input.name.uppercased().replacingOccurrences(of: "-", with: "_")
            if let text = environment[key] { values[input.name] = try value(text, for: input, source: key) }
        }
        if let file {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw Problem(description: "cannot read \(file): \(FileFailure.reason(error))")
            }
            let node: Node?
            do { node = try Yams.compose(yaml: text) } catch { throw Problem(description: "\(file) is not YAML or JSON: \(error)") }
            guard let mapping = node?.mapping else { throw Problem(description: "\(file) must map input names to values") }
            for (key, valueNode) in mapping {
                guard let name = key.string else { continue }
                guard let input = lesson.input(named: name) else { throw unknown(name, lesson, source: file) }
                values[name] = try value(valueNode, for: input, source: file)
            }
        }
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw Problem(description: "--var \(assignment): write NAME=VALUE")
            }
            let name = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard let input = lesson.input(named: name) else { throw unknown(name, lesson, source: "--var") }
            values[name] = try value(text, for: input, source: "--var \(name)")
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

    private static func value(_ text: String, for input: InputDeclaration, source: String) throws -> InputValue {
        if input.type == .list { return .records(try records(from: text, for: input)) }
        if let problem = InputValueChecker.problem(with: text, as: input) { throw Problem(description: "\(source): \(problem)") }
        return .text(text)
    }

    private static func value(_ node: Node, for input: InputDeclaration, source: String) throws -> InputValue {
        if input.type == .list {
            guard let sequence = node.sequence else { throw Problem(description: "\(source): \(input.name) must be a list of records") }
            return .records(try sequence.map { item in
                guard let mapping = item.mapping else { throw Problem(description: "\(source): each \(input.name) record is a mapping") }
                var record: [String: String] = [:]
                for (key, value) in mapping {
                    if let key = key.string, let text = value.scalar?.string { record[key] = text }
                }
                return record
            })
        }
        guard let text = node.scalar?.string else { throw Problem(description: "\(source): \(input.name) must be a single value") }
        return try value(text, for: input, source: source)
    }

    private static func checkLists(_ values: [String: InputValue], lesson: Lesson) throws {
        let subnets = Dictionary(uniqueKeysWithValues: lesson.inputs.filter { $0.type == .cidr }.compactMap { input in
            (values[input.name]?.text ?? input.defaultValue?.text).map { (input.name, $0) }
        })
        for input in lesson.inputs where input.type == .list {
            guard let records = values[input.name]?.records else { continue }
            let problems = RecordListChecker.problems(with: records, as: input, subnets: subnets)
            if !problems.isEmpty { throw Problem(description: "\(input.name): " + problems.map(\.message).joined(separator: "; ")) }
        }
    }

    private static func unknown(_ name: String, _ lesson: Lesson, source: String) -> Problem {
        let suggestion = Suggestion.didYouMean(name, in: lesson.inputs.map(\.name))
        return Problem(description: "\(source): the lesson has no input '\(name)'\(suggestion); it has: \(lesson.inputs.map(\.name).joined(separator: ", "))")
    }
}
