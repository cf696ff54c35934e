import Foundation
import Lessons

/// `file-contains`: the file, read where the block runs, has a line matching the pattern.
public struct FileContainsValidator: Validator {
    public static let spec = ValidatorSpec("file-contains", arguments: [.required("path"), .required("pattern", .pattern)],
                                           summary: "the file has a line matching the regular expression (read where the block runs, `on=`)")

    public var path: String
    public var pattern: String

    public init(_ arguments: ValidatorArguments) throws {
        path = try arguments.text("path")
        pattern = try arguments.text("pattern")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let result = try context.run("grep -E -n -e \(pattern) -- \(path)")
        let title = "file-contains \(path)"
        let expected = "a line of \(path) matching /\(pattern)/"
        switch result.exitStatus {
        case 0: return .pass(title, expected: expected, found: OutputSummary.lastLines(result.output))
        case 1: return .fail(title, expected: expected, found: "no such line")
        default: return .fail(title, expected: expected, found: OutputSummary.lastLines(result.output))
        }
    }
}
