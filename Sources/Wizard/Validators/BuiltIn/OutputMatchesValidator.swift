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
        guard let match = regex.firstMatch(in: result.output, range: NSRange(result.output.startIndex..., in: result.output)),
              let range = Range(match.range, in: result.output) else {
            return .fail(title, expected: expected, found: "no line matches (exit \(result.exitStatus)); the output ends: " + OutputSummary.lastLines(result.output))
        }
        return .pass(title, expected: expected, found: "matched: " + Self.lines(around: range, in: result.output))
    }

    /// The lines the match spans, trimmed, joined with ` / `.
    static func lines(around range: Range<String.Index>, in text: String) -> String {
        let start = text[..<range.lowerBound].lastIndex(where: \.isNewline).map { text.index(after: $0) } ?? text.startIndex
        let end = text[range.upperBound...].firstIndex(where: \.isNewline) ?? text.endIndex
        return OutputSummary.lastLines(String(text[start..<max(start, end)]), count: 3)
    }
}
