import Foundation
import Testing
import TmuxTestSupport

/// The expand-cluster lesson at a real terminal (tmux) against the practice lab (trixie): the master's
/// key, then a wrong answer, a duplicate IP, refused before anything runs; then the card path (each card
/// made its node's own in the reader), with the destructive write confirmed by typing the device, on to
/// the sudo password, asked once and never shown; then `resume` goes on in the same lab and the learner
/// walks to the end at the terminal: the payoff shown, not offered as done, the pi program's answer, and
/// no ssh chatter on the screen.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible && TmuxSession.isAvailable, "needs Linux, root, loop devices and tmux"))
struct LessonInLabTmuxTests {
    let lab = PracticeLabFixture(name: "tmx", prefix: "10.77.203")
    /// pi's password on every lab node (docs/lab-flavours.md).
    static let labPassword = "raspberry"
    /// A newcomer's terminal: 80 columns by 30 rows.
    static let columns = 80

    @Test func aDuplicateAddressIsRefusedAndTheCardsAreWritten() throws {
        _ = try? lab.piwizard(["lab", "down"])
        #expect(try lab.piwizard(["lab", "up", "3", "--os", PracticeLabFixture.lessonFlavour]).status == 0)
        defer { _ = try? lab.piwizard(["lab", "down"]) }
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: Self.columns, height: 30,
                                   command: TmuxSession.reportingExit([PiwizardProcess.binary.path, "start", "expand-cluster", "--lab",
                                                                        "--lessons", PiwizardProcess.repository.appendingPathComponent("lessons").path]),
                                   environment: lab.environment.merging(["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                                                                         "INPUTRC": "/dev/null"]) { $1 },
                                   workingDirectory: home)
        defer { tmux.kill() }

        // The master gets its key first (the key's path is asked, its default taken), and accepts it itself.
        try tmux.waitFor(words: "The master's ssh private key", timeout: 60)
        try tmux.sendKeys(.enter)
        try tmux.waitFor(words: "ssh-key>", timeout: 30)
        try tmux.sendKeys(.enter)
        try tmux.waitFor(words: "✓ ssh-key-exists", timeout: 30)
        // The next step starts with the lab's part (the master's card into the reader): the learner sees
        // the step first, and the lab acts when they run it. Then the learner's command runs (the disks
        // listed), and the check: a step the learner ran is not offered as done.
        let shown = try tmux.waitFor(words: "find-card>", timeout: 60)
        #expect(!shown.contains("Mark it done"), "nothing is offered as done before the learner ran the step")
        try tmux.sendKeys(.enter)

        // The wrong answer: node3 gets node2's address. Refused at once; nothing changes.
        let found = try tmux.waitFor(words: "image-master>", timeout: 60)
        #expect(found.contains("pw-\(lab.name)-reader") && found.contains("✓ Done.") && !TmuxSession.words(found).contains("Mark it done"), "\(found)")
        try tmux.sendKeys(.text("set nodes.3.ip \(lab.address(2))"), .enter)
        try tmux.waitFor(words: "✗ record 3 (node3): ip '\(lab.address(2))' is already used by record 2 (node2); nothing changed.")
        try tmux.sendKeys(.text("vars"), .enter)
        try tmux.waitFor(words: "3. hostname=node3 ip=\(lab.address(3)) role=worker")

        // dd images the master's card.
        try tmux.sendKeys(.enter)
        try tmux.waitFor(words: "✓ image-matches-device", timeout: 300)   // dd reads the whole card (2.4 GB)
        // The master back on: the lab's part again waits for the learner, then the master answers.
        try tmux.waitFor(words: "master-back[node1]>", timeout: 60)
        try tmux.sendKeys(.enter)
        // The path: the default, each card made its node's own in the reader.
        let back = try tmux.waitFor(words: "Where each new card becomes its node's own", timeout: 120)
        #expect(!back.contains("Mark it done"), "\(back)")
        try tmux.sendKeys(.enter)
        // The card's network stack is the master's: detected there, offered as the answer.
        try tmux.waitFor(words: "Detected network on the master: netplan", timeout: 60)
        try tmux.sendKeys(.enter)
        // Writing a card is destructive: the device must be typed. Then the card becomes node2's.
        try tmux.waitFor(words: "personalise-cards[node2]>", timeout: 60)
        try tmux.sendKeys(.enter)
        let confirmation = try tmux.waitFor(words: "Type the device name (/dev/pw-\(lab.name)-reader) to go on")
        // What is written over: the reader as such, and whose card is in it (not "fixed" and a path).
        let confirmationWords = TmuxSession.words(confirmation)
        #expect(confirmationWords.contains("the practice lab's card reader, not mounted") && confirmationWords.contains("in it: node2's card ("), "\(confirmation)")
        try tmux.sendKeys(.text("/dev/pw-\(lab.name)-reader"), .enter)
        try tmux.waitFor(words: "✓ the card holds the node's name, address and identity", timeout: 120)
        // On to the first command that runs sudo on a node: piwizard asks for the sudo password there,
        // once, and hides what is typed. Every prompt on the way is answered as a learner would.
        try answerPrompts(tmux, until: "pi's password on the Pis")
        try tmux.type(Self.labPassword)
        try tmux.sendKeys(.enter)
        try tmux.waitFor(words: "hosts-file[node1]>", timeout: 60)
        try tmux.sendKeys(.enter)
        try tmux.waitFor(words: "✓ every node's name is known here, and its own means its address", timeout: 120)
        try tmux.waitFor(words: "hosts-file[node2]>", timeout: 60)
        try tmux.sendKeys(.text("quit"), .enter)
        let screen = try tmux.waitFor(words: "EXIT=0")
        // The command it names is one the learner can type (this binary is not on the test's PATH: its
        // full path, which tmux may wrap, at a space or inside a word).
        let unwrapped = { (text: String) in text.filter { !$0.isWhitespace } }
        #expect(unwrapped(screen).contains(unwrapped("Continue with: \(PiwizardProcess.typedName) resume expand-cluster")), "\(screen)")
        #expect(!screen.contains(Self.labPassword), "the password never reaches the screen")
        #expect(!screen.contains("the practice lab types it"), "no node is touched at its console on the card path")
        let firstSession = try tmux.capture(scrollback: true, joiningWrappedRows: true)

        // The run remembers its lab: `resume`, without --lab, goes on in it, and the learner walks on to
        // the end as before, answering every prompt (the sudo password again: it is never saved).
        let again = try TmuxSession(width: Self.columns, height: 30,
                                    command: TmuxSession.reportingExit([PiwizardProcess.binary.path, "resume", "expand-cluster",
                                                                         "--lessons", PiwizardProcess.repository.appendingPathComponent("lessons").path]),
                                    environment: lab.environment.merging(["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                                                                          "INPUTRC": "/dev/null"]) { $1 },
                                    workingDirectory: home)
        defer { again.kill() }
        // sudo's password first (the step needs it, and it is never saved), under the step's own number.
        let asked = try again.waitFor(words: "pi's password on the Pis", timeout: 60)
        #expect(TmuxSession.words(asked).contains("In the practice lab the Pis' user is pi; piwizard lab status shows its password"), "where to find it, in the lab: \(asked)")
        #expect(TmuxSession.words(asked).contains("Step 9 needs a value first: password"), "\(asked)")
        try again.type(Self.labPassword)
        try again.sendKeys(.enter)
        // It resumes where it stopped, counted as the session counts (the steps that apply).
        let resumedAt = try again.waitFor(words: "hosts-file[node2]>", timeout: 60)
        let header = try #require(TmuxSession.words(resumedAt).firstMatch(of: /Step (\d+) of (\d+) · Tell every node/), "\(resumedAt)")
        #expect(TmuxSession.words(resumedAt).contains("Resuming at step \(header.1) of \(header.2) "), "\(resumedAt)")
        #expect(Int(header.2)! < 23, "a branch not taken is not counted")
        try again.sendKeys(.enter)
        // On to the payoff and past it, and on to the end: the pi program copied, built and run.
        try answerPrompts(again, until: "EXIT=")
        let exit = try again.waitFor(words: "EXIT=", timeout: 30)
        #expect(exit.contains("EXIT=0"), "\(exit)")
        let walk = try again.capture(scrollback: true)
        // The payoff is shown, not offered as done: the step runs, and the nodes answer by name.
        let payoff = try #require(walk.range(of: "· Run a first job on every node"), "\(walk.suffix(3000))")
        let payoffEnd = walk.range(of: "· Copy the pi program", range: payoff.upperBound..<walk.endIndex)?.lowerBound ?? walk.endIndex
        let payoffStep = String(walk[payoff.upperBound..<payoffEnd])
        #expect(!payoffStep.contains("Mark it done"), "\(payoffStep)")
        #expect(payoffStep.contains("\nnode3\n") || payoffStep.contains("\nnode3 "), "mpiexec's answer is on the screen: \(payoffStep)")
        #expect(walk.contains("pi is approximately 3.14159265"), "the pi program's answer is on the screen: \(walk.suffix(3000))")
        // Nothing a newcomer reads as their own mistake.
        #expect(!walk.contains("Shared connection to") && !walk.contains("Cannot stat"), "\(walk)")
        #expect(!walk.contains(Self.labPassword), "the password never reaches the screen")
        // The count is of steps, not of step items.
        let finished = try #require(walk.firstMatch(of: /Lesson finished:\s+(\d+)\s+steps?\s+done/), "\(walk.suffix(2000))")
        #expect(Int(finished.1)! <= Int(header.2)!, "steps, not step items: \(finished.0)")
        #expect(try lab.onNode(1, "timeout 60 mpiexec -f ~/machinefile -n 3 hostname").split(separator: "\n").sorted() == ["node1", "node2", "node3"])

        // A newcomer's 80×30 screen: nothing of piwizard's broken by the terminal or glued to a
        // command's output, one count of steps, and the record tells both sessions.
        let secondSession = try again.capture(scrollback: true, joiningWrappedRows: true)
        for session in [firstSession, secondSession] { Self.expectFitted(session) }
        let totals = Set(TmuxSession.words(secondSession).matches(of: /Step \d+ of (\d+) ·/).map { String($0.1) })
        #expect(totals == [String(header.2)], "one count of steps in the session: \(totals)")
        try expectTheRecordTellsBothSessions(home: home)
        try lab.downAndExpectNothingLeft()
    }

    /// What piwizard printed fits 80 columns (in a capture whose rows the terminal continued are
    /// joined, a line wider than the screen is one the terminal broke: only commands' own output may
    /// be, such as dd's progress) and starts its own line.
    static func expectFitted(_ screen: String) {
        let marks = ["Step ", "✓ ", "✗ ", "Hint:", "expected:", "found:", "Resuming", "Lesson finished", "Do this by hand"]
        for line in screen.split(separator: "\n").map(String.init) {
            let text = String(line.reversed().drop { $0 == " " }.reversed())
            if ScreenColumns.of(text) > columns {
                #expect(!marks.contains { text.contains($0) }, "a line of piwizard's the terminal broke: \(text)")
            }
            let glued = text.contains(/\S.*(✓ |✗ |Step \d+ of \d+ ·)/) && !text.contains("you are here")
            #expect(!glued, "piwizard's words glued to other text: \(text)")
        }
    }

    /// `transcript show --run`: both sessions of the run, in order, tell what was typed (a refused value
    /// too), the commands and checks, how each step ended, and the end; never the password.
    private func expectTheRecordTellsBothSessions(home: URL) throws {
        let record = try lab.piwizard(["transcript", "show", "--run", "expand-cluster"],
                                      environment: ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path])
        #expect(record.status == 0, "\(record.stderr)")
        let text = record.stdout
        #expect(text.contains("Session 1 of 2: ") && text.contains("Session 2 of 2: "), "\(text.prefix(2000))")
        let first = try #require(text.range(of: "Session 2 of 2: ")).lowerBound
        #expect(text[..<first].contains("⌨ image-master> set nodes.3.ip \(lab.address(2))"), "the refused value, as typed")
        #expect(text[..<first].contains("step personalise-cards/node2") && text[..<first].contains("→ node2: done"))
        #expect(text[first...].contains("step mpi-pi") && text[first...].contains("end: Lesson finished"), "\(text.suffix(2000))")
        #expect(text.contains("\"done already?\" looked up"), "the look-ups counted apart")
        #expect(!text.contains(Self.labPassword), "the password never reaches the record")
    }

    /// Answers every prompt as a learner who agrees would (run the step, mark it done, confirm the
    /// device, take the default) until the last lines show `text`.
    private func answerPrompts(_ tmux: TmuxSession, until text: String) throws {
        var previous = ""
        for _ in 0..<120 {
            // New output since the last answer (the echo of an Enter alone adds only blank lines).
            // A question fitted to 80 columns may take two lines: its words are what counts.
            let screen = try tmux.waitFor(description: "a prompt after the last answer", timeout: 240) { screen in
                Self.trimmed(screen) != Self.trimmed(previous)
                    && (Self.isPrompt(Self.lastLines(screen, 1)) || Self.tail(screen).hasSuffix("anything else to stop:") || Self.tail(screen).contains(text))
            }
            if Self.tail(screen).contains(text) { return }
            if Self.tail(screen).hasSuffix("anything else to stop:") {
                try tmux.sendKeys(.text("/dev/pw-\(lab.name)-reader"), .enter)
            } else if Self.tail(screen).contains("password on the Pis") {
                try tmux.type(Self.labPassword)
                try tmux.sendKeys(.enter)
            } else {
                try tmux.sendKeys(.enter)
            }
            previous = screen
        }
        throw TmuxSession.Failure.timedOut(waitingFor: text, screen: try tmux.capture(scrollback: false))
    }

    /// The words of the screen's last three lines that are not blank.
    static func tail(_ screen: String) -> String { TmuxSession.words(lastLines(screen, 3)) }

    static func trimmed(_ screen: String) -> String {
        String(screen.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// The screen's last `count` lines that are not blank, joined.
    static func lastLines(_ screen: String, _ count: Int) -> String {
        screen.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(count).joined(separator: "\n")
    }

    /// A line the session waits at, with nothing typed yet: a step's prompt (`step[node]>`), a yes/no
    /// question, a device to type, or an input's question (`PROMPT [type]: default`).
    static func isPrompt(_ line: String) -> Bool {
        line.range(of: #"^[a-z0-9-]+(\[[^\]]+\])?>$"#, options: .regularExpression) != nil
            || line.hasSuffix("[Y/n]") || line.hasSuffix("anything else to stop:") || line.contains("]: ")
    }
}
