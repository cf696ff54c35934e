import Foundation
import Testing

/// A lab that is up grows: `lab up N` with more nodes adds new Pis with empty cards, plugged into the
/// switch and switched off, and leaves the running nodes running; it never shrinks or changes release.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct LabGrowTests {
    let lab = PracticeLabFixture(name: "grw", prefix: "10.77.213")

    @Test func aLabThatIsUpGrowsByNewPisAndTouchesNoRunningNode() throws {
        _ = try? lab.piwizard(["lab", "down"])
        defer { _ = try? lab.piwizard(["lab", "down"]) }
        let up = try lab.piwizard(["lab", "up", "2", "--os", "bookworm"])
        #expect(up.status == 0, "\(up.stderr)")
        let supervisor = try String(contentsOfFile: lab.runFolder + "/nodes/node1/supervisor.pid", encoding: .utf8)
        // Written to the master's /run (a tmpfs): gone if the master restarts.
        _ = try lab.piwizard(["lab", "console", "node1", "--", "touch", "/run/still-running"])

        // Without --os or --subnet, the lab keeps its own (PIWIZARD_LAB_SUBNET names it anyway here).
        let grown = try lab.piwizard(["lab", "up", "4"])
        #expect(grown.status == 0, "\(grown.stderr)")
        #expect(grown.stdout.contains("node1  on     plugged in  node1     \(lab.address(1))"), "\(grown.stdout)")
        for node in 3...4 { #expect(grown.stdout.contains("node\(node)  off    plugged in  -"), "\(grown.stdout)") }
        #expect(try String(contentsOfFile: lab.runFolder + "/nodes/node1/supervisor.pid", encoding: .utf8) == supervisor)
        #expect(try lab.piwizard(["lab", "console", "node1", "--", "ls", "/run/still-running"]).status == 0, "the master was not restarted")
        let status = try lab.piwizard(["lab", "status"])
        #expect(status.stdout.split(separator: "\n").filter { $0.hasPrefix("node") }.count == 4, "\(status.stdout)")

        // The new Pis' cards are empty: no partition table on them.
        for node in 3...4 {
            let card = "/var/lib/piwizard/labs/\(lab.name)/cards/node\(node).img"
            #expect(FileManager.default.fileExists(atPath: card), "\(card)")
            #expect(try PiwizardProcess.shell("sfdisk -d \(card) >/dev/null 2>&1").status != 0, "\(card) has a partition table")
        }

        let shrink = try lab.piwizard(["lab", "up", "3"])
        #expect(shrink.status != 0 && shrink.stderr.contains("can grow"), "\(shrink.stderr)")
        let other = try lab.piwizard(["lab", "up", "4", "--os", "trixie"])
        #expect(other.status != 0 && other.stderr.contains("bring it down first"), "\(other.stderr)")
        try lab.downAndExpectNothingLeft()
    }
}
