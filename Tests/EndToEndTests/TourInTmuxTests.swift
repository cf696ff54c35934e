import Foundation
import Testing
import TmuxTestSupport

/// The built binary in a real terminal (tmux): the whole tour with readline's pre-filled edit, tab
/// completion and history, a failed check with its hint, a step done by hand, a loop, a branch and a
/// confirmed destructive step.
@Suite(.serialized) struct TourInTmuxTests {
    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func completesTheTourAtARealTerminal() throws {
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let suffix = "-e2e-\(UUID().uuidString.prefix(6))"
        let workdir = "/tmp/piwizard-tour" + suffix
        defer { try? FileManager.default.removeItem(atPath: workdir) }
        let tmux = try TmuxSession(width: 100, height: 50,
                                   command: TmuxSession.reportingExit([PiwizardProcess.binary.path, "start", "tour", "--lessons", PiwizardProcess.repository.appendingPathComponent("lessons").path]),
                                   environment: ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path, "INPUTRC": "/dev/null"],
                                   workingDirectory: home)
        defer { tmux.kill() }

        // The default is offered on the line: edit it in place.
        try tmux.waitFor(text: "A scratch folder for the tour's files [path]: /tmp/piwizard-tour")
        try tmux.sendKeys(.end, .text(suffix), .enter)
        try tmux.waitFor(text: "start>")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "✓ Done.")
        try tmux.waitFor(text: "[string]: friend")
        try tmux.sendKeys(.enter)

        // Tab completes a command; the check fails with its hint.
        try tmux.waitFor(text: "greet>")
        try tmux.sendKeys(.text("ru"), .tab, .enter)
        try tmux.waitFor(text: "greet> run")
        try tmux.waitFor(text: "found:    no such line")
        try tmux.waitFor(text: "Hint: The command says Helo")
        // History: the previous line comes back with Up.
        try tmux.sendKeys(.text("hint"), .enter)
        try tmux.waitFor { $0.components(separatedBy: "Hint: The command says Helo").count >= 3 }
        try tmux.sendKeys(.up, .enter)
        try tmux.waitFor { $0.components(separatedBy: "Hint: The command says Helo").count >= 4 }

        // The command is pre-filled for editing: fix the typo in place.
        try tmux.sendKeys(.text("edit"), .enter)
        try tmux.waitFor(text: "edit> printf 'Helo, %s!\\n' friend > \(workdir)/hello.txt")
        try tmux.sendKeys([.named("C-a")] + Array(repeating: .right, count: 11) + [.text("l"), .enter])
        try tmux.waitFor(text: "✓ file-contains \(workdir)/hello.txt")

        // A step done by hand: piwizard watches, and goes on by itself once the learner did it.
        try tmux.waitFor(text: "by-hand>")
        try tmux.sendKeys(.text("run"), .enter)
        try tmux.waitFor(text: "Do this by hand; piwizard watches for it.")
        try tmux.waitFor(text: "look 1, every 2 s: ✗")
        try "14:05\n".write(toFile: workdir + "/by-hand.txt", atomically: true, encoding: .utf8)
        try tmux.waitFor(text: "It looks done: checking it.")

        // The loop over the fruits (their list is asked first, defaults pre-filled).
        try tmux.waitFor(text: "How many fruits [int]: 3")
        try tmux.sendKeys(.enter, .enter, .enter, .enter)
        for fruit in ["apple", "pear", "plum"] {
            try tmux.waitFor(text: "basket[\(fruit)]>")
            try tmux.sendKeys(.enter)
        }

        // The branch: the default choice, then its step.
        try tmux.waitFor(text: "(printf, for-loop) [choice]: printf")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "summary-printf>")
        try tmux.sendKeys(.text("status"), .enter)
        try tmux.waitFor(text: "→ · 5. Write the summary with printf [summary-printf]")
        try tmux.sendKeys(.enter)

        // The destructive tidy-up asks first.
        try tmux.waitFor(text: "tidy-up>")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "This command is destructive. Run it? [y/N]")
        try tmux.sendKeys(.text("y"), .enter)
        let screen = try tmux.waitFor(text: "EXIT=0")
        #expect(screen.contains("Lesson finished: 6 steps done; 1 of them once for each fruit, 3 runs in all."))
        #expect(!FileManager.default.fileExists(atPath: workdir), "the tour removed its folder")
        #expect(!screen.contains("Error"))
        let history = try String(contentsOf: home.appendingPathComponent("state/piwizard/history"), encoding: .utf8)
        #expect(history.contains("hint") && history.contains("edit"))
    }

    /// A watch at a real terminal: a command typed while piwizard watches ends the watch and is read
    /// whole (its first key too), Ctrl-C stops a watch, and the session's transcript replays exactly,
    /// its waits included.
    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func typingOrCtrlCEndsAWatchAndTheSessionReplays() throws {
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let state = home.appendingPathComponent("state")
        let workdir = "/tmp/piwizard-tour-watch-\(UUID().uuidString.prefix(6))"
        defer { try? FileManager.default.removeItem(atPath: workdir) }
        let lessons = PiwizardProcess.repository.appendingPathComponent("lessons").path
        let tmux = try TmuxSession(width: 80, height: 40,
                                   command: TmuxSession.reportingExit([PiwizardProcess.binary.path, "start", "tour", "--state-dir", state.path, "--lessons", lessons]),
                                   environment: ["HOME": home.path, "INPUTRC": "/dev/null"], workingDirectory: home)
        defer { tmux.kill() }
        try tmux.waitFor(text: "A scratch folder for the tour's files [path]: /tmp/piwizard-tour")
        try tmux.sendKeys(.named("C-u"), .text(workdir), .enter)
        try tmux.waitFor(text: "start>")
        try tmux.sendKeys(.text("goto by-hand"), .enter)
        try tmux.waitFor(text: "by-hand>")
        try tmux.sendKeys(.text("run"), .enter)
        try tmux.waitFor(text: "look 1, every 2 s: ✗")

        // A command typed while watching: its first key ends the watch, and the whole line is read.
        try tmux.sendKeys(.text("hint"), .enter)
        try tmux.waitFor(text: "by-hand> hint")
        try tmux.waitFor(text: "Hint: No such file or directory")
        try tmux.waitFor(text: "by-hand> ")
        try tmux.sendKeys(.text("watch"), .enter)
        try tmux.waitFor { $0.components(separatedBy: "Watching: piwizard looks at its check").count >= 3 }
        try tmux.sendKeys(.ctrlC)
        try tmux.waitFor(text: "Stopped watching. Type done when you have done it, or watch to watch again.")
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        try "14:05\n".write(toFile: workdir + "/by-hand.txt", atomically: true, encoding: .utf8)
        try tmux.sendKeys(.text("done"), .enter)
        try tmux.waitFor(text: "✓ Done.")
        try tmux.waitFor(text: "How many fruits")
        try tmux.sendKeys(.named("C-u"), .ctrlD)   // the default is on the line: clear it, then end
        try tmux.waitFor(text: "EXIT=")

        let folder = state.appendingPathComponent("transcripts")
        let transcripts = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        try #require(transcripts.count == 1)
        let cast = try String(contentsOf: folder.appendingPathComponent(transcripts[0]), encoding: .utf8)
        #expect(cast.contains("\"x-wait\",\"key\"") && cast.contains("\"x-wait\",\"interrupt\""), "the waits are recorded")
        let replay = try PiwizardProcess.run(["replay", folder.appendingPathComponent(transcripts[0]).path, "--lessons", lessons])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        let shown = try PiwizardProcess.run(["transcript", "show", folder.appendingPathComponent(transcripts[0]).path])
        #expect(shown.stdout.contains(", stopped by a command typed\n    ⌨ by-hand> hint\n"), "\(shown.stdout)")
        #expect(shown.stdout.contains(", stopped with Ctrl-C\n"), "\(shown.stdout)")
    }

    /// Ctrl-C at the step's prompt, then Ctrl-D: the session ends, and its transcript replays exactly
    /// (the replay took the end of input for a second Ctrl-C).
    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func ctrlCThenCtrlDAtThePromptReplays() throws {
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let state = home.appendingPathComponent("state")
        let tmux = try TmuxSession(width: 100, height: 50,
                                   // bash, not sh: dash ends itself when the Ctrl-C piwizard caught reaches it too.
                                   command: ["/bin/bash", "-c", "\"$@\"; echo \"EXIT=$?\"; exec sleep 86400", "bash", PiwizardProcess.binary.path,
                                             "start", "tour", "--state-dir", state.path, "--lessons", PiwizardProcess.repository.appendingPathComponent("lessons").path],
                                   environment: ["HOME": home.path, "INPUTRC": "/dev/null"], workingDirectory: home)
        defer { tmux.kill() }
        try tmux.waitFor(text: "A scratch folder for the tour's files [path]: /tmp/piwizard-tour")
        try tmux.sendKeys(.end, .text("-ctrl-d-\(UUID().uuidString.prefix(6))"), .enter)
        try tmux.waitFor(text: "start>")
        try tmux.sendKeys(.ctrlC)
        try tmux.waitFor(text: "Nothing was run.")
        try tmux.sendKeys(.ctrlD)
        try tmux.waitFor(text: "EXIT=0")
        let transcripts = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("transcripts").path)
        try #require(transcripts.count == 1)
        let replay = try PiwizardProcess.run(["replay", state.appendingPathComponent("transcripts").appendingPathComponent(transcripts[0]).path,
                                              "--lessons", PiwizardProcess.repository.appendingPathComponent("lessons").path])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
    }
}
