import Lessons
import Testing
@testable import Wizard

/// `set` of a value that steps already done read: they are pending again, said at once, and the
/// session comes back to them before the lesson ends; steps that do not read it stay done.
@Suite struct SetReopensWorkTests {
    static let lesson = """
    ---
    id: reopen
    title: Reopen
    summary: A step per node, then one that reads the whole list.
    inputs:
      nodes:
        type: list
        fields:
          name: { type: hostname, unique: true }
          ip: { type: ipv4, unique: true }
        default:
          - { name: n1, ip: 10.9.0.1 }
          - { name: n2, ip: 10.9.0.2 }
      greeting: { type: string, default: hello }
    ---
    ## Each node {#each foreach=nodes as=node}
    ```sh {run}
    touch {{node.ip}}
    ```
    ## Say hello {#hello}
    ```sh {run}
    say {{greeting}}
    ```
    ## The list {#list}
    ```sh {run}
    list {{nodes.ip}}
    ```
    """

    @Test func aChangedAddressIsDoneAgainBeforeTheEnd() throws {
        let runner = FakeRunner()
        // Each node, each node, hello; at the list: n2 moves, then the list runs; n2 comes again.
        let answers: [ScriptedTerminal.Answer] = [.type(""), .type(""), .type(""), .type("set nodes.2.ip 10.9.0.9"), .type(""), .type("")]
        let (session, terminal) = try WizardSessionTests.make(Self.lesson, id: "reopen", answers: answers, runner: runner)
        let outcome = session.run()
        #expect(outcome.message.hasPrefix("Lesson finished"), "\(terminal.output)")
        let screen = terminal.output.replacingOccurrences(of: "\n", with: " ")
        #expect(screen.contains("With this value these steps you did do something new, and come again before the end: each (n2)."), "\(terminal.output)")
        #expect(terminal.output.contains("Not the end yet: each is to do again with the values you set."), "\(terminal.output)")
        #expect(runner.commands == ["touch 10.9.0.1", "touch 10.9.0.2", "say hello", "list 10.9.0.1 10.9.0.9", "touch 10.9.0.9"], "\(runner.commands)")
    }

    @Test func aValueNoDoneStepReadsReopensNothing() throws {
        let runner = FakeRunner()
        // Set at hello's own prompt: the steps before it do not read it.
        let answers: [ScriptedTerminal.Answer] = [.type(""), .type(""), .type("set greeting hi"), .type(""), .type("")]
        let (session, terminal) = try WizardSessionTests.make(Self.lesson, id: "reopen", answers: answers, runner: runner)
        #expect(session.run().message.hasPrefix("Lesson finished"), "\(terminal.output)")
        #expect(!terminal.output.contains("come again before the end"))
        #expect(runner.commands == ["touch 10.9.0.1", "touch 10.9.0.2", "say hi", "list 10.9.0.1 10.9.0.2"], "\(runner.commands)")
    }
}
