import Lessons
import Wizard
import Testing

/// A check written once (`id=`) and used in other steps (`use=`), with the arguments that differ.
@Suite struct CheckUseTests {
    static func lesson(_ second: String) -> String {
        """
        ---
        id: uses
        title: Uses
        summary: A check written once.
        inputs:
          place: { type: path, default: /tmp }
          other: { type: path, default: /var }
        ---
        ## First {#first}

        ```sh {run}
        true
        ```

        ```yaml {check id=folder on=master validator=file-contains name="the folder holds the mark"}
        path: "{{place}}/mark"
        pattern: here
        ```

        ```sh {check id=shell output=ok}
        test -d {{place}} && echo ok
        ```

        ## Second {#second}

        ```sh {run}
        echo {{other}}
        ```

        \(second)
        """
    }

    @Test func aUsedCheckIsTheNamedOneWithItsOwnArguments() throws {
        let parsed = LessonParser.parse(Self.lesson("""
        ```yaml {check use=folder name="the other folder holds the mark"}
        path: "{{other}}/mark"
        ```

        ```sh {precondition use=shell}
        ```
        """), file: "uses.md")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let blocks = parsed.lesson.steps[1].blocks
        #expect(blocks[1].validator?.name == "file-contains")
        #expect(blocks[1].validator?.arguments == ["path": "{{other}}/mark", "pattern": "here"])
        #expect(blocks[1].target == .master && blocks[1].name == "the other folder holds the mark")
        #expect(blocks[2].kind == .precondition && blocks[2].body == "test -d {{place}} && echo ok" && blocks[2].outputPattern == "ok")
    }

    /// A used check keeps the id it is used by, so that a hint of the using step binds to it without
    /// repeating the id (`{check id=X use=X}` was needed).
    @Test func aHintOfTheUsingStepBindsToTheUsedChecksId() throws {
        let parsed = LessonParser.parse(Self.lesson("""
        ```sh {check use=shell}
        ```

        > **Hint for shell:** Is the folder there?
        """), file: "uses.md")
        #expect(parsed.lesson.steps[1].blocks[1].checkID == "shell")
        let lint = LessonLinter.lint(Self.lesson("```sh {check use=shell}\n```\n\n> **Hint for shell:** Is the folder there?"), file: "uses.md", validators: ValidatorRegistry.specs).diagnostics
        #expect(!lint.contains { $0.message.contains("has no check with id=shell") }, "\(lint)")
    }

    @Test func anUnknownIdOrAShellCheckGivenArgumentsIsAnError() throws {
        let unknown = LessonParser.parse(Self.lesson("```sh {check use=foldr}\n```"), file: "uses.md")
        #expect(unknown.diagnostics.map(\.message) == ["use=foldr: the lesson has no check with id=foldr (did you mean 'folder'?) to use"])
        let shell = LessonParser.parse(Self.lesson("```sh {check use=shell}\ntrue\n```"), file: "uses.md")
        #expect(shell.diagnostics.map(\.message) == ["use=shell is a shell check, which takes no arguments: leave this block empty, or write the check out"])
        let onRun = LessonParser.parse(Self.lesson("```sh {run use=shell}\ntrue\n```"), file: "uses.md")
        #expect(onRun.diagnostics.contains { $0.message.hasPrefix("use= makes a check or precondition") })
    }

    /// What lint finds in a used check's own text is reported where the text is written, once: not
    /// again at every step that uses it (issue 31: the same warning at each use site).
    @Test func lintReadsAUsedChecksTextOnceWhereItIsWritten() throws {
        let text = """
        ---
        id: reused
        title: Reused
        summary: A check with a fault, used twice.
        inputs:
          place: { type: path, default: /tmp }
        ---
        ## First {#first}

        ```sh {run}
        mkdir -p {{place}}
        ```

        ```sh {check id=risky}
        sh -c "test -d {{place}}"
        ```

        ```yaml {check id=answers validator=reachable}
        host: 10.0.0.1
        wait: soon
        ```

        ## Second {#second}

        ```sh {run}
        touch {{place}}/a
        ```

        ```sh {check use=risky}
        ```

        ```yaml {check use=answers}
        ```

        ## Third {#third}

        ```sh {run}
        touch {{place}}/b
        ```

        ```sh {check use=risky}
        ```

        ```yaml {check use=answers}
        ```
        """
        let diagnostics = LessonLinter.lint(text, file: "reused.md", validators: ValidatorRegistry.specs).diagnostics
        let code = diagnostics.filter { $0.message.contains("{{place}}") }
        #expect(code.count == 1, "\(diagnostics)")
        #expect(code.first?.location.line == 15, "at the check that holds the text: \(diagnostics)")
        let wait = diagnostics.filter { $0.message.contains("argument 'wait'") }
        #expect(wait.count == 1, "\(diagnostics)")
        #expect(wait.first?.location.line == 20, "\(diagnostics)")
    }
}
