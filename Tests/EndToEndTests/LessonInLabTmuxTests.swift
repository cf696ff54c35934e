import Foundation
import Testing
import TmuxTestSupport

/// The expand-cluster lesson at a real terminal (tmux) against the practice lab (trixie): the master's
/// key, then a wrong answer, a duplicate IP, refused before anything runs; then the card steps, with the destructive write
/// confirmed by typing the device; then `resume` finishes the run in the same lab.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible && TmuxSession.isAvailable, "needs Linux, root, loop devices and tmux"))
struct LessonInLabTmuxTests {
    let lab = PracticeLabFixture(name: "tmx", prefix: "10.77.203")

    @Test func aDuplicateAddressIsRefusedAndTheCardsAreWritten() throws {
        _ = try? lab.piwizard(["lab", "down"])
        #expect(try lab.piwizard(["lab", "up", "3", "--os", PracticeLabFixture.lessonFlavour]).status == 0)
        defer { _ = try? lab.piwizard(["lab", "down"]) }
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 110, height: 50,
                                   command: TmuxSession.reportingExit([PiwizardProcess.binary.path, "start", "expand-cluster", "--lab",
                                                                        "--lessons", PiwizardProcess.repository.appendingPathComponent("lessons").path]),
                                   environment: lab.environment.merging(["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                                                                         "INPUTRC": "/dev/null"]) { $1 },
                                   workingDirectory: home)
        defer { tmux.kill() }

        // The master gets its key first (the key's path is asked, its default taken), and accepts it itself.
        try tmux.waitFor(text: "The master's ssh private key", timeout: 60)
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "ssh-key>", timeout: 30)
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "✓ ssh-key-exists", timeout: 30)
        // The lab puts the master's card into the reader, so the next step's check passes at once.
        try tmux.waitFor(text: "Mark it done and go on? [Y/n]", timeout: 60)
        try tmux.sendKeys(.enter)

        // The wrong answer: node3 gets node2's address. Refused at once; nothing changes.
        try tmux.waitFor(text: "image-master>")
        try tmux.sendKeys(.text("set nodes.3.ip \(lab.address(2))"), .enter)
        try tmux.waitFor(text: "✗ record 3: ip '\(lab.address(2))' is already used by record 2; nothing changed.")
        try tmux.sendKeys(.text("vars"), .enter)
        try tmux.waitFor(text: "3. hostname=node3 ip=\(lab.address(3)) role=worker")

        // dd images the master's card; the lab switches the master back on.
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "✓ image-matches-device", timeout: 60)
        try tmux.waitFor(description: "the second 'Mark it done'", timeout: 60) { $0.components(separatedBy: "Mark it done and go on? [Y/n]").count >= 3 }
        try tmux.sendKeys(.enter)
        // Writing a card is destructive: the device must be typed.
        try tmux.waitFor(text: "write-cards[node2]>", timeout: 60)
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "Type the device name (/dev/pw-\(lab.name)-reader) to go on")
        try tmux.sendKeys(.text("/dev/pw-\(lab.name)-reader"), .enter)
        try tmux.waitFor(text: "✓ same-content", timeout: 60)
        try tmux.waitFor(text: "write-cards[node3]>", timeout: 60)
        try tmux.sendKeys(.text("quit"), .enter)
        let screen = try tmux.waitFor(text: "EXIT=0")
        #expect(screen.contains("piwizard resume expand-cluster"))

        // node2's card now holds the master's system: it starts, as the master's twin.
        try PracticeLabFixture.sh("cmp \(lab.stateFolder)/cluster.img \(lab.stateFolder)/cards/node2.img")
        // The run remembers its lab: `resume`, without --lab, goes on in it unattended, to the end.
        let resumed = try lab.piwizard(["resume", "expand-cluster", "--yes", "--lessons", PiwizardProcess.repository.appendingPathComponent("lessons").path],
                                       environment: ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path])
        #expect(resumed.status == 0, "\(resumed.stdout.suffix(3000))\n\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resuming at step 5 of 20"), "\(resumed.stdout.prefix(2000))")
        #expect(resumed.stdout.contains("Lesson finished"))
        #expect(try lab.onNode(1, "timeout 60 mpiexec -f ~/machinefile -n 3 hostname").split(separator: "\n").sorted() == ["node1", "node2", "node3"])
        try lab.downAndExpectNothingLeft()
    }
}
