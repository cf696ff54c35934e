import Foundation
import Lessons

/// Input values given before the session starts: `--var NAME=VALUE`, a `--vars FILE` (YAML or JSON),
/// and `PIWIZARD_VAR_NAME` environment variables, each read by the lesson's `InputSchema` and kept
/// with where it came from. Precedence: `--var` over the file over the environment.
public struct ProvidedValues: Sendable, Hashable {
    /// A value that cannot be used, with the reason (an input's value itself is refused as an
    /// `InputRefusal`; this is for what is not a value: `--var` without `=`, an unreadable file).
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public var values: [String: InputValue] = [:]
    /// Where each value came from.
    public var sources: [String: InputSource] = [:]

    public init(values: [String: InputValue] = [:], sources: [String: InputSource] = [:]) {
        self.values = values
        self.sources = sources
    }

    /// The values given for a lesson, each read and checked by itself (rules relating it to other
    /// inputs are checked once all of a run's values are known: `InputSources.checkGiven`).
    public static func resolve(for lesson: Lesson, assignments: [String], file: String?, environment: [String: String]) throws -> ProvidedValues {
        let schema = InputSchema(lesson: lesson)
        var given = ProvidedValues()
        for input in lesson.inputs {
            // PIWIZARD_VAR_USER, or the name as the lesson writes it (PIWIZARD_VAR_user): the upper-case one first.
            let keys = [environmentVariable(for: input.name), "PIWIZARD_VAR_" + input.name.replacingOccurrences(of: "-", with: "_")]
            if let key = keys.first(where: { environment[$0] != nil }), let text = environment[key] {
                try given.add(text, for: input, from: .environment(variable: key), schema: schema)
            }
        }
        if let file {
            for (name, entry) in try VarsFile(path: file).values(for: lesson, schema: schema) {
                given.values[name] = entry.value
                given.sources[name] = entry.source
            }
        }
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw Problem(description: "--var \(assignment): write NAME=VALUE")
            }
            let name = String(assignment[..<equals])
            guard let input = lesson.input(named: name) else { throw Problem(description: "--var: " + noSuchInput(name, in: lesson)) }
            try given.add(String(assignment[assignment.index(after: equals)...]), for: input, from: .option, schema: schema)
        }
        return given
    }

    /// The environment variable that gives an input's value: `PIWIZARD_VAR_` and the name in upper
    /// case, `-` written `_`.
    public static func environmentVariable(for name: String) -> String {
        "PIWIZARD_VAR_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    private mutating func add(_ text: String, for input: InputDeclaration, from source: InputSource, schema: InputSchema) throws {
        values[input.name] = try schema.read(text, as: input, from: source)
        sources[input.name] = source
    }

    /// Why a value for `name` is refused when the lesson has no such input: a suggestion and the inputs
    /// it has (for `--var`, the environment and `--vars` files alike).
    static func noSuchInput(_ name: String, in lesson: Lesson) -> String {
        let suggestion = Suggestion.didYouMean(name, in: lesson.inputs.map(\.name))
        return "the lesson has no input '\(name)'\(suggestion); it has: \(lesson.inputs.map(\.name).joined(separator: ", "))"
    }
}
