import Foundation
import Testing

/// A `piwizard check` ended by a signal ends what it started: its checks run in process groups of
/// their own (so a timeout can stop each with everything it started), and without this they would go
/// on running after piwizard, an `ssh` waiting on a dead connection among them.
@Suite struct KilledCheckTests {
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func noCheckOutlivesAKilledCheckCommand(_ signal: Int32) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-killed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let marker = "37.\(Int.random(in: 100_000...999_999))"   // a sleep no one else runs
        try """
        ---
        id: slow
        title: Slow
        summary: A check that takes long.
        ---
        ## Slow {#slow}

        ```sh {run}
        true
        ```

        ```sh {check}
        sleep \(marker)
        ```
        """.write(to: dir.appendingPathComponent("slow.md"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = PiwizardProcess.binary
        process.arguments = ["check", "./slow.md", "--state-dir", dir.appendingPathComponent("state").path]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        func sleeping() throws -> Bool { try PiwizardProcess.shell("pgrep -f '[s]leep \(marker)'").status == 0 }
        var started = false
        for _ in 0..<100 where !started {
            started = try sleeping()
            if !started { usleep(100_000) }
        }
        #expect(started, "the check runs")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal, "piwizard ends by the signal")
        var gone = false
        for _ in 0..<50 where !gone {
            gone = try !sleeping()
            if !gone { usleep(100_000) }
        }
        #expect(gone, "the check piwizard started ended with it")
        if !gone { _ = try PiwizardProcess.shell("pkill -f '[s]leep \(marker)'") }
    }
}
