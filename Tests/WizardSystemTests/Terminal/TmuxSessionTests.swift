import Foundation
import Testing
import TmuxTestSupport

@Suite("TmuxSession", .enabled(if: TmuxSession.isAvailable))
struct TmuxSessionTests {
    @Test("a shell in tmux runs what is typed, and the screen shows it")
    func runsShell() throws {
        let session = try TmuxSession(
            width: 60, height: 10, command: ["sh"], environment: ["PS1": "$ "])
        defer { session.kill() }
        try session.waitFor(text: "$")
        try session.type("echo hi-$((40 + 2))")
        try session.sendKeys(.enter)
        try session.waitFor(text: "hi-42")
        #expect(try session.isRunning())
    }

    @Test("environment and working directory reach the program; the pane stays after it exits")
    func environmentAndExit() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmux-cwd-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try TmuxSession(
            command: ["sh", "-c", "echo \"$GREETING from $(pwd)\"; read line; exit 3"],
            environment: ["GREETING": "hello there"], workingDirectory: folder)
        defer { session.kill() }
        try session.waitFor(text: "hello there from \(folder.path)")
        // Only now let it exit: output written just before an exit can be lost (see TmuxSession).
        try session.sendKeys(.enter)
        try session.waitFor(description: "the program to end") { _ in (try? session.isRunning()) == false }
        // The dead pane keeps its output (tmux moves it into the scrollback).
        #expect(try session.capture(scrollback: true).contains("hello there from \(folder.path)"))
    }

    @Test("a command wrapped to report its exit shows its status and stays on screen")
    func reportsExit() throws {
        let session = try TmuxSession(
            command: TmuxSession.reportingExit(["sh", "-c", "echo last words; exit 3"]))
        defer { session.kill() }
        let screen = try session.waitFor(text: "EXIT=3")
        #expect(screen.contains("last words"))
        #expect(try session.isRunning())
    }

    @Test("waiting for text that never comes fails with the screen")
    func timesOut() throws {
        let session = try TmuxSession(command: ["sh", "-c", "echo nothing-here; exec sleep 30"])
        defer { session.kill() }
        try session.waitFor(text: "nothing-here")
        #expect(throws: TmuxSession.Failure.self) {
            try session.waitFor(text: "never", timeout: 0.3)
        }
    }
}
