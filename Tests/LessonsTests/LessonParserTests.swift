import Lessons
import Wizard
import Testing

@Suite struct LessonParserTests {
    static let lesson = """
    ---
    id: sample
    title: Sample lesson
    summary: Shows every element.
    time: 10m
    needs:
      tools: [ssh, dd]
      os: [Raspberry Pi OS]
    inputs:
      subnet: { type: cidr, default: 10.1.0.0/24, prompt: The subnet }
      nodes:
        type: list
        min: 1
        fields:
          hostname: { type: hostname, unique: true }
          ip: { type: ipv4, unique: true, same-subnet-as: subnet }
          netconf: { type: choice, choices: [dhcpcd, interfaces], detect: "test -f /etc/dhcpcd.conf && echo dhcpcd" }
        default:
          - { hostname: a1, ip: 10.1.0.1, netconf: dhcpcd }
    ---
    # Sample

    The introduction.

    ## Image the master's SD card

    Prose with *emphasis*.

    ```sh {run user=root destructive timeout=600}
    dd if=/dev/sdz of=/tmp/x.img
    ```

    ```yaml {precondition validator=block-device}
    device: /dev/sdz
    removable: true
    ```

    ```sh {check exit=0 output="^ok$"}
    echo ok
    ```

    > **Hint:** check the card reader.

    > A plain quote stays prose.

    ## Per node {#per-node foreach=nodes as=node requires=image-the-master-s-sd-card when="node.netconf == dhcpcd"}

    ```text {show on=console}
    interface eth0
    static ip_address={{node.ip}}/24 in {{subnet}}
    ```

    ```yaml {check validator=hostname-is}
    host: "{{node.ip}}"
    expected: "{{node.hostname}}"
    ```

    ```
    A plain fence is an example.
    ```
    """

    let parsed = LessonParser.parse(lesson, file: "sample.md")

    @Test func readsTheFrontMatter() {
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let metadata = parsed.lesson.metadata
        #expect(metadata == LessonMetadata(id: "sample", title: "Sample lesson", summary: "Shows every element.",
                                           time: "10m", tools: ["ssh", "dd"], systems: ["Raspberry Pi OS"]))
    }

    @Test func readsInputsInOrderWithConstraints() throws {
        let inputs = parsed.lesson.inputs
        #expect(inputs.map(\.name) == ["subnet", "nodes"])
        #expect(inputs[0].prompt == "The subnet")
        #expect(inputs[0].defaultValue == .text("10.1.0.0/24"))
        let nodes = inputs[1]
        #expect(nodes.type == .list && nodes.min == 1)
        #expect(nodes.fields.map(\.name) == ["hostname", "ip", "netconf"])
        #expect(nodes.fields[0].unique)
        #expect(nodes.fields[1].sameSubnetAs == "subnet")
        #expect(nodes.fields[2].choices == ["dhcpcd", "interfaces"])
        #expect(nodes.fields[2].detect?.hasPrefix("test -f") == true)
        #expect(nodes.defaultValue == .records([["hostname": "a1", "ip": "10.1.0.1", "netconf": "dhcpcd"]]))
        #expect(nodes.location == SourceLocation(file: "sample.md", line: 11, column: 3))
    }

    @Test func derivesStepIDsFromHeadingsAndTakesExplicitOnes() {
        #expect(parsed.lesson.steps.map(\.id) == ["image-the-master-s-sd-card", "per-node"])
        #expect(parsed.lesson.steps.map(\.title) == ["Image the master's SD card", "Per node"])
    }

    @Test func readsBlocksWithTheirAttributesAndLines() throws {
        let step = parsed.lesson.steps[0]
        #expect(step.location.line == 25)
        #expect(step.blocks.map(\.kind) == [.run, .precondition, .check])
        let run = step.blocks[0]
        #expect(run.user == "root" && run.destructive && run.timeout == 600 && run.language == "sh")
        #expect(run.body == "dd if=/dev/sdz of=/tmp/x.img")
        #expect(run.location.line == 29)
        #expect(step.blocks[1].validator == ValidatorCall(name: "block-device", arguments: ["device": "/dev/sdz", "removable": "true"]))
        #expect(step.blocks[2].expectedExit == 0 && step.blocks[2].outputPattern == "^ok$")
    }

    @Test func separatesHintsFromProse() {
        let step = parsed.lesson.steps[0]
        #expect(step.hints.map(\.text) == ["check the card reader."])
        #expect(step.hints[0].location.line == 42)
        #expect(step.prose.map(\.markdown) == ["Prose with *emphasis*.", "> A plain quote stays prose."])
    }

    @Test func readsLoopsConditionsAndRequires() {
        let step = parsed.lesson.steps[1]
        #expect(step.loop == Step.Loop(list: "nodes", variable: "node"))
        #expect(step.condition == Condition(variable: TemplatePath(root: "node", field: "netconf"), comparison: .equal, value: "dhcpcd"))
        #expect(step.requires.map(\.id) == ["image-the-master-s-sd-card"])
        #expect(step.blocks.map(\.kind) == [.show, .check])
        #expect(step.blocks[0].target == .console)
        #expect(step.prose.map(\.markdown) == ["```\nA plain fence is an example.\n```"])
    }

    @Test func anAttributeIsTakenAsWrittenWithItsBackslashes() {
        let text = """
        ---
        id: b
        title: B
        summary: B.
        ---
        ## Look {#look}

        ```sh {check output="denied \\(publickey\\)" name="a &amp; b"}
        ssh -o BatchMode=yes localhost true
        ```

        ~~~  sh {check output=a\\.b}
        true
        ~~~

        ```sh {check output="x{2}" name="a } b"}
        echo xx
        ```

        ## A 5" screen {#screen}

        ```sh {run}
        true
        ```
        """
        let parsed = LessonParser.parse(text, file: "b.md")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let blocks = parsed.lesson.steps[0].blocks
        #expect(blocks[0].outputPattern == #"denied \(publickey\)"#, "CommonMark would take the backslashes out of the info string")
        #expect(blocks[0].name == "a &amp; b", "no entity is decoded: the attribute is what the author wrote")
        #expect(blocks[1].outputPattern == #"a\.b"#)
        #expect(blocks[2].outputPattern == "x{2}" && blocks[2].name == "a } b", "a quoted value holds braces")
        #expect(parsed.lesson.steps[1].id == "screen" && parsed.lesson.steps[1].title == "A 5\" screen", "a lone quote in a title")
    }

    @Test func aCheckMayBeNamedButNotACommand() {
        let text = """
        ---
        id: n
        title: N
        summary: Named.
        ---
        ## Step {#step}
        ```sh {run name="a command"}
        true
        ```
        ```sh {check name="the root folder exists"}
        test -d /
        ```
        """
        let parsed = LessonParser.parse(text, file: "n.md")
        #expect(parsed.lesson.steps[0].blocks[1].name == "the root folder exists")
        #expect(parsed.diagnostics.map(\.description) == ["n.md:7:12: error: name= says in words what a check or precondition checks; a {run} block is not one"])
    }

    @Test func keepsTheIntroductionWithoutTheTitle() {
        #expect(parsed.lesson.introduction.map(\.markdown) == ["The introduction."])
    }

    @Test func theSampleLintsCleanly() {
        #expect(LessonLinter.lint(parsed.lesson, validators: ValidatorRegistry.specs).isEmpty, "\(LessonLinter.lint(parsed.lesson, validators: ValidatorRegistry.specs))")
    }

    @Test func windowsLineEndingsParseTheSame() {
        let crlf = LessonParser.parse(Self.lesson.replacingOccurrences(of: "\n", with: "\r\n"), file: "sample.md")
        #expect(crlf.lesson == parsed.lesson)
    }

    @Test(arguments: [
        ("Image the master's SD card", "image-the-master-s-sd-card"),
        ("  Power up!  ", "power-up"),
        ("Step 5: MPI (test)", "step-5-mpi-test"),
        ("Über café", "ber-caf"),
    ])
    func slugs(_ title: String, _ slug: String) {
        #expect(LessonParser.slug(title) == slug)
    }

    /// Drills, repairs and solutions are blocks of their own kinds; `may-pass-before` is the step's.
    @Test func readsTheSelfTestBlocks() {
        let text = """
        ---
        id: drills
        title: Drills
        summary: A step and its self-test.
        inputs:
          nodes:
            type: list
            fields:
              hostname: { type: hostname }
              role: { type: choice, choices: [master, worker] }
            default:
              - { hostname: n1, role: master }
        ---
        ## Make {#make foreach=nodes as=node may-pass-before="node.role == master"}

        ```sh {run on=node}
        touch /tmp/x
        ```

        ```sh {check on=node}
        test -f /tmp/x
        ```

        ```sh {drill hint=1 on=node timeout=5}
        rm /tmp/x
        ```

        ```sh {repair on=node}
        touch /tmp/x
        ```

        > **Hint:** Run it again.
        """
        let result = LessonParser.parse(text, file: "drills.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let step = result.lesson.steps[0]
        #expect(step.blocks.map(\.kind) == [.run, .check, .drill, .repair])
        #expect(step.blocks[2].drillHint == 1 && step.blocks[2].target == .node && step.blocks[2].timeout == 5)
        #expect(step.learnerBlocks == [0, 1])
        #expect(step.checksMayPassBefore?.description == "node.role == master")
        let flag = LessonParser.parse(text.replacingOccurrences(of: " may-pass-before=\"node.role == master\"", with: " may-pass-before"), file: "drills.md")
        #expect(flag.lesson.steps[0].checksMayPassBefore?.terms.isEmpty == true, "the flag alone: every item")
        // A learner's progress does not notice a drill added or changed: only the learner's blocks count.
        let plain = LessonParser.parse(text.replacingOccurrences(of: "rm /tmp/x", with: "rm -f /tmp/x"), file: "drills.md")
        #expect(StepHasher.hash(plain.lesson.steps[0]) == StepHasher.hash(step))
    }
}
