import Foundation
import Testing
import TmuxTestSupport

/// A node's console at a real terminal (tmux): the node's own login prompt, a login as `pi`, and a
/// `sudo reboot` under it that hands the terminal back intact once the node is up again.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible && TmuxSession.isAvailable, "needs Linux, root, loop devices and tmux"))
struct LabConsoleTmuxTests {
    let lab = PracticeLabFixture(name: "con", prefix: "10.77.208")

    @Test func theConsoleIsTheNodesLoginAndSurvivesAReboot() throws {
        _ = try? lab.piwizard(["lab", "down"])
        #expect(try lab.piwizard(["lab", "up", "1", "--os", PracticeLabFixture.lessonFlavour]).status == 0)
        defer { _ = try? lab.piwizard(["lab", "down"]) }
        let tmux = try TmuxSession(width: 100, height: 30, command: ["/bin/bash", "--norc", "--noprofile"],
                                   environment: lab.environment.merging(["PS1": "host$ ", "INPUTRC": "/dev/null"]) { $1 })
        defer { tmux.kill() }
        try tmux.waitFor(text: "host$")

        try tmux.type("\(PiwizardProcess.binary.path) lab console node1")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "node1 login:", timeout: 30)
        try tmux.type("pi")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "Password:")
        try tmux.type("raspberry")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "pi@node1:~$", timeout: 30)

        // The node restarts under the console; the console ends and waits until the node is up again.
        // Trixie's sudo asks for pi's password (images since April 2026), at the console as anywhere.
        try tmux.type("sudo reboot")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "[sudo] password for pi:", timeout: 30)
        try tmux.type("raspberry")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "node1 restarted.", timeout: 120)
        #expect(try lab.piwizard(["lab", "status"]).stdout.contains("node1  on     plugged in  node1     \(lab.address(1))"))

        // The terminal is as it was: what is typed is echoed, and a line runs when Enter is pressed.
        try tmux.type("echo back-$((20 + 22))")
        try tmux.sendKeys(.enter)
        let screen = try tmux.waitFor(text: "back-42")
        #expect(screen.contains("host$ echo back-$((20 + 22))"), "\(screen)")
    }
}
