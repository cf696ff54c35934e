import Lessons
import Testing
@testable import Wizard

/// An input's prompt may name other inputs (`{{user}}'s password on the Pis`): it is asked with their
/// values (a value not given yet as its default), lint holds it to declared names, and a note the run
/// knows (the practice lab's) comes before it.
@Suite struct PromptTemplateTests {
    static let lesson = """
    ---
    id: prompts
    title: Prompts
    summary: A prompt that names another input.
    inputs:
      user: { type: username, default: pi }
      password: { type: secret, prompt: "{{user}}'s password on the Pis" }
    ---
    ## Use it {#use}

    ```sh {run}
    echo {{user}} {{password}}
    ```
    """

    @Test func aPromptIsAskedWithTheValuesItNames() throws {
        let loaded = try TestLessons.load(Self.lesson, id: "prompts")
        let terminal = ScriptedTerminal([.type("s3cret"), .type("quit")], interactive: true)
        var options = SessionOptions(width: 200)
        options.inputNotes["password"] = "In the practice lab, ask the lab."
        let session = WizardSession(loaded: loaded, terminal: terminal, runner: FakeRunner(), options: options,
                                    state: SessionState(inputs: ["user": .text("alice")]))
        _ = session.run()
        #expect(terminal.prompts.contains { $0.prompt.hasPrefix("alice's password on the Pis") }, "\(terminal.prompts.map(\.prompt))")
        #expect(terminal.output.contains("In the practice lab, ask the lab.\n"), "\(terminal.output)")
    }

    @Test func lintHoldsAPromptToDeclaredInputs() {
        let text = Self.lesson.replacingOccurrences(of: "\"{{user}}'s password", with: "\"{{usr}}'s password")
        let diagnostics = LessonLinter.lint(text, file: "prompts.md", validators: ValidatorRegistry.specs).diagnostics
        #expect(diagnostics.contains { $0.message.hasPrefix("undeclared variable 'usr' (did you mean 'user'?)") }, "\(diagnostics)")
    }
}
