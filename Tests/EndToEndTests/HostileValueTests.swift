import Foundation
import Testing
import TmuxTestSupport

/// Hostile values given to the built binary: a value in a here-document and inside an author's quotes
/// arrives as its characters and runs nothing; a value its place cannot hold, or one with a control
/// character, is refused before anything runs (exit 64), shown visibly, never raw.
@Suite struct HostileValueTests {
    static let lesson = """
    ---
    id: places
    title: Places
    summary: A value written into a here-document and into quoted words.
    inputs:
      word: { type: string, default: hello }
    ---
    # Places

    ## Write {#write}

    ```sh {run}
    cat > "$OUT" <<EOF
    {{word}}
    EOF
    printf '%s|' 'single:{{word}}' "double:{{word}}" "$(printf '%s' "nested:{{word}}")" >> "$OUT"
    ```

    ```sh {check}
    test -s "$OUT"
    ```

    """

    struct Attempt {
        var output: PiwizardProcess.Output
        var written: String?
        var ranAValue: Bool
        /// What MARK in the arguments stood for.
        var mark: String
    }

    func attempt(_ arguments: [String], vars: String? = nil) throws -> Attempt {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.lesson.write(to: dir.appendingPathComponent("places.md"), atomically: true, encoding: .utf8)
        var extra: [String] = []
        if let vars {
            try vars.write(to: dir.appendingPathComponent("vars.yaml"), atomically: true, encoding: .utf8)
            extra = ["--vars", dir.appendingPathComponent("vars.yaml").path]
        }
        let out = dir.appendingPathComponent("out")
        let mark = dir.appendingPathComponent("mark").path
        let output = try PiwizardProcess.run(["start", "./places.md", "--yes", "--state-dir", dir.appendingPathComponent("state").path] + extra
                                             + arguments.map { $0.replacingOccurrences(of: "MARK", with: mark) },
                                             in: dir, environment: ["OUT": out.path])
        return Attempt(output: output, written: try? String(contentsOf: out, encoding: .utf8),
                       ranAValue: FileManager.default.fileExists(atPath: mark), mark: mark)
    }

    @Test func aValueInAHereDocumentAndInsideQuotesArrivesAsItsCharacters() throws {
        let value = "$(touch MARK) `touch MARK` '\"\\ ${HOME}"
        let result = try attempt(["--var", "word=\(value)"])
        #expect(result.output.status == 0, "\(result.output.stderr)")
        #expect(!result.ranAValue, "a value ran as a command")
        let sent = value.replacingOccurrences(of: "MARK", with: result.mark)
        #expect(result.written == "\(sent)\nsingle:\(sent)|double:\(sent)|nested:\(sent)|")
    }

    @Test func aValueThatWouldEndTheHereDocumentIsRefusedBeforeAnythingRuns() throws {
        let result = try attempt(["--var", "word=EOF"])
        #expect(result.output.status == 64)
        #expect(result.output.stderr.contains("--var word: it cannot go where step 'write' puts {{word}}"), "\(result.output.stderr)")
        #expect(result.output.stderr.contains("delimiter"))
        #expect(result.written == nil, "nothing may run")
    }

    @Test func aControlCharacterIsRefusedAndShownVisibly() throws {
        let result = try attempt([], vars: "word: \"clear\\e[2J\\e]0;title\\u0007\"\n")
        #expect(result.output.status == 64)
        #expect(result.output.stderr.contains("vars.yaml:1: word: the value holds a control character (\\e, character 6)"), "\(result.output.stderr)")
        #expect(!result.output.stderr.unicodeScalars.contains("\u{1B}") && !result.output.stdout.unicodeScalars.contains("\u{1B}"))
        #expect(result.written == nil)
        let inline = try attempt(["--var", "word=a\u{1B}[2Jb"])
        #expect(inline.output.status == 64)
        #expect(!inline.output.stderr.unicodeScalars.contains("\u{1B}"), "\(inline.output.stderr)")
    }

    /// On a real terminal (tmux): the refusal shows the escapes as text; the screen is not cleared.
    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func aControlCharacterNeverReachesTheScreenRaw() throws {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.lesson.write(to: dir.appendingPathComponent("places.md"), atomically: true, encoding: .utf8)
        try "word: \"before\\e[2J\\e[Hafter\"\n".write(to: dir.appendingPathComponent("vars.yaml"), atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 80, height: 24,
                                   command: ["/bin/sh", "-c", "echo FIRST-LINE; \"$@\"; echo \"EXIT=$?\"; exec sleep 86400", "sh",
                                             PiwizardProcess.binary.path, "start", "./places.md", "--vars", "vars.yaml"],
                                   environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.appendingPathComponent("state").path],
                                   workingDirectory: dir)
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "EXIT=64")
        #expect(screen.contains("FIRST-LINE"), "the screen was not cleared")
        // The message wraps at the screen's edge.
        #expect(screen.replacingOccurrences(of: "\n", with: " ").contains("control character (\\e, character 7)"), "\(screen)")
    }
}
