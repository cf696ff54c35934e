import Foundation
import Lessons
import Testing
@testable import Wizard

/// What new values change in a run that was done (`ChangedWork`, `StepWork`), and what forgetting one
/// node forgets (`ItemReset`), on a lesson with a per-node step, a step that writes the whole list on
/// each node, a step on the master, one without a loop that reads the list, and a secret.
@Suite struct ChangedWorkTests {
    static let text = """
    ---
    id: day-two
    title: Day two
    summary: Steps that read a node's own record, the whole list, the master, a secret.
    hosts: { login: user, master: nodes.role == master }
    inputs:
      nodes:
        type: list
        fields:
          hostname: { type: hostname, unique: true }
          ip: { type: ipv4, unique: true }
          role: { type: choice, choices: [master, worker] }
        default:
          - { hostname: m, ip: 10.9.0.1, role: master }
          - { hostname: w1, ip: 10.9.0.2, role: worker }
      user: { type: string, default: pi }
      greeting: { type: string, default: hello }
      password: { type: secret, prompt: A password }
    ---

    ## Each node's own card {#card foreach=nodes as=node when="node.role == worker"}

    {{greeting}}, {{node.hostname}}: the prose may read anything.

    ```sh {run}
    write-card {{node.hostname}} {{node.ip}} {{password}}
    ```

    ```sh {check}
    test "{{greeting}}" = hello
    ```

    ## Every node's list {#hosts foreach=nodes as=node}

    ```sh {run on=node}
    echo {{nodes.hostname}}
    ```

    ## The master meets each node {#meet foreach=nodes as=node}

    ```sh {run on=master}
    ssh-keyscan {{node.ip}}
    ```

    ## The machine file {#machinefile}

    ```sh {run on=master}
    printf '%s\\n' {{nodes.ip}}
    ```

    ## A step that reads no list {#hello}

    ```sh {run}
    echo {{user}}
    ```

    """

    static func lesson() throws -> Lesson { try TestLessons.load(text, id: "day-two").lesson }

    static func records(_ lines: [(String, String, String)]) -> InputValue {
        .records(lines.map { ["hostname": $0.0, "ip": $0.1, "role": $0.2] })
    }

    static let two = records([("m", "10.9.0.1", "master"), ("w1", "10.9.0.2", "worker")])
    static let three = records([("m", "10.9.0.1", "master"), ("w1", "10.9.0.2", "worker"), ("w2", "10.9.0.3", "worker")])

    /// Every step done (the card step does not apply to the master) with `inputs`.
    static func finished(_ lesson: Lesson, inputs: [String: InputValue]) -> SessionState {
        var state = SessionState(inputs: inputs)
        for step in lesson.steps {
            let values = StepValues(lesson: lesson, assets: "", inputs: inputs)
            for item in values.items(of: step) {
                state.setStatus(values.applies(step, to: item) ? .done : .notApplicable, step: step.id, item: item?.key ?? "")
            }
        }
        state.stepIndex = lesson.steps.count
        return state
    }

    func changes(_ before: [String: InputValue], _ after: [String: InputValue]) throws -> ChangedWork {
        let lesson = try Self.lesson()
        return ChangedWork(lesson: lesson, assets: "", state: Self.finished(lesson, inputs: before), before: before, after: after)
    }

    @Test func aNodeAddedChangesWhatReadsTheWholeListAndNothingElse() throws {
        let base: [String: InputValue] = ["user": .text("pi"), "greeting": .text("hello")]
        let work = try changes(base.merging(["nodes": Self.two]) { $1 }, base.merging(["nodes": Self.three]) { $1 })
        #expect(work.inputs == ["nodes"])
        #expect(work.steps == [.init(id: "hosts", items: ["m", "w1"]), .init(id: "machinefile", items: [""])])
        #expect(work.described == ["hosts (m, w1)", "machinefile"])
    }

    @Test func theMastersAddressChangesWhatRunsOnTheMaster() throws {
        let moved = Self.records([("m", "10.9.0.9", "master"), ("w1", "10.9.0.2", "worker")])
        let work = try changes(["nodes": Self.two], ["nodes": moved])
        #expect(work.steps.map(\.id) == ["hosts", "meet", "machinefile"])
        #expect(work.steps.first { $0.id == "meet" }?.items == ["m", "w1"], "every node is met from the master's new address")
    }

    @Test func aRoleChangedMakesTheStepApplyAgain() throws {
        let swapped = Self.records([("m", "10.9.0.1", "worker"), ("w1", "10.9.0.2", "worker")])
        let work = try changes(["nodes": Self.two], ["nodes": swapped])
        #expect(work.steps.first?.id == "card")
        #expect(work.steps.first?.items == ["m"], "the card step did not apply to m, and does now")
    }

    @Test func valuesOnlyProseChecksOrSecretsReadChangeNothing() throws {
        let before: [String: InputValue] = ["nodes": Self.two, "greeting": .text("hello"), "password": .secret(SecretValue("one"))]
        let after: [String: InputValue] = ["nodes": Self.two, "greeting": .text("hi"), "password": .secret(SecretValue("two"))]
        let work = try changes(before, after)
        #expect(work.inputs == ["greeting"], "a secret is never compared, nor named")
        #expect(work.isEmpty)
    }

    @Test func theChangedItemsArePendingAndTheirEditsForgotten() throws {
        let lesson = try Self.lesson()
        var state = Self.finished(lesson, inputs: ["nodes": Self.two])
        state.edits = [EditKey(step: "hosts", item: "w1", block: 0): "echo m w1 by hand", EditKey(step: "card", item: "w1", block: 0): "write-card w1 by hand"]
        let work = ChangedWork(lesson: lesson, assets: "", state: state, before: ["nodes": Self.two], after: ["nodes": Self.three])
        let after = work.applied(to: state)
        #expect(after.status("hosts", item: "w1") == .pending)
        #expect(after.status("card", item: "w1") == .done)
        #expect(after.edits == [EditKey(step: "card", item: "w1", block: 0): "write-card w1 by hand"])
        let values = StepValues(lesson: lesson, assets: "", inputs: ["nodes": Self.three])
        #expect(SavedRun.resumeIndex(of: after, in: lesson, values: values) == 0, "w2's card is the first thing to do")
        #expect(SavedRun.resumeIndex(of: after, in: lesson) == 1, "without the values only the pending statuses count")
    }

    @Test func forgettingANodeForgetsItsItemsAndTheStepsThatReadTheWholeList() throws {
        let lesson = try Self.lesson()
        let inputs: [String: InputValue] = ["nodes": Self.three, "user": .text("pi")]
        let state = Self.finished(lesson, inputs: inputs)
        let reset = try #require(ItemReset(item: "w1", lesson: lesson, inputs: inputs, statuses: state.statuses))
        #expect(reset.list == "nodes")
        #expect(reset.keys == [StatusKey(step: "card", item: "w1"), StatusKey(step: "hosts", item: "w1"), StatusKey(step: "meet", item: "w1"),
                               StatusKey(step: "machinefile", item: "")])
        let after = reset.applied(to: state)
        #expect(after.status("hosts", item: "w2") == .done)
        #expect(after.status("hello") == .done)
        #expect(ItemReset(item: "zz", lesson: lesson, inputs: inputs, statuses: state.statuses) == nil)
        #expect(ItemReset.itemNames(lesson: lesson, inputs: inputs) == ["m", "w1", "w2"])
    }
}
