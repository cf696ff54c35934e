import Foundation
import Testing
import TmuxTestSupport

/// A secret typed at a no-echo prompt reaches the command that needs it, and no file piwizard writes:
/// not the saved progress, the transcript, or the readline history.
@Suite(.serialized) struct SecretsTests {
    static let lesson = """
    ---
    id: secret
    title: A secret
    summary: Uses a password once.
    inputs:
      password: { type: secret, prompt: The password }
      out: { type: path }
    ---
    ## Use the password {#use}

    ```sh {run}
    printf '%s' {{password}} | wc -c > {{out}}
    ```

    ```sh {check output=^18$}
    cat {{out}}
    ```

    > **Hint:** the password has 18 characters.
    """

    /// The lesson started in tmux with `home` as its home and state folder; the file its command writes.
    static func start(in home: URL) throws -> (TmuxSession, out: String) {
        let lessons = home.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try lesson.write(to: lessons.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
        let out = home.appendingPathComponent("count.txt").path
        let tmux = try TmuxSession(width: 100, height: 40,
                                   command: TmuxSession.reportingExit([PiwizardProcess.binary.path, "start", "secret", "--lessons", lessons.path, "--var", "out=\(out)"]),
                                   environment: ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path, "INPUTRC": "/dev/null"],
                                   workingDirectory: home)
        return (tmux, out)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func aSecretCanaryAppearsInNoFileWritten() throws {
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let (tmux, out) = try Self.start(in: home)
        defer { tmux.kill() }
        let canary = "CANARY-7f3a-secret"
        try tmux.waitFor(text: "The password:")
        try tmux.type(canary)
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "use>")
        try tmux.sendKeys(.text("run"), .enter)
        let screen = try tmux.waitFor(text: "EXIT=0")
        #expect(screen.contains("Lesson finished"))
        #expect(!screen.contains(canary), "not echoed")
        #expect(try String(contentsOfFile: out, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "18", "the command got it")
        var files = 0
        let enumerator = FileManager.default.enumerator(atPath: home.path)
        while let path = enumerator?.nextObject() as? String {
            let url = home.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            files += 1
            #expect(!String(decoding: data, as: UTF8.self).contains(canary), "\(path) holds the secret")
        }
        #expect(files >= 4, "progress, transcript, history and the lesson were written")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func aSecretTypedInlineIsRefusedAskedHiddenAndKeptNowhere() throws {
        let home = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let (tmux, _) = try Self.start(in: home)
        defer { tmux.kill() }
        let inline = "INLINE-5d1e-canary"
        try tmux.waitFor(text: "The password:")
        try tmux.type("first-password-xx")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "use>")
        try tmux.sendKeys(.text("set password \(inline)"), .enter)
        let asked = try tmux.waitFor(text: "hidden prompt")
        #expect(asked.contains("Not used or kept"))
        try tmux.waitFor(text: "The password:")
        try tmux.type("eighteen-character")
        try tmux.sendKeys(.enter)
        try tmux.waitFor(text: "use>")
        try tmux.sendKeys(.text("run"), .enter)
        let screen = try tmux.waitFor(text: "EXIT=0")
        #expect(screen.contains("Lesson finished"), "the hidden answer, not the inline one, was used")
        var history = ""
        let enumerator = FileManager.default.enumerator(atPath: home.path)
        while let path = enumerator?.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: home.appendingPathComponent(path).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(inline), "\(path) holds the secret typed inline")
            if path.hasSuffix("history") { history = text }
        }
        #expect(history.contains("set password\n"), "the history keeps the command without its value: \(history)")
    }
}
