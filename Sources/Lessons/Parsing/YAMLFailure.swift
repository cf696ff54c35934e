import Yams

/// Where a YAML parse error is and what it says, in libyaml's words without Yams's framing.
public struct YAMLFailure: Sendable {
    public var line: Int
    public var column: Int
    public var problem: String

    public init(_ error: Error) {
        line = 1
        column = 1
        problem = "it cannot be read as YAML"
        guard let yamlError = error as? YamlError else { return }
        switch yamlError {
        case let .scanner(_, text, mark, _), let .parser(_, text, mark, _), let .composer(_, text, mark, _):
            line = mark.line
            column = mark.column
            problem = text
        case let .duplicatedKeysInMapping(duplicates, context):
            line = context.mark.line
            column = context.mark.column
            problem = "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))"
        case let .reader(text, _, _, _):
            problem = text
        default:
            break
        }
    }
}
