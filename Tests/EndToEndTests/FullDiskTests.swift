import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A full disk under the state folder (a real 1 MiB tmpfs): the session stops before the next step
/// runs, says why (exit 74), keeps what was saved, and resumes once there is room.
@Suite(.enabled(if: getuid() == 0, "mounts a tmpfs: root only"))
struct FullDiskTests {
    @Test func progressThatCannotBeSavedStopsTheSessionAndLosesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-full-\(UUID().uuidString)")
        let state = dir.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        #expect(try PiwizardProcess.shell("mount -t tmpfs -o size=1m piwizard-test '\(state.path)'").status == 0)
        defer {
            _ = try? PiwizardProcess.shell("umount '\(state.path)'")
            try? FileManager.default.removeItem(at: dir)
        }
        let after = dir.appendingPathComponent("after")
        try """
        ---
        id: fill
        title: Fill
        summary: The first step fills the disk that holds the progress.
        ---

        ## Fill the disk {#fill}

        ```sh {run}
        dd if=/dev/zero of="$FILL" bs=4k count="$COUNT" 2>/dev/null || true
        ```

        ## After {#after}

        ```sh {run}
        touch "$AFTER"
        ```

        """.write(to: dir.appendingPathComponent("fill.md"), atomically: true, encoding: .utf8)
        let fill = state.appendingPathComponent("fill")
        let full = try PiwizardProcess.run(["start", "./fill.md", "--yes", "--state-dir", state.path], in: dir,
                                           environment: ["FILL": fill.path, "COUNT": "1000", "AFTER": after.path])
        #expect(full.status == 74, "\(full.stderr)")
        #expect(full.stderr.hasPrefix("piwizard: Stopped before anything more ran: cannot save progress to \(state.path)/progress.sqlite: the disk is full."), "\(full.stderr)")
        #expect(full.stderr.contains("Continue with: \(PiwizardProcess.typedName) resume fill"))
        #expect(!FileManager.default.fileExists(atPath: after.path), "the next step did not run")
        try FileManager.default.removeItem(at: fill)
        let status = try PiwizardProcess.run(["status", "--state-dir", state.path], in: dir)
        #expect(status.stdout.hasPrefix("fill  at step 1 (fill)  0 of 2 steps behind you"), "what was saved is kept: \(status.stdout)")
        let resumed = try PiwizardProcess.run(["resume", "fill", "--yes", "--state-dir", state.path], in: dir,
                                              environment: ["FILL": fill.path, "COUNT": "1", "AFTER": after.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(FileManager.default.fileExists(atPath: after.path))
    }
}
