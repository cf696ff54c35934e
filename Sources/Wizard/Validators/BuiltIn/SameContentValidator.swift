import Foundation
import Lessons

/// `same-content`: the first bytes of the target are those of the source (a card read back after `dd`).
public struct SameContentValidator: Validator {
    public static let spec = ValidatorSpec("same-content", arguments: [.required("source"), .required("target"), .optional("bytes", .size)],
                                           summary: "the first `bytes` (default all of `source`) are equal")

    public var source: String
    public var target: String
    /// How many bytes to compare; nil for the whole source.
    public var bytes: UInt64?

    public init(_ arguments: ValidatorArguments) throws {
        source = try arguments.text("source")
        target = try arguments.text("target")
        bytes = try arguments.size("bytes")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let count: ShellText = bytes.map { "\($0)" } ?? "$(stat -L -c %s -- \(source))"
        let result = try context.run("cmp -n \(count) -- \(source) \(target) 2>&1 && echo same")
        let title = "same-content \(target)"
        let expected = "\(target) to hold the same bytes as \(source)"
        return result.exitStatus == 0
            ? .pass(title, expected: expected, found: "the same bytes")
            : .fail(title, expected: expected, found: OutputSummary.lastLines(result.output))
    }
}
