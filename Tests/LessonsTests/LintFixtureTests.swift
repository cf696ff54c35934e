import Foundation
import Lessons
import Wizard
import Testing

/// Each broken lesson in `Fixtures/broken` states, in `<!-- expect: LINE:COLUMN: SEVERITY: TEXT -->`
/// comments, exactly the findings lint must report: every expected one must appear (at that line and
/// column, with a message starting with TEXT) and nothing else may.
@Suite struct LintFixtureTests {
    struct Expectation: CustomStringConvertible {
        var line: Int
        var column: Int
        var severity: Diagnostic.Severity
        var text: String
        var description: String { "\(line):\(column): \(severity.rawValue): \(text)" }

        func matches(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.location.line == line && diagnostic.location.column == column
                && diagnostic.severity == severity && diagnostic.message.hasPrefix(text)
        }
    }

    static let fixtureNames: [String] = {
        let folder = Paths.fixtures.appendingPathComponent("broken")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }()

    static func expectations(in text: String) -> [Expectation] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("<!-- expect: "), line.hasSuffix(" -->") else { return nil }
            let body = line.dropFirst("<!-- expect: ".count).dropLast(" -->".count)
            let parts = body.split(separator: ":", maxSplits: 3).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 4, let line = Int(parts[0]), let column = Int(parts[1]),
                  let severity = Diagnostic.Severity(rawValue: parts[2]) else { return nil }
            return Expectation(line: line, column: column, severity: severity, text: parts[3])
        }
    }

    @Test func thereAreAtLeastFifteenBrokenFixtures() {
        #expect(Self.fixtureNames.count >= 15)
    }

    @Test(arguments: fixtureNames)
    func brokenFixtureYieldsExactlyTheExpectedDiagnostics(_ name: String) throws {
        let url = Paths.fixtures.appendingPathComponent("broken").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let expected = Self.expectations(in: text)
        #expect(!expected.isEmpty, "fixture \(name) states no expectation")
        #expect(expected.contains { $0.severity == .error } || name.contains("unused") || name.contains("without-check") || name.contains("quotes") || name.contains("glued") || name.contains("heading-in"),
                "fixture \(name) should be broken")
        let (_, diagnostics) = LessonLinter.lint(text, file: name, validators: ValidatorRegistry.specs)
        for expectation in expected {
            #expect(diagnostics.contains(where: expectation.matches),
                    "\(name): expected \(expectation)\nfound:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        }
        for diagnostic in diagnostics {
            #expect(expected.contains { $0.matches(diagnostic) }, "\(name): unexpected \(diagnostic)")
        }
        for diagnostic in diagnostics {
            #expect(diagnostic.location.file == name)
        }
    }
}
