import Foundation
import Lessons
import Wizard
import Testing

/// The lessons in `lessons/` lint cleanly, and the parsed graph of expand-cluster is pinned by a snapshot
/// (re-record with `PIWIZARD_RECORD_SNAPSHOTS=1 swift test --filter ShippedLessonsTests`).
@Suite struct ShippedLessonsTests {
    static let names = ["expand-cluster", "harden-ssh", "tour"]

    static func load(_ name: String) throws -> (Lesson, [Diagnostic]) {
        let text = try String(contentsOf: Paths.lessons.appendingPathComponent("\(name).md"), encoding: .utf8)
        return LessonLinter.lint(text, file: "lessons/\(name).md", validators: ValidatorRegistry.specs)
    }

    @Test(arguments: names)
    func lintsWithoutErrorsOrWarnings(_ name: String) throws {
        let (_, diagnostics) = try Self.load(name)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func expandClusterGraphMatchesTheSnapshot() throws {
        let (lesson, _) = try Self.load("expand-cluster")
        try assertSnapshot(LessonOutline.describe(lesson), named: "expand-cluster.outline.txt")
        try assertSnapshot(GraphRenderer.render(StepGraph(lesson: lesson), title: lesson.metadata.title, format: .mermaid),
                           named: "expand-cluster.mermaid")
    }

    @Test func tourGraphMatchesTheSnapshot() throws {
        let (lesson, _) = try Self.load("tour")
        try assertSnapshot(LessonOutline.describe(lesson), named: "tour.outline.txt")
    }

    @Test func expandClusterCoversTheArticle() throws {
        let (lesson, _) = try Self.load("expand-cluster")
        let commands = lesson.steps.flatMap(\.blocks).map(\.body).joined(separator: "\n")
        for needle in ["lsblk", "dd ", "conv=fsync", "127.0.1.1", "ssh-keygen", "ssh-copy-id", "mpiexec -f", "mpicc"] {
            #expect(commands.contains(needle), "expand-cluster has no command with \(needle)")
        }
        let validators = Set(lesson.steps.flatMap(\.blocks).compactMap(\.validator?.name))
        for name in ["block-device", "hostname-is", "unique-across-nodes", "ssh-key-login", "machinefile", "mpi-hostnames"] {
            #expect(validators.contains(name), "expand-cluster never uses \(name)")
        }
        let graph = StepGraph(lesson: lesson)
        #expect(graph.branchGroups.contains { Set($0) == ["start-workers", "static-ip-interfaces", "static-ip-dhcpcd", "static-ip-netplan", "static-ip-networkmanager"] },
                "four network-configuration branches on the console path, beside the card path's start")
        #expect(graph.branchGroups.contains { $0 == ["host-keys", "host-keys-first-use"] }, "\(graph.branchGroups)")
        #expect(lesson.steps.contains { $0.loop != nil })
        #expect(lesson.steps.allSatisfy { !$0.hints.isEmpty }, "every step has a hint")
        // Where the learner restarts a node with its new address at its console, piwizard watches it
        // come back on that address. Not where a check may pass before the restart (new host keys, the
        // new name: the watch would go on while the node restarts), nor where the check follows a
        // command the master runs.
        let watched = lesson.steps.filter { $0.blocks.contains { $0.watchSeconds != nil } }.map(\.id)
        #expect(watched == ["static-ip-interfaces", "static-ip-dhcpcd", "static-ip-netplan", "static-ip-networkmanager"])
        #expect(Set(lesson.steps.filter { $0.blocks.contains { $0.target == .console } }.map(\.id)) == Set(watched + ["regenerate-identity", "host-keys", "hostname"]))
    }
}

/// A stable, readable description of a parsed lesson for snapshots: every step, block, validator and edge.
enum LessonOutline {
    static func describe(_ lesson: Lesson) -> String {
        var lines = ["lesson \(lesson.id): \(lesson.metadata.title)"]
        let hosts = lesson.metadata.hosts
        lines.append("hosts: login \(hosts.login ?? "-"), master \(hosts.master?.description ?? "-")")
        for input in lesson.inputs {
            var line = "input \(input.name): \(input.type.rawValue)"
            if let fact = input.labFact { line += " lab \(fact.rawValue)" }
            if !input.fields.isEmpty { line += " {" + input.fields.map { "\($0.name): \($0.type.rawValue)\($0.unique ? " unique" : "")\($0.labFact.map { " lab \($0.rawValue)" } ?? "")" }.joined(separator: ", ") + "}" }
            lines.append(line)
        }
        let graph = StepGraph(lesson: lesson)
        for step in lesson.steps {
            var line = "step \(step.id) @\(step.location.line): \(step.title)"
            if let loop = step.loop { line += " | foreach \(loop.list) as \(loop.variable)" }
            if let condition = step.condition { line += " | when \(condition)" }
            lines.append(line)
            for block in step.blocks {
                var text = "  \(block.kind.rawValue) @\(block.location.line) on \(block.target.rawValue)"
                if let user = block.user { text += " user \(user)" }
                if block.destructive { text += " destructive" }
                if block.readonly { text += " readonly" }
                if let seconds = block.watchSeconds { text += " watch \(seconds)s" }
                if let validator = block.validator {
                    text += " validator \(validator.name)(" + validator.arguments.keys.sorted().joined(separator: ", ") + ")"
                } else if block.kind.isValidator {
                    text += " shell exit \(block.expectedExit)" + (block.outputPattern.map { " output /\($0)/" } ?? "")
                }
                lines.append(text)
            }
            for tasks in step.ansible {
                lines.append("  ansible @\(tasks.location.line) on \(tasks.target.rawValue)" + (tasks.condition.map { " when \($0)" } ?? ""))
            }
            lines.append("  hints: \(step.hints.count)")
            for predecessor in graph.predecessors(of: step.id) {
                let kind = graph.edges.first { $0.from == predecessor && $0.to == step.id }?.kind.rawValue ?? "?"
                lines.append("  after \(predecessor) (\(kind))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
