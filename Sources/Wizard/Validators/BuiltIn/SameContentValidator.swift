import Foundation
import Lessons

/// `same-content`: the first bytes of the target are those of the source (a card read back after `dd`).
/// A target with a mounted partition is not compared: mounting a file system writes to it (a desktop
/// mounts a new card's partitions as soon as they appear), so a difference would blame the card.
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
        let title = "same-content \(target)"
        let expected = "\(target) to hold the same bytes as \(source)"
        let mounts = try context.run("[ ! -b \(target) ] || lsblk -nro MOUNTPOINTS -- \(target) 2>/dev/null || lsblk -nro MOUNTPOINT -- \(target)")
        let mounted = mounts.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if mounts.exitStatus == 0, !mounted.isEmpty {
            return .fail(title, expected: expected + ", compared unmounted",
                         found: "not compared: \(target) has a partition mounted at \(mounted.joined(separator: ", ")), and mounting changes a card; unmount it (the card stays in) and check again")
        }
        let result = try context.run("cmp -n \(count) -- \(source) \(target) 2>&1 && echo same")
        return result.exitStatus == 0
            ? .pass(title, expected: expected, found: "the same bytes")
            : .fail(title, expected: expected, found: OutputSummary.lastLines(result.output))
    }
}
