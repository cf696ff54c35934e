import Foundation
import Wizard

/// A terminal driven by a script: each prompt takes the next scripted answer, and everything written
/// is recorded. An answer may edit the pre-filled text, as a learner would at a readline prompt.
final class ScriptedTerminal: Terminal {
    /// One scripted answer.
    enum Answer {
        case type(String)
        case edit(@Sendable (String?) -> String)
        /// Ctrl-C at the prompt: an empty line, flagged as interrupted.
        case interrupt
    }

    private var answers: [Answer]
    private(set) var output = ""
    private(set) var prompts: [(prompt: String, prefill: String?)] = []
    private(set) var completions: [String] = []
    let isInteractive: Bool

    init(_ answers: [Answer], interactive: Bool = true) {
        self.answers = answers
        self.isInteractive = interactive
    }

    convenience init(lines: [String], interactive: Bool = true) {
        self.init(lines.map(Answer.type), interactive: interactive)
    }

    var unusedAnswers: Int { answers.count }

    private(set) var lastReadWasInterrupted = false

    func readLine(prompt: String, prefill: String?) -> String? {
        prompts.append((prompt, prefill))
        output += prompt
        lastReadWasInterrupted = false
        guard !answers.isEmpty else { return nil }
        switch answers.removeFirst() {
        case .interrupt:
            output += "^C\n"
            lastReadWasInterrupted = true
            return ""
        case .type(let line):
            output += line + "\n"
            return line
        case .edit(let change):
            let line = change(prefill)
            output += line + "\n"
            return line
        }
    }

    func readSecret(prompt: String) -> String? {
        prompts.append((prompt, nil))
        output += prompt + "\n"
        guard !answers.isEmpty, case .type(let line) = answers.removeFirst() else { return nil }
        return line
    }

    /// How each wait for a key ends, in turn (a watch's waits); when none is left, a key.
    var waits: [KeyWait] = []

    func waitForKey(seconds: Int) -> KeyWait {
        waits.isEmpty ? .keyPressed : waits.removeFirst()
    }

    func write(_ text: String) { output += text }

    func setCompletions(_ words: [String]) { completions = words }
}
