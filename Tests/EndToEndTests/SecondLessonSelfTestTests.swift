import Foundation
import Testing

/// The second shipped lesson, `harden-ssh`, proves itself: `piwizard test harden-ssh` holds twice in a
/// row on one machine (its teardown stops the practice sshd by the PID in its PidFile and removes its
/// folder), every drill is caught, and nothing of it is left behind: no process, no listening port, no
/// folder, no temporary run folder, and `~/.ssh`, which it must never touch, is as it was.
@Suite(.enabled(if: PracticeSSHD.canRun, "needs /usr/sbin/sshd (openssh-server)"))
struct SecondLessonSelfTestTests {
    /// A port of the test's own, away from the lesson's default (2222, a learner's practice server).
    static let port = 22722

    /// Each step with drills, and how many it has: every one must be caught, with its hint shown.
    static let drills = ["your-key": 1, "start-server": 1, "host-key": 1, "install-key": 2, "keys-only": 2, "allow-groups": 1, "no-root": 1]

    @Test func hardenSSHProvesItselfTwiceInARowAndLeavesNothingBehind() throws {
        // In the home folder, not under /tmp: sshd's StrictModes refuses an authorized_keys file below a
        // folder that others may write, and /tmp is one.
        let home = FileManager.default.homeDirectoryForCurrentUser
        let workdir = home.appendingPathComponent("piwizard-e2e-harden-ssh-\(UUID().uuidString.prefix(8))")
        defer {
            // A round that did not hold may leave its practice server running: end it by its PID, as
            // the lesson's teardown does, and only when that PID is this folder's sshd.
            let pid = (try? String(contentsOfFile: workdir.appendingPathComponent("sshd.pid").path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if Int32(pid) != nil, ((try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? "").contains(workdir.path) {
                _ = try? PiwizardProcess.shell("kill \(pid)")
            }
            try? FileManager.default.removeItem(at: workdir)
        }
        let dotSSH = home.appendingPathComponent(".ssh")
        let dotSSHBefore = try? FileManager.default.contentsOfDirectory(atPath: dotSSH.path).sorted()
        let knownHostsBefore = FileManager.default.contents(atPath: dotSSH.appendingPathComponent("known_hosts").path)
        let runFolders = { (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))?.filter { $0.hasPrefix("piwizard-test-harden-ssh-") } ?? [] }
        let runFoldersBefore = Set(runFolders())

        for round in 1...2 {
            let run = try PiwizardProcess.run(["test", "harden-ssh", "--var", "workdir=\(workdir.path)", "--var", "port=\(Self.port)", "--json"])
            #expect(run.status == 0, "round \(round): \(run.stdout)\(run.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "round \(round): \(run.stdout)\(run.stderr)")
            #expect(report["held"] as? Bool == true && report["lesson"] as? String == "harden-ssh", "round \(round): \(run.stdout)")
            let runs = try #require(report["runs"] as? [[String: Any]])
            #expect(runs.first?["finished"] as? Bool == true, "round \(round): \(run.stdout)")
            let findings = (runs.first?["entries"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? [String: Any] }
            let failed = findings.filter { $0["held"] as? Bool != true }
            #expect(!findings.isEmpty && failed.isEmpty, "round \(round): \(failed)")
            var caught: [String: Int] = [:]
            for finding in findings where finding["phase"] as? String == "drill" && finding["held"] as? Bool == true {
                caught[finding["step"] as? String ?? "?", default: 0] += 1
            }
            #expect(caught == Self.drills, "round \(round): drills caught \(caught)")
            let teardown = runs.first?["teardown"] as? [Any] ?? []
            #expect(teardown.count == 2, "round \(round): its two teardown blocks ran after the run: \(teardown)")
            expectNothingLeft(of: workdir, round: round)
        }

        #expect(Set(runFolders()) == runFoldersBefore, "a run that held leaves no temporary folder")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dotSSH.path).sorted()) == dotSSHBefore, "~/.ssh is as it was")
        #expect(FileManager.default.contents(atPath: dotSSH.appendingPathComponent("known_hosts").path) == knownHostsBefore, "~/.ssh/known_hosts is as it was")
    }

    /// The practice server is gone (no process names its folder, nothing listens on its port) and so
    /// is its folder.
    private func expectNothingLeft(of workdir: URL, round: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!FileManager.default.fileExists(atPath: workdir.path), "round \(round): \(workdir.path) is left", sourceLocation: sourceLocation)
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { Int32($0) != nil }
        let running = pids.filter { pid in
            // A zombie's command line is empty: it runs no more.
            let commandLine = ((try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? "").replacingOccurrences(of: "\0", with: " ")
            return commandLine.contains(workdir.path)
        }
        #expect(running.isEmpty, "round \(round): processes of the practice server are left: \(running)", sourceLocation: sourceLocation)
        let listening = (try? PiwizardProcess.shell("ss -Htln 'sport = :\(Self.port)'").stdout) ?? "?"
        #expect(listening.isEmpty, "round \(round): something still listens on port \(Self.port): \(listening)", sourceLocation: sourceLocation)
    }
}

/// Whether the lesson's practice sshd can start here.
enum PracticeSSHD {
    /// The lesson starts a real sshd (openssh-server, which script/bootstrap installs). As root sshd
    /// needs its privilege separation folder, which the system's ssh service makes at boot; on a
    /// machine where that service never ran (a container), the test makes it as the service would.
    static var canRun: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else { return false }
        if geteuid() == 0 && !FileManager.default.fileExists(atPath: "/run/sshd") {
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        }
        return geteuid() != 0 || FileManager.default.fileExists(atPath: "/run/sshd")
    }
}
