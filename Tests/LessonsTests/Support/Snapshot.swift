import Foundation
import Testing

/// Compares text with a golden file in `Snapshots/`. Set `PIWIZARD_RECORD_SNAPSHOTS=1` to (re)write the
/// golden files instead; the test then fails once, so a re-record is never silently green.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Paths.snapshots.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PIWIZARD_RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: Paths.snapshots, withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); run the tests again without PIWIZARD_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot \(name); record it with PIWIZARD_RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        Issue.record("snapshot \(name) differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
    }
}

/// The lines that differ, `-` expected and `+` actual, with their line numbers.
func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for index in 0..<max(old.count, new.count) {
        let a = index < old.count ? String(old[index]) : nil
        let b = index < new.count ? String(new[index]) : nil
        if a != b {
            if let a { lines.append("\(index + 1)- \(a)") }
            if let b { lines.append("\(index + 1)+ \(b)") }
        }
    }
    return lines.prefix(40).joined(separator: "\n")
}
