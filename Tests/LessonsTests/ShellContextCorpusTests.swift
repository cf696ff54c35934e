import Foundation
import Lessons
import Testing

/// Templates in every shell context × hostile values, each rendered command run by a real `dash` and a
/// real `bash`: what the command receives is byte for byte the value, or the value is refused with a
/// reason where its place cannot hold it. Nothing a value holds ever runs.
@Suite struct ShellContextCorpusTests {
    /// A template and what the command prints when it receives `value` (nil: the context refuses it).
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var expected: @Sendable (String) -> String?
        var testDescription: String { name }
    }

    static let marker = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-corpus-\(getpid())").path

    static let values: [String] = [
        "plain", "two words", "it's", "'", "''", "\"", "\\", "\\\\", "a\\b", "$HOME", "${HOME}", "$(touch \(marker))",
        "`touch \(marker)`", "\"; touch \(marker); echo \"", "'; touch \(marker); echo '", "*", "~", "~root", "-n", "-e",
        "", "42", "-7", "é ü ✓ 日本",
        // A quote with a combining mark after it is one Character to Swift but two things to a shell
        // (found by fuzz/run shell-template: it closed the quotes).
        "'\u{301};touch \(marker);'", "\t\u{301}x", "EOF\u{301}", "E\u{FFFD}t", "}", "{", "a\nb", "EOF", "\tEOF", "line\n$(touch \(marker))", "$((1+1))", "!!", "%s%n",
        String(repeating: "x'\"$`\\ ", count: 586),
    ]

    static let cases: [Case] = [
        Case(name: "a word of its own", template: "printf '%s' {{v}}") { $0 },
        Case(name: "a word with text around it", template: "printf '%s' pre{{v}}post") { "pre\($0)post" },
        Case(name: "inside single quotes", template: "printf '%s' 'value:{{v}}:end'") { "value:\($0):end" },
        Case(name: "the whole single-quoted word", template: "printf '%s' '{{v}}'") { $0 },
        Case(name: "inside double quotes", template: "printf '%s' \"value: {{v}} end\"") { "value: \($0) end" },
        Case(name: "the whole double-quoted word", template: "printf '%s' \"{{v}}\"") { $0 },
        Case(name: "a word inside $( ) inside double quotes", template: "printf '%s' \"<$(printf '%s' {{v}})>\"") { "<\(Self.trailingNewlinesRemoved($0))>" },
        Case(name: "double quotes inside $( ) inside double quotes", template: "printf '%s' \"$(printf '%s' \"in {{v}}\")\"") { Self.trailingNewlinesRemoved("in \($0)") },
        Case(name: "a word inside backquotes", template: "printf '%s' \"`printf '%s' {{v}}`\"") { Self.trailingNewlinesRemoved($0) },
        Case(name: "single quotes inside backquotes", template: "printf '%s' \"`printf '%s' 'q:{{v}}'`\"") { Self.trailingNewlinesRemoved("q:\($0)") },
        Case(name: "double quotes inside backquotes", template: "printf '%s' `printf '%s' \"d:{{v}}\"`") { Self.oneWord("d:\($0)") },
        Case(name: "an assignment", template: "x={{v}}; printf '%s' \"$x\"") { $0 },
        Case(name: "a here-document", template: "cat <<EOF\n<{{v}}>\nEOF") { Self.oneLine("<\($0)>\n", $0) },
        Case(name: "a here-document's whole line", template: "cat <<EOF\n{{v}}\nEOF") { Self.breaksLine($0) ? nil : Self.oneLine("\($0)\n", $0) },
        Case(name: "a quoted here-document", template: "cat <<'EOF'\n<{{v}}>\nEOF") { Self.oneLine("<\($0)>\n", $0) },
        Case(name: "a quoted here-document's whole line", template: "cat <<\"EOF\"\n{{v}}\nEOF") { Self.breaksLine($0) ? nil : Self.oneLine("\($0)\n", $0) },
        Case(name: "a <<- here-document", template: "cat <<-EOF\n\t{{v}}\n\tEOF") { Self.breaksLine($0) || $0.unicodeScalars.first == "\t" ? nil : Self.oneLine("\($0)\n", $0) },
        Case(name: "$( ) inside a here-document", template: "cat <<EOF\n[$(printf '%s' {{v}})]\nEOF") { "[\(Self.trailingNewlinesRemoved($0))]\n" },
        Case(name: "a comment", template: "printf '%s' ok # {{v}}") { $0.contains("\n") ? nil : "ok" },
        Case(name: "a ${ } expansion", template: "printf '%s' \"${PIWIZARD_UNSET:-{{v}}}\"") { ShellQuote.isInert($0) ? $0 : nil },
        Case(name: "an arithmetic expansion", template: "printf '%s' $(( {{v}} + 0 ))") { Int($0).map(String.init) },
    ]

    static func trailingNewlinesRemoved(_ text: String) -> String {
        var text = text
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// What an unquoted `…` word prints: its output split at blanks, printed without them.
    static func oneWord(_ text: String) -> String {
        trailingNewlinesRemoved(text).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined()
    }

    /// Whether a here-document line that is the whole value is refused: it is the delimiter `EOF`, or
    /// starts with part of it followed by a non-ASCII character (dash drops a byte of that).
    static func breaksLine(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        let shared = zip(scalars, "EOF".unicodeScalars).prefix { $0 == $1 }.count
        return value == "EOF" || (shared > 0 && shared < scalars.count && !scalars[shared].isASCII)
    }

    /// What a here-document's line prints: a value with a line break is refused there.
    static func oneLine(_ output: String, _ value: String) -> String? {
        value.contains("\n") ? nil : output
    }

    @Test(arguments: cases)
    func everyValueArrivesUnchangedOrIsRefused(_ testCase: Case) throws {
        for value in Self.values {
            let context = TemplateContext(inputs: ["v": .text(value)], lessonID: "t", lessonAssets: "/t")
            let expected = testCase.expected(value)
            let rendered: String
            do {
                rendered = try TemplateRenderer.render(testCase.template, context: context, quoting: .shell)
            } catch let refusal as TemplateRenderer.RefusedValue {
                #expect(expected == nil, "\(testCase.name): \(value.debugDescription) was refused (\(refusal)) but fits")
                #expect(!refusal.reason.isEmpty)
                continue
            }
            #expect(expected != nil, "\(testCase.name): \(value.debugDescription) should be refused, rendered \(rendered.debugDescription)")
            guard let expected else { continue }
            for shell in ["/bin/dash", "/bin/bash"] {
                let output = try Self.run(shell, rendered)
                #expect(output == expected, "\(shell) \(testCase.name): \(value.debugDescription) as \(rendered.debugDescription)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: Self.marker), "a value ran as a command")
    }

    @Test func aPathFromTheHomeFolderIsExpandedWhereTheShellExpandsAndRefusedWhereItCannot() throws {
        let path = "~/my 'card' $x.img"
        var context = TemplateContext(inputs: ["image": .text(path)], lessonID: "t", lessonAssets: "/t")
        context.homePaths = ["image"]
        let home = "/home/learner"
        let expanded = "\(home)/my 'card' $x.img"
        for (template, expected) in [
            ("printf '%s' {{image}}", expanded), ("printf '%s' '<{{image}}>'", "<\(expanded)>"),
            ("printf '%s' \"<{{image}}>\"", "<\(expanded)>"), ("cat <<EOF\n{{image}}\nEOF", expanded + "\n"),
        ] {
            let rendered = try TemplateRenderer.render(template, context: context, quoting: .shell)
            for shell in ["/bin/dash", "/bin/bash"] {
                #expect(try Self.run(shell, rendered, home: home) == expected, "\(shell): \(rendered)")
            }
        }
        #expect(throws: TemplateRenderer.RefusedValue.self) {
            try TemplateRenderer.render("cat <<'EOF'\n{{image}}\nEOF", context: context, quoting: .shell)
        }
        // A string that starts with ~/ is text: it arrives as written.
        let text = TemplateContext(inputs: ["image": .text(path)], lessonID: "t", lessonAssets: "/t")
        #expect(try Self.run("/bin/dash", try TemplateRenderer.render("printf '%s' {{image}}", context: text, quoting: .shell)) == path)
    }

    static func run(_ shell: String, _ command: String, home: String = "/nonexistent") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", command]
        process.environment = ["HOME": home, "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
