import Foundation
import Testing
import TmuxTestSupport

/// What piwizard prints fits the terminal: at 60 and 80 columns no line reaches the right edge and
/// goes on in the next row, where the terminal would split a word (the lesson's summary, a step's
/// header, its commands, `status`, `help`, `vars`). tmux's `capture-pane -J` joins the rows the
/// terminal continued, so a line wider than the screen in that capture is a line the terminal broke.
@Suite(.serialized) struct NarrowScreenTests {
    /// Loopback addresses: the look-ups of whether a step is done fail at once (nothing is reached).
    static let nodes = "raspi1 127.0.0.11 master;raspi2 127.0.0.12 worker;raspi3 127.0.0.13 worker"

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"), arguments: [60, 80])
    func expandClusterFitsTheScreen(columns: Int) throws {
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let command = [PiwizardProcess.binary.path, "start", "expand-cluster", "--lessons", PiwizardProcess.repository.appendingPathComponent("lessons").path,
                       "--var", "subnet=127.0.0.0/24", "--var", "gateway=127.0.0.1", "--var", "nodes=\(Self.nodes)", "--var", "user=pi", "--var", "key=~/.ssh/id_ed25519"]
        let tmux = try TmuxSession(width: columns, height: 40, command: TmuxSession.reportingExit(command),
                                   environment: ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path, "INPUTRC": "/dev/null"],
                                   workingDirectory: home)
        defer { tmux.kill() }
        try tmux.waitFor(text: "ssh-key>")
        for (line, answer) in [("show", "check ssh-key-exists"), ("status", "does not apply"), ("help", "quit"), ("vars", "raspi3")] {
            try tmux.sendKeys(.text(line), .enter)
            try tmux.waitFor { $0.components(separatedBy: "ssh-key>").count > 2 && $0.contains(answer) }
            try tmux.sendKeys(.named("C-l"))
        }
        try tmux.sendKeys(.text("quit"), .enter)
        try tmux.waitFor(text: "EXIT=")
        let screen = try tmux.capture(scrollback: true, joiningWrappedRows: true)
        let overflowing = screen.split(separator: "\n").map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .filter { ScreenColumns.of($0) > columns }
        #expect(overflowing.isEmpty, "lines the terminal broke at \(columns) columns:\n\(overflowing.joined(separator: "\n"))")
        #expect(screen.contains("across the whole cluster"), "\(screen)")
        // The step's progress bar is whole on its line, its count beside it.
        #expect(screen.contains(/\[[█░]{20}\] \d+\/\d+\n/), "\(screen)")
        #expect(!screen.contains(/\[[█░]{20}\]\s*\n\s*\d+\/\d+/), "\(screen)")
    }
}

/// The columns a line takes, as the terminal counts them for the text piwizard shows here (no wide
/// characters in it): a scalar a column, combining marks none. A count independent of piwizard's own.
enum ScreenColumns {
    static func of(_ line: String) -> Int {
        line.unicodeScalars.filter { ![.nonspacingMark, .enclosingMark, .format].contains($0.properties.generalCategory) }.count
    }
}
