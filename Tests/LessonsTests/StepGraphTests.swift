import Lessons
import Testing

@Suite struct StepGraphTests {
    static let text = """
    ---
    id: g
    title: Graph
    summary: Branches and loops.
    inputs:
      netconf: { type: choice, choices: [a, b, c] }
      nodes: { type: list, fields: { name: { type: hostname } } }
    ---
    ## One {#one}
    ```sh {run readonly}
    true
    ```
    ## A {#a when="netconf == a"}
    ```sh {run readonly}
    true
    ```
    ## B {#b when="netconf == b"}
    ```sh {run readonly}
    true
    ```
    ## Loop {#loop foreach=nodes as=node requires=one}
    ```sh {run readonly on=node}
    echo {{node.name}}
    ```
    """

    let graph = StepGraph(lesson: LessonParser.parse(text, file: "g.md").lesson)

    @Test func branchesHangBetweenTheStepBeforeAndTheStepAfter() {
        #expect(graph.branchGroups == [["a", "b"]])
        #expect(graph.successors(of: "one").sorted() == ["a", "b", "loop"])
        #expect(graph.predecessors(of: "loop").sorted() == ["a", "b", "one"])
        #expect(graph.edges.filter { $0.kind == .branch }.map(\.to) == ["a", "b"])
        #expect(graph.edges.filter { $0.kind == .join }.map(\.from) == ["a", "b"])
        #expect(graph.edges.filter { $0.kind == .requires }.map { "\($0.from)->\($0.to)" } == ["one->loop"])
        #expect(graph.cycles().isEmpty)
    }

    @Test func stepsWithTheSameConditionFollowOneAnotherInsteadOfBranching() {
        let text = """
        ---
        id: s
        title: Same
        summary: Two worker-only steps.
        inputs:
          nodes: { type: list, fields: { role: { type: choice, choices: [master, worker] } } }
        ---
        ## Write {#write foreach=nodes as=node when="node.role == worker"}
        ```sh {run readonly}
        true
        ```
        ## Rename {#rename foreach=nodes as=node when="node.role == worker"}
        ```sh {run readonly}
        true
        ```
        ## Master {#master foreach=nodes as=node when="node.role == master"}
        ```sh {run readonly}
        true
        ```
        """
        let graph = StepGraph(lesson: LessonParser.parse(text, file: "s.md").lesson)
        #expect(graph.predecessors(of: "rename") == ["write"])
        #expect(graph.branchGroups == [["write"], ["rename", "master"]])
    }

    @Test func stepsWhoseConditionsCanNeverHoldTogetherFormOneBranchGroup() {
        let text = """
        ---
        id: p
        title: Paths
        summary: A card path beside a console path with a branch per network stack.
        inputs:
          setup: { type: choice, choices: [card, console] }
          network: { type: choice, choices: [a, b] }
          nodes: { type: list, fields: { role: { type: choice, choices: [master, worker] } } }
        ---
        ## Start {#start foreach=nodes as=node when="node.role == worker and setup == card"}
        ```sh {run readonly}
        true
        ```
        ## Address A {#address-a foreach=nodes as=node when="network == a and setup == console"}
        ```sh {run readonly}
        true
        ```
        ## Address B {#address-b foreach=nodes as=node when="network == b and setup == console"}
        ```sh {run readonly}
        true
        ```
        ## Identity {#identity foreach=nodes as=node when="node.role == worker and setup == console"}
        ```sh {run readonly}
        true
        ```
        """
        let graph = StepGraph(lesson: LessonParser.parse(text, file: "p.md").lesson)
        #expect(graph.branchGroups == [["start", "address-a", "address-b"], ["identity"]])
        #expect(graph.predecessors(of: "identity").sorted() == ["address-a", "address-b", "start"])
    }

    @Test func mermaidShowsLoopsAndBranchLabels() {
        let mermaid = GraphRenderer.render(graph, title: "Graph", format: .mermaid)
        #expect(mermaid.hasPrefix("flowchart TD\n"))
        #expect(mermaid.contains(#"s_loop[["4. Loop<br/>⟳ for each node in nodes"]]"#))
        #expect(mermaid.contains(#"s_one -->|"netconf == a"| s_a"#))
        #expect(mermaid.contains("s_one -.->|requires| s_loop"))
        #expect(mermaid.contains(#"s_a{{"2. A"}}"#))
    }

    @Test func dotAndTextShowTheSameGraph() {
        let dot = GraphRenderer.render(graph, title: "Graph", format: .dot)
        #expect(dot.contains(#""one" -> "a" [label="netconf == a"];"#))
        #expect(dot.contains(#""one" -> "loop" [style=dashed, label="requires"];"#))
        #expect(dot.contains("peripheries=2"))
        let text = GraphRenderer.render(graph, title: "Graph", format: .text)
        #expect(text == """
        Graph — 4 steps
          1. One [one]
        ┌ 2. A [a] — when netconf == a
        └ 3. B [b] — when netconf == b
          4. Loop [loop] — for each node in nodes; requires one

        """)
    }

    /// A long chain of `requires` is walked without recursion (the debug build's stack overflowed at
    /// 10,000 steps: lint, list, graph and --preview crashed), and built in linear time (a requires
    /// edge was looked for among all edges: 20,000 steps took 14 s).
    @Test func aLongRequiresChainWithACycleDoesNotOverflowTheStack() {
        let count = 20_000
        var text = "---\nid: chain\ntitle: Chain\nsummary: Each step requires the one before.\n---\n"
        for index in 0..<count {
            let requires = index == 0 ? " requires=s\(count - 1)" : " requires=s\(index - 1)"
            text += "## Step \(index) {#s\(index)\(requires)}\n```sh {run readonly}\ntrue\n```\n"
        }
        let cycles = StepGraph(lesson: LessonParser.parse(text, file: "chain.md").lesson).cycles()
        #expect(cycles.count == 1)
        #expect(cycles.first?.count == count + 1 && cycles.first?.first == cycles.first?.last)
    }
}
