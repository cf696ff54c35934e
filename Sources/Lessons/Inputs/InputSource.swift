/// Where a run's value of an input came from. Every refusal names it, so the person knows which value
/// to change and where.
public enum InputSource: Sendable, Hashable {
    /// The lesson's `default:`.
    case lessonDefault
    /// `--var NAME=VALUE`.
    case option
    /// A `--vars` file, at the line that gives the value.
    case varsFile(path: String, line: Int)
    /// A `PIWIZARD_VAR_…` environment variable.
    case environment(variable: String)
    /// Typed at the wizard's question.
    case prompt
    /// `set NAME VALUE` at the session's prompt.
    case set
    /// The practice lab, which knows its own nodes.
    case lab
    /// The saved run being resumed.
    case savedRun
    /// A recorded transcript's inputs.
    case transcript

    /// How a message names a value of `input` that came from here: `--var gateway`,
    /// `PIWIZARD_VAR_GATEWAY`, `vars.yaml:3: gateway`.
    public func naming(_ input: String) -> String {
        switch self {
        case .lessonDefault: "the default of \(input)"
        case .option: "--var \(input)"
        case .varsFile(let path, let line): "\(path):\(line): \(input)"
        case .environment(let variable): variable
        case .prompt: input
        case .set: "set \(input)"
        case .lab: "the practice lab's \(input)"
        case .savedRun: "the saved run's \(input)"
        case .transcript: "the transcript's \(input)"
        }
    }
}

/// A value refused before anything runs: the input, where the value came from, and the rule it broke.
public struct InputRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var problem: InputProblem
    public var source: InputSource

    public init(_ problem: InputProblem, from source: InputSource) {
        self.problem = problem
        self.source = source
    }

    public var description: String { "\(source.naming(problem.input)): \(problem.message)" }
}
