import Foundation
import Testing
import TmuxTestSupport

/// "Is it done already?" can take seconds (a node that does not answer): at a terminal the learner
/// sees a line that says so while it looks, gone when the answer comes, and keys typed meanwhile are
/// not echoed over it — they reach the prompt, which shows them.
@Suite(.serialized) struct DoneAlreadyLookTests {
    static let lesson = """
    ---
    id: slow-look
    title: Slow look
    summary: A step whose check takes a while.
    ---
    ## Wait for it {#wait}

    This step's check takes three seconds.

    ```sh {run}
    true
    ```

    ```sh {check}
    sleep 3; false
    ```

    ## After {#after}

    The next step.

    ```sh {run}
    true
    ```
    """

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func theLookSaysWhatItDoesAndTypedKeysWaitForThePrompt() throws {
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        try Self.lesson.write(to: home.appendingPathComponent("slow-look.md"), atomically: true, encoding: .utf8)
        let command = [PiwizardProcess.binary.path, "start", home.appendingPathComponent("slow-look.md").path]
        let tmux = try TmuxSession(width: 80, height: 30, command: TmuxSession.reportingExit(command),
                                   environment: ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path, "INPUTRC": "/dev/null"],
                                   workingDirectory: home)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Looking whether this is done already…")
        try tmux.type("skip")
        try tmux.sendKeys(.enter)
        // While the check runs the typed line is not echoed: the look's line stays whole and alone.
        let during = try tmux.capture()
        #expect(!during.contains("skip"), "\(during)")
        let after = try tmux.waitFor(text: "Skipped.")
        #expect(!after.contains("Looking whether"), "the line is gone once the answer came:\n\(after)")
        #expect(after.contains("wait> skip"), "the prompt showed the typed line:\n\(after)")
        try tmux.waitFor(text: "after>")
        try tmux.type("quit")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "EXIT=")
    }
}
