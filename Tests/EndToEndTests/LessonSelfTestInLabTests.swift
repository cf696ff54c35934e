import Foundation
import Testing

/// `piwizard test expand-cluster --lab`: the main lesson proves itself in a fresh 4-node lab (trixie,
/// the card path): every check fails before its step (or is marked may-pass-before), passes after it,
/// and catches each drill's fault with its hint shown.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct LessonSelfTestInLabTests {
    @Test func expandClusterProvesItselfOnTrixie() throws {
        let lab = PracticeLabFixture(name: "e2t", prefix: "10.77.212")
        _ = try? lab.piwizard(["lab", "down"])
        defer { _ = try? lab.piwizard(["lab", "down"]) }
        let run = try lab.piwizard(["test", "expand-cluster", "--lab", "--os", "trixie", "--json"])
        #expect(run.status == 0, "\(run.stdout.suffix(4000))\n\(run.stderr.suffix(2000))")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["held"] as? Bool == true)
        let findings = ((report["runs"] as? [[String: Any]])?.first?["entries"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? [String: Any] }
        let drills = findings.filter { $0["phase"] as? String == "drill" }
        // The lesson's drills: the key twice, a card left mounted, authorized_keys twice and
        // group-writable on each node, a name missing from each node's /etc/hosts, a shared machine id.
        let caught: [String] = drills.map { drill in "\(drill["step"] as? String ?? "") \(drill["item"] as? String ?? "")" }
        #expect(caught.count == 15, "\(caught)")
        #expect(drills.allSatisfy { $0["held"] as? Bool == true })
        #expect(findings.contains { $0["step"] as? String == "mpi-pi" && $0["phase"] as? String == "after" && $0["held"] as? Bool == true })
        try lab.downAndExpectNothingLeft()
    }
}
