import Testing
import Wizard

@Suite struct SessionCommandTests {
    @Test(arguments: [
        ("", SessionCommand.run), ("run", .run), ("  r ", .run), ("show", .show), ("edit", .edit(nil)), ("edit 2", .edit(2)),
        ("done", .done), ("skip", .skip), ("check", .check), ("watch", .watch), ("w", .watch), ("hint", .hint), ("why", .why), ("back", .back),
        ("goto hostname", .goto("hostname")), ("vars", .vars), ("set user", .set(name: "user", value: nil)),
        ("set name Ada  Lovelace", .set(name: "name", value: "Ada  Lovelace")), ("status", .status), ("graph", .graph),
        ("help", .help), ("?", .help), ("quit", .quit), ("QUIT", .quit),
    ])
    func parsesEveryCommand(_ line: String, _ expected: SessionCommand) throws {
        #expect(try SessionCommand.parse(line).get() == expected)
    }

    @Test(arguments: [
        ("rnu", "unknown command 'rnu'; did you mean 'run'? (type help for the list)"),
        ("sklp", "unknown command 'sklp'; did you mean 'skip'? (type help for the list)"),
        ("xyzzy", "unknown command 'xyzzy' (type help for the list)"),
        ("goto", "usage: goto STEP (the step ids are listed by status)"),
        ("edit x", "usage: edit [N], where N counts the step's commands from 1"),
        ("skip now", "'skip' takes no arguments"),
        ("set", "usage: set NAME [VALUE]"),
    ])
    func explainsWhatIsWrong(_ line: String, _ message: String) {
        #expect(throws: SessionCommand.ParseError(message: message)) { try SessionCommand.parse(line).get() }
    }

    @Test func everyCommandWordIsListedForHelpAndCompletion() {
        #expect(SessionCommand.words == ["run", "show", "edit", "done", "skip", "check", "watch", "hint", "why", "back", "goto", "vars", "set", "status", "graph", "help", "quit"])
    }
}
