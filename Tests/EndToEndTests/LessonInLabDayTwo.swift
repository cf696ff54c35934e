import Foundation
import Testing

/// Day two on a finished lab cluster: grow it by node5 (every flavour, on the console path; and on
/// trixie's card path), then replace node3's card (trixie's card path); each time only that node is
/// done again and the others keep running.
extension LessonInLabRun {
    /// Grows the finished 4-node run in `state` to 5 nodes, then repairs node3.
    func expectGrowAndRepair(state: URL) throws {
        try expectGrowth(state: state)
        try expectRepair(state: state)
    }

    /// `start --lab --lab-nodes 5` on the finished run: node5 is set up and joins; the others' cards
    /// are not written and they are not restarted.
    func expectGrowth(state: URL) throws {
        let env = ["PIWIZARD_STATE_DIR": state.path]
        // A mark in each running node's /run: gone if the node restarts.
        for node in 1...4 { #expect(try lab.piwizard(["lab", "console", "node\(node)", "--", "sh", "-c", "echo kept > /run/pw-day-two"]).status == 0) }
        let grow = try lab.piwizard(["start", "expand-cluster", "--lab", "--lab-nodes", "5", "--yes", "--width", "100"], environment: env)
        #expect(grow.status == 0, "\(grow.stdout.suffix(3000))\n\(grow.stderr)\(lab.diagnosis())")
        #expect(grow.stdout.contains("Going on from the run you finished"), "\(grow.stdout.prefix(3000))")
        for node in 2...4 { #expect(!grow.stdout.contains("piwizard lab card insert node\(node)\n"), "node\(node)'s card is not written again") }
        #expect(grow.stdout.contains("piwizard lab card insert node5\n"))
        try expectStillRunning([1, 2, 3, 4])
        let five = try lab.onNode(1, "timeout 60 mpiexec -f ~/machinefile -n 5 hostname", diagnose: true)
        #expect(five.split(separator: "\n").sorted() == ["node1", "node2", "node3", "node4", "node5"], "\(five)")
    }

    /// node3's card replaced by an empty one, `reset --item node3`, `resume`: node3 alone is done again.
    func expectRepair(state: URL) throws {
        let env = ["PIWIZARD_STATE_DIR": state.path]
        // node3's card dies: a new, empty one; only node3 is done again.
        #expect(try lab.piwizard(["lab", "card", "replace", "node3"]).status == 0)
        let reset = try lab.piwizard(["reset", "expand-cluster", "--item", "node3"], environment: env)
        #expect(reset.unwrappedStdout.contains("Forgot what was done for node3 in "), "\(reset.stdout)\(reset.stderr)")
        #expect(!reset.stdout.contains("static-ip-interfaces"), "a step that did not apply to node3 is not named")
        let repair = try lab.piwizard(["resume", "expand-cluster", "--yes", "--width", "100"], environment: env)
        #expect(repair.status == 0, "\(repair.stdout.suffix(3000))\n\(repair.stderr)\(lab.diagnosis())")
        #expect(repair.stdout.contains("piwizard lab card insert node3\n"))
        for node in [2, 4, 5] { #expect(!repair.stdout.contains("piwizard lab card insert node\(node)\n")) }
        // The master meets node3's new host key: the old one forgotten, both fingerprints shown.
        #expect(repair.stdout.contains("The master forgets the key it remembered for \(lab.address(3)): an earlier card's."), "\(repair.stdout.suffix(4000))")
        #expect(repair.stdout.contains("  forgets: 256 SHA256:") && repair.stdout.contains("  learns:  256 SHA256:"), "\(repair.stdout.suffix(4000))")
        try expectStillRunning([1, 2, 4])
        let check = try lab.piwizard(["check", "expand-cluster", "--lab"], environment: env)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let pi = try lab.onNode(1, "timeout 120 mpiexec -f ~/machinefile -n 5 ./pi", diagnose: true)
        #expect(pi.contains("processes: 5,"), "\(pi)")
    }

    /// Each of `nodes` still has the mark put in its /run before: it was not restarted.
    private func expectStillRunning(_ nodes: [Int], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for node in nodes {
            let mark = try lab.piwizard(["lab", "console", "node\(node)", "--", "sh", "-c", "cat /run/pw-day-two 2>/dev/null || echo restarted"]).stdout
            #expect(mark == "kept\n", "node\(node) was restarted", sourceLocation: sourceLocation)
        }
    }
}
