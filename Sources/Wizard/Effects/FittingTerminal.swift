import Lessons

/// The terminal as the session speaks to it: everything piwizard writes, and every prompt, fitted to
/// the screen's width by `ScreenWrap` (a prompt wider than the screen is asked on several lines, the
/// answer typed on the last). Commands' output does not pass here: the session writes it to the terminal
/// underneath, as the command wrote it.
final class FittingTerminal: Terminal {
    let base: Terminal
    let width: Int

    init(_ base: Terminal, width: Int) {
        self.base = base
        self.width = max(20, width)
    }

    var isInteractive: Bool { base.isInteractive }
    var lastReadWasInterrupted: Bool { base.lastReadWasInterrupted }

    func write(_ text: String) { base.write(ScreenWrap.fit(text, width: width)) }

    func readLine(prompt: String, prefill: String?) -> String? {
        base.readLine(prompt: asked(prompt), prefill: prefill)
    }

    func readSecret(prompt: String) -> String? { base.readSecret(prompt: asked(prompt)) }

    func readConfirmation(prompt: String) -> String? { base.readConfirmation(prompt: asked(prompt)) }

    func setCompletions(_ words: [String]) { base.setCompletions(words) }

    func waitForKey(seconds: Int) -> KeyWait { base.waitForKey(seconds: seconds) }

    func holdingKeys<T>(_ body: () -> T) -> T { base.holdingKeys(body) }
    func typingUnseen<T>(_ body: () -> T) -> T { base.typingUnseen(body) }

    /// A prompt fitted to the screen: its lines all asked at once (readline redraws only the last, on
    /// which the answer is typed), so that a transcript keeps it whole. The last line keeps room for the
    /// answer: it is broken again when it would leave less than a third of the screen to type in. Its
    /// trailing spaces stay.
    private func asked(_ prompt: String) -> String {
        let text = String(prompt.reversed().drop { $0 == " " }.reversed())
        let trailing = String(repeating: " ", count: prompt.count - text.count)
        var lines = ScreenWrap.fit(text, width: width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let last = lines.popLast() { lines += ScreenWrap.lines(of: last, width: width - width / 3) }
        return lines.joined(separator: "\n") + trailing
    }
}
