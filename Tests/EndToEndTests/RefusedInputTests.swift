import Foundation
import Testing

/// Values that break a rule are refused by the built binary before anything runs: exit 64, one line
/// naming the input and the rule, nothing run, no transcript written.
@Suite struct RefusedInputTests {
    static let lesson = """
    ---
    id: refusals
    title: Refusals
    summary: One local step that leaves a mark when it runs.
    inputs:
      subnet: { type: cidr, default: 10.9.0.0/24 }
      gateway: { type: ipv4, same-subnet-as: subnet, default: 10.9.0.254 }
      nodes:
        type: list
        fields:
          hostname: { type: hostname, unique: true }
          ip: { type: ipv4, unique: true, same-subnet-as: subnet, distinct-from: gateway }
        default:
          - { hostname: n1, ip: 10.9.0.1 }
          - { hostname: n2, ip: 10.9.0.2 }
      user: { type: username, default: pi }
      list: { type: path, default: ~/machinefile }
    ---
    # Refusals

    ## Mark {#mark}

    Leaves a mark for {{user}} at {{list}} and {{gateway}} ({{nodes.ip}}).

    ```sh {run}
    touch "$MARK"
    ```

    """

    func attempt(_ arguments: [String], vars: String? = nil) throws -> (PiwizardProcess.Output, marked: Bool, transcripts: Int) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-refused-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.lesson.write(to: dir.appendingPathComponent("refusals.md"), atomically: true, encoding: .utf8)
        var extra: [String] = []
        if let vars {
            try vars.write(to: dir.appendingPathComponent("vars.yaml"), atomically: true, encoding: .utf8)
            extra = ["--vars", dir.appendingPathComponent("vars.yaml").path]
        }
        let mark = dir.appendingPathComponent("mark")
        let output = try PiwizardProcess.run(["start", "./refusals.md", "--yes", "--state-dir", dir.appendingPathComponent("state").path] + extra + arguments,
                                             in: dir, environment: ["MARK": mark.path])
        let transcripts = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("state/transcripts").path))?.count ?? 0
        return (output, FileManager.default.fileExists(atPath: mark.path), transcripts)
    }

    @Test func theLessonRunsWhenNothingIsRefused() throws {
        let (output, marked, transcripts) = try attempt(["--var", "gateway=10.9.0.200"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(marked && transcripts == 1, "the test's lesson does leave its mark")
    }

    @Test(arguments: [
        (["--var", "gateway=10.9.0.2"], "piwizard: --var gateway: refused, because nodes record 2 (n2): ip 10.9.0.2 is also gateway (ip must not be gateway)\n"),
        (["--var", "subnet=10.8.0.0/24"], "piwizard: --var subnet: refused, because gateway 10.9.0.254 is outside the subnet 10.8.0.0/24 (gateway must be in subnet)\n"),
        (["--var", "nodes=n1 10.9.0.1; n2 10.9.0.254"], "piwizard: --var nodes: refused, because nodes record 2 (n2): ip 10.9.0.254 is also gateway (ip must not be gateway)\n"),
        (["--var", "user=pi' && touch /tmp/x '"], "piwizard: --var user: 'pi' && touch /tmp/x '' contains '''; a user name is 1-32 lower-case letters, digits, '_' or '-', starting with a letter or '_' (e.g. pi)\n"),
        (["--var", "list=../../etc/passwd"], "piwizard: --var list: '../../etc/passwd' climbs out of the home folder with '..' (a path that does not start with / starts there); write the whole path, from /\n"),
        (["--var", "list=/etc/passwd"], "piwizard: --var list: '/etc/passwd' is inside /etc, a system folder; this input may not point there (choose a place in your home folder)\n"),
        (["--var", "gateway=10.9.0.08"], "piwizard: --var gateway: '10.9.0.08' has a leading zero in '08', which is ambiguous (some programs read 010 as octal 8); write 10.9.0.8\n"),
    ])
    func aRefusedValueStopsEverythingBeforeItRuns(_ arguments: [String], _ message: String) throws {
        let (output, marked, transcripts) = try attempt(arguments)
        #expect(output.status == 64)
        #expect(output.stderr == message)
        #expect(!output.stderr.contains("Usage:") && output.stdout.isEmpty)
        #expect(!marked && transcripts == 0, "nothing ran, nothing was recorded")
    }

    @Test func aVarsFileRefusalNamesTheFileAndLine() throws {
        let (output, marked, _) = try attempt([], vars: "gateway: 10.9.0.200\nuser: ~\n")
        #expect(output.status == 64)
        #expect(output.stderr.hasSuffix("vars.yaml:2: user has no value (YAML reads '~' as none); write a username, and quote it ('~') if you mean a home folder\n"), "\(output.stderr)")
        #expect(!marked)
    }

    /// A resumed run whose given value is refused says nothing about resuming first (issue 31: it
    /// printed "Resuming at step …" and then the refusal).
    @Test func aRefusedValueOnResumeComesBeforeAnyResumingLine() throws {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.lesson.write(to: dir.appendingPathComponent("refusals.md"), atomically: true, encoding: .utf8)
        let binary = PiwizardProcess.quote(PiwizardProcess.binary.path)
        let state = PiwizardProcess.quote(dir.appendingPathComponent("state").path)
        let lesson = PiwizardProcess.quote(dir.appendingPathComponent("refusals.md").path)
        let quit = try PiwizardProcess.shell("printf 'quit\\n' | \(binary) start \(lesson) --state-dir \(state)")
        #expect(quit.status == 0, "\(quit.stdout)\(quit.stderr)")
        let resumed = try PiwizardProcess.shell("\(binary) resume refusals --lessons \(PiwizardProcess.quote(dir.path)) --state-dir \(state) --yes --var gateway=10.9.0.2")
        #expect(resumed.status == 64)
        #expect(resumed.stderr.hasPrefix("piwizard: --var gateway: refused"), "\(resumed.stderr)")
        #expect(!resumed.stdout.contains("Resuming"), "\(resumed.stdout)")
    }
}

/// `piwizard test` refuses a value that breaks a rule before it runs anything, its lesson's teardown
/// blocks included (they ran first, with the refused value, before the set-up was one).
@Suite struct RefusedSelfTestInputTests {
    static let lesson = RefusedInputTests.lesson + """
    ```sh {check}
    test -e "$MARK"
    ```

    ```sh {teardown}
    touch "$MARK-teardown"; rm -f "$MARK"
    ```

    """

    @Test func aRefusedValueStopsTheSelfTestBeforeItsTeardown() throws {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.lesson.write(to: dir.appendingPathComponent("refusals.md"), atomically: true, encoding: .utf8)
        let mark = dir.appendingPathComponent("mark").path
        let refused = try PiwizardProcess.run(["test", "./refusals.md", "--var", "gateway=10.9.0.2"], in: dir, environment: ["MARK": mark])
        #expect(refused.status == 64, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr == "piwizard: --var gateway: refused, because nodes record 2 (n2): ip 10.9.0.2 is also gateway (ip must not be gateway)\n")
        #expect(!FileManager.default.fileExists(atPath: mark + "-teardown"), "nothing ran, not even the teardown")
        let held = try PiwizardProcess.run(["test", "./refusals.md", "--var", "gateway=10.9.0.200"], in: dir, environment: ["MARK": mark])
        #expect(held.status == 0, "\(held.stdout)\(held.stderr)")
        #expect(FileManager.default.fileExists(atPath: mark + "-teardown"), "the test's teardown does leave its mark")
    }
}
