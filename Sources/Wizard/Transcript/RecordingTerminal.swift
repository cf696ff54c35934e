import Lessons

/// A terminal that records everything shown and every line typed into a transcript, passing it all on
/// to the real terminal. Lines typed at a secret prompt are recorded only as `••••••`, and a secret's
/// value typed inline (`set password VALUE`) is recorded without the value.
public final class RecordingTerminal: Terminal {
    let base: Terminal
    let recorder: TranscriptRecorder
    let inlineSecret: InlineSecret?

    public init(_ base: Terminal, recorder: TranscriptRecorder, inlineSecret: InlineSecret? = nil) {
        self.base = base
        self.recorder = recorder
        self.inlineSecret = inlineSecret
    }

    public var isInteractive: Bool { base.isInteractive }
    public var lastReadWasInterrupted: Bool { base.lastReadWasInterrupted }

    public func readLine(prompt: String, prefill: String?) -> String? {
        record(prompt) { base.readLine(prompt: prompt, prefill: prefill) }
    }

    public func readConfirmation(prompt: String) -> String? {
        record(prompt) { base.readConfirmation(prompt: prompt) }
    }

    /// Records a prompt and the line read at it (or Ctrl-C), as the terminal showed them.
    private func record(_ prompt: String, read: () -> String?) -> String? {
        recorder.append(.output(prompt))
        let line = read()
        if line != nil, base.lastReadWasInterrupted {
            recorder.append(.input(Self.interrupt))
            recorder.append(.output("^C\r\n"))
        } else if let line {
            let kept = inlineSecret?.keepable(line) ?? line
            recorder.append(.input(kept))
            recorder.append(.output(kept + "\r\n"))
        }
        return line
    }

    /// How a Ctrl-C at a prompt is recorded (a replay turns it back into an interrupted read).
    public static let interrupt = "\u{3}"

    public func readSecret(prompt: String) -> String? {
        recorder.append(.output(prompt))
        let line = base.readSecret(prompt: prompt)
        if let line {
            recorder.addSecret(line)
            recorder.append(.input(SecretStandIn.redacted))
            recorder.append(.output("\r\n"))
        }
        return line
    }

    public func write(_ text: String) {
        recorder.append(.output(text))
        base.write(text)
    }

    public func waitForKey(seconds: Int) -> KeyWait {
        let wait = base.waitForKey(seconds: seconds)
        recorder.append(.waited(wait))
        return wait
    }

    public func holdingKeys<T>(_ body: () -> T) -> T { base.holdingKeys(body) }
    public func typingUnseen<T>(_ body: () -> T) -> T { base.typingUnseen(body) }

    public func setCompletions(_ words: [String]) { base.setCompletions(words) }
}
