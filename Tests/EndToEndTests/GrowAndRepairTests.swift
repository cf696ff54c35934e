import Foundation
import Testing
import TmuxTestSupport

/// Day two on a finished run, with a lesson of its own (its commands write to a log): a longer list
/// given to `start` goes on from the finished run and does only what the new node changes (its own
/// card, every node's list of the others, the machine file), never what still holds (the other cards,
/// an `always` step whose commands are the same); `reset --item` forgets one node, and `resume` does
/// that node again and the steps that work on every node, and nothing else.
@Suite struct GrowAndRepairTests {
    static let lesson = """
    ---
    id: grow
    title: Grow
    summary: Cards, a list of the others on each, and a machine file.
    inputs:
      nodes:
        type: list
        fields:
          name: { type: hostname, unique: true }
          ip: { type: ipv4, unique: true }
        default:
          - { name: a1, ip: 10.9.0.1 }
          - { name: a2, ip: 10.9.0.2 }
    ---

    ## Write each node's card {#card foreach=nodes as=node}

    ```sh {run}
    echo "card {{node.name}}" >> "$LOG" && mkdir -p "$DIR/{{node.name}}"
    ```

    ```sh {check}
    test -d "$DIR/{{node.name}}"
    ```

    ## Tell every node the others' names {#hosts foreach=nodes as=node}

    ```sh {run}
    echo "hosts {{node.name}}" >> "$LOG" && printf '%s\\n' {{nodes.name}} > "$DIR/{{node.name}}/hosts"
    ```

    ```sh {check}
    printf '%s\\n' {{nodes.name}} | cmp -s - "$DIR/{{node.name}}/hosts"
    ```

    ## Write the machine file {#machinefile}

    There are {{nodes.count}} nodes.

    ```sh {run}
    echo machinefile >> "$LOG" && printf '%s\\n' {{nodes.ip}} > "$DIR/machinefile"
    ```

    ## Say hello {#hello always}

    ```sh {run}
    echo hello >> "$LOG"
    ```

    """

    struct Workspace {
        let folder: URL
        var log: URL { folder.appendingPathComponent("log") }
        var nodes: URL { folder.appendingPathComponent("nodes") }
        var environment: [String: String] { ["LOG": log.path, "DIR": nodes.path, "PIWIZARD_STATE_DIR": folder.appendingPathComponent("state").path] }

        func piwizard(_ arguments: [String]) throws -> PiwizardProcess.Output {
            try PiwizardProcess.run(arguments, in: folder, environment: environment)
        }

        /// The log's lines written since the last call.
        mutating func newLines() throws -> [String] {
            let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
            defer { seen = lines.count }
            return Array(lines.dropFirst(seen))
        }
        private var seen = 0

        init() throws {
            folder = try PiwizardProcess.temporaryFolder()
            try GrowAndRepairTests.lesson.write(to: folder.appendingPathComponent("grow.md"), atomically: true, encoding: .utf8)
        }
    }

    static let three = "nodes=a1 10.9.0.1; a2 10.9.0.2; a3 10.9.0.3"

    @Test func aLongerListDoesOnlyWhatTheNewNodeChanges() throws {
        var work = try Workspace()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        #expect(try work.piwizard(["start", "./grow.md", "--yes"]).status == 0)
        #expect(try work.newLines() == ["card a1", "card a2", "hosts a1", "hosts a2", "machinefile", "hello"])

        let grow = try work.piwizard(["start", "./grow.md", "--yes", "--var", Self.three])
        #expect(grow.status == 0, "\(grow.stdout)\(grow.stderr)")
        #expect(grow.unwrappedStdout.contains("Going on from the run you finished"), "\(grow.stdout)")
        #expect(grow.unwrappedStdout.contains("With the new values of nodes these steps do something new, and are looked at again: hosts (a1, a2); machinefile."), "\(grow.stdout)")
        #expect(try work.newLines() == ["card a3", "hosts a1", "hosts a2", "hosts a3", "machinefile"], "the new node's card only; every node's list; not hello")
        #expect(try String(contentsOf: work.nodes.appendingPathComponent("machinefile"), encoding: .utf8) == "10.9.0.1\n10.9.0.2\n10.9.0.3\n")

        // The same values once more: nothing to go on with, so `resume` says how to give new ones.
        let again = try work.piwizard(["resume", "grow", "--yes"])
        #expect(again.status == 66)
        #expect(again.stderr.contains("the run of 'grow' has finished; to grow or change it, give the new values (--var NAME=VALUE, --vars FILE)"), "\(again.stderr)")
        // A changed address: only what uses it.
        let moved = try work.piwizard(["resume", "grow", "--yes", "--var", "nodes=a1 10.9.0.1; a2 10.9.0.2; a3 10.9.0.33"])
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(try work.newLines() == ["machinefile"])
    }

    @Test func oneNodeForgottenIsDoneAgainAndNothingElse() throws {
        var work = try Workspace()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        #expect(try work.piwizard(["start", "./grow.md", "--yes", "--var", Self.three]).status == 0)
        _ = try work.newLines()

        let reset = try work.piwizard(["reset", "grow", "--item", "a2"])
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(reset.unwrappedStdout.contains("Forgot what was done for a2 in 2 steps (card, hosts), and the steps that work on every node of nodes: machinefile."), "\(reset.stdout)")
        let status = try work.piwizard(["status"])
        #expect(status.stdout.contains("at step 1 (card)"), "\(status.stdout)")
        try FileManager.default.removeItem(at: work.nodes.appendingPathComponent("a2"))   // its card died

        let resume = try work.piwizard(["resume", "grow", "--yes"])
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        #expect(try work.newLines() == ["card a2", "hosts a2", "machinefile"])

        let unknown = try work.piwizard(["reset", "grow", "--item", "zz"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr == "piwizard: the saved run of 'grow' has no node 'zz' (its nodes: a1, a2, a3)\n", "\(unknown.stderr)")
        let oneStep = try work.piwizard(["reset", "grow", "--item", "a3", "--step", "hosts"])
        #expect(oneStep.unwrappedStdout.contains("Forgot what was done for a3 in 1 step (hosts)."), "\(oneStep.stdout)")
    }

    @Test func theSameValuesStartOver() throws {
        var work = try Workspace()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        #expect(try work.piwizard(["start", "./grow.md", "--yes"]).status == 0)
        _ = try work.newLines()
        let over = try work.piwizard(["start", "./grow.md", "--yes"])
        #expect(over.status == 0)
        #expect(!over.stdout.contains("Going on from"), "\(over.stdout)")
        // A fresh run looks before each step: the cards and lists are there; the rest runs again.
        #expect(try work.newLines() == ["machinefile", "hello"])
    }

    /// At a terminal a finished run given new values is offered, not taken: yes goes on from it, no
    /// starts over.
    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"), arguments: [true, false])
    func aTerminalAsksBeforeGoingOn(goOn: Bool) throws {
        var work = try Workspace()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        #expect(try work.piwizard(["start", "./grow.md", "--yes"]).status == 0)
        _ = try work.newLines()
        let tmux = try TmuxSession(width: 80, height: 30,
                                   command: TmuxSession.reportingExit([PiwizardProcess.binary.path, "start", "./grow.md", "--var", Self.three]),
                                   environment: work.environment.merging(["INPUTRC": "/dev/null", "HOME": work.folder.path]) { $1 },
                                   workingDirectory: work.folder)
        defer { tmux.kill() }
        let question = try tmux.waitFor(text: "doing again only what they change? [Y/n]")
        #expect(question.contains("You finished this lesson"), "\(question)")
        #expect(question.contains("these values are new: nodes."), "\(question)")
        try tmux.sendKeys(.text(goOn ? "y" : "n"), .enter)
        // Going on, the new node's card is next; starting over, the first card is looked at first.
        let screen = try tmux.waitFor(text: goOn ? "card[a3]>" : "Its checks pass already")
        #expect(screen.contains("Going on from the run you finished") == goOn, "\(screen)")
    }
}
