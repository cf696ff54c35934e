import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Kills the built binary with SIGKILL at many points of an unattended run and shows that `resume`
/// always finishes the lesson with the same final state, no step lost or done twice, and that every
/// transcript written so far still parses.
@Suite(.serialized) struct CrashResumeTests {
    static let steps = (1...12).map { "step\($0)" }
    static let fruits = ["apple", "pear", "plum", "fig"]

    /// Every step appends its name to a log once; its check proves the line is there.
    static func lesson(log: String) -> String {
        var text = """
        ---
        id: crash
        title: Crash and resume
        summary: Many small steps that each leave one line in a log.
        inputs:
          log: { type: path, default: \(log) }
          fruits:
            type: list
            fields:
              name: { type: string, unique: true }
            default:
        """
        text += "\n" + fruits.map { "      - { name: \($0) }" }.joined(separator: "\n") + "\n---\n"
        for step in steps {
            text += """

            ## Step \(step) {#\(step)}

            ```sh {run}
            echo \(step) >> {{log}}
            ```

            ```sh {check}
            grep -qx \(step) {{log}}
            ```

            > **Hint:** the log is {{log}}.

            """
            if step == "step6" {
                text += """

                ## Each fruit {#fruit foreach=fruits as=fruit}

                ```sh {run}
                echo fruit-{{fruit.name}} >> {{log}}
                ```

                ```sh {check}
                grep -qxF fruit-{{fruit.name}} {{log}}
                ```

                > **Hint:** the log is {{log}}.

                """
            }
        }
        return text
    }

    static var expectedLines: [String] {
        Array(steps.prefix(6)) + fruits.map { "fruit-\($0)" } + Array(steps.dropFirst(6))
    }

    struct Setup {
        let folder: URL
        var lessons: URL { folder.appendingPathComponent("lessons") }
        var state: URL { folder.appendingPathComponent("state") }
        var log: URL { folder.appendingPathComponent("log.txt") }

        init() throws {
            folder = try PiwizardProcess.temporaryFolder()
            try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
            try CrashResumeTests.lesson(log: log.path).write(to: lessons.appendingPathComponent("crash.md"), atomically: true, encoding: .utf8)
        }

        func arguments(_ command: String) -> [String] {
            [command, "crash", "--yes", "--lessons", lessons.path, "--state-dir", state.path]
        }

        func transcriptEventCounts() -> [Int] {
            let folder = state.appendingPathComponent("transcripts")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.map { name in
                ((try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "").split(separator: "\n").count
            }
        }
    }

    /// Starts the run, kills it with SIGKILL once its transcript has at least `events` lines (or it ended).
    static func startAndKill(_ setup: Setup, afterEvents events: Int) throws -> Int {
        let process = Process()
        process.executableURL = PiwizardProcess.binary
        process.arguments = setup.arguments("start")
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning {
            if (setup.transcriptEventCounts().first ?? 0) >= events {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(200)
        }
        process.waitUntilExit()
        return setup.transcriptEventCounts().first ?? 0
    }

    @Test func resumeAfterSIGKILLAtManyPointsFinishesWithNothingLostOrDoneTwice() throws {
        // A run that is never interrupted: the reference final state.
        let reference = try Setup()
        defer { try? FileManager.default.removeItem(at: reference.folder) }
        let clean = try PiwizardProcess.run(reference.arguments("start"), in: reference.folder)
        #expect(clean.status == 0, "\(clean.stderr)")
        let total = reference.transcriptEventCounts().first ?? 0
        let referenceState = try savedStatuses(reference)
        #expect(try String(contentsOf: reference.log, encoding: .utf8).split(separator: "\n").map(String.init) == Self.expectedLines)

        var killPoints = Set<Int>()
        var target = 2
        while target < total && killPoints.count < 60 {
            let setup = try Setup()
            defer { try? FileManager.default.removeItem(at: setup.folder) }
            let killedAt = try Self.startAndKill(setup, afterEvents: target)
            if killedAt < total { killPoints.insert(killedAt) }
            // Every transcript written so far parses, even one cut off mid-line.
            for count in setup.transcriptEventCounts() { #expect(count >= 1) }
            try expectParses(setup)
            let finishedBeforeResume = try savedAsFinished(setup)
            let resumed = try PiwizardProcess.run(setup.arguments("resume"), in: setup.folder)
            if finishedBeforeResume {
                // Killed after the run was saved as finished (its last events were written): nothing to
                // resume, and resume says so.
                #expect(resumed.status == 66, "killed after \(killedAt) events; resume said: \(resumed.stderr)")
                #expect(resumed.stderr == "piwizard: the run of 'crash' has finished; to grow or change it, give the new values (--var NAME=VALUE, --vars FILE), or start it again with: \(PiwizardProcess.typedName) start crash\n")
            } else {
                #expect(resumed.status == 0, "killed after \(killedAt) events; resume said: \(resumed.stderr)")
            }
            let lines = try String(contentsOf: setup.log, encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines == Self.expectedLines, "killed after \(killedAt) events: every step exactly once, in order")
            #expect(try savedStatuses(setup) == referenceState, "killed after \(killedAt) events")
            try expectParses(setup)
            target += max(1, total / 70)
        }
        #expect(killPoints.count >= 50, "killed at \(killPoints.count) distinct points of \(total)")
    }

    /// Whether the run is saved as finished, as `piwizard status --json` reports it.
    func savedAsFinished(_ setup: Setup) throws -> Bool {
        let output = try PiwizardProcess.run(["status", "--json", "--state-dir", setup.state.path], in: setup.folder)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let runs = report["runs"] as? [[String: Any]] ?? []
        return runs.first { $0["lesson"] as? String == "crash" }?["finished"] as? Bool == true
    }

    /// The saved statuses, as `piwizard status --json` reports them.
    func savedStatuses(_ setup: Setup) throws -> String {
        let output = try PiwizardProcess.run(["status", "--json", "--state-dir", setup.state.path], in: setup.folder)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(report["schema"] as? Int == 1)
        let run = try #require((report["runs"] as? [[String: Any]])?.first { $0["lesson"] as? String == "crash" })
        #expect(run["finished"] as? Bool == true)
        let statuses = try JSONSerialization.data(withJSONObject: run["statuses"] ?? [:], options: [.sortedKeys])
        return String(decoding: statuses, as: UTF8.self)
    }

    func expectParses(_ setup: Setup) throws {
        let folder = setup.state.appendingPathComponent("transcripts")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let output = try PiwizardProcess.run(["transcript", "show", folder.appendingPathComponent(name).path], in: setup.folder)
            #expect(output.status == 0, "\(name): \(output.stderr)")
        }
    }
}
