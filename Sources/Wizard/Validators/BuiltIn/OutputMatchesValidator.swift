import Foundation
import Lessons

/// `output-matches`: a command the lesson names prints something matching the pattern.
public struct OutputMatchesValidator: Validator {
    public static let spec = ValidatorSpec("output-matches", arguments: [.required("command"), .required("pattern", .pattern)],
                                           summary: "the command's output matches")

    /// Shell code the lesson's author wrote.
    public var command: String
    public var pattern: String
    let regex: NSRegularExpression

    public init(_ arguments: ValidatorArguments) throws {
        command = try arguments.text("command")
        pattern = try arguments.text("pattern")
        regex = try arguments.pattern("pattern")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let result = try context.run(ShellText(authored: command))
        let title = "output-matches: \(command)"
        let expected = "output matching /\(pattern)/"
        if result.timedOut { return .fail(title, expected: expected, found: "no answer before the timeout; " + OutputSummary.lastLines(result.output)) }
        let matches = regex.firstMatch(in: result.output, range: NSRange(result.output.startIndex..., in: result.output)) != nil
        return matches
            ? .pass(title, expected: expected, found: OutputSummary.lastLines(result.output))
            : .fail(title, expected: expected, found: "exit \(result.exitStatus): " + OutputSummary.lastLines(result.output))
    }
}
