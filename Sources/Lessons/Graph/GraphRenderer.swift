import Foundation

/// Draws a step graph as text, Mermaid or DOT. Pure: the output is a function of the graph.
public enum GraphRenderer {
    public static func render(_ graph: StepGraph, title: String, format: GraphFormat) -> String {
        switch format {
        case .text: return text(graph, title: title)
        case .mermaid: return mermaid(graph)
        case .dot: return dot(graph, title: title)
        }
    }

    /// A short description of what repeats and when a step applies: `for each node in nodes, when ...`.
    public static func qualifiers(_ step: Step) -> [String] {
        var result: [String] = []
        if let loop = step.loop { result.append("for each \(loop.variable) in \(loop.list)") }
        if let condition = step.condition { result.append("when \(condition)") }
        return result
    }

    // MARK: Text

    private static func text(_ graph: StepGraph, title: String) -> String {
        var lines = ["\(title) — \(graph.steps.count) steps"]
        let groupOf = Dictionary(graph.branchGroups.flatMap { group in group.map { ($0, group) } }, uniquingKeysWith: { a, _ in a })
        for (index, step) in graph.steps.enumerated() {
            var prefix = "  "
            if let group = groupOf[step.id], group.count > 1 {
                prefix = step.id == group.last ? "└ " : (step.id == group.first ? "┌ " : "├ ")
            }
            var line = "\(prefix)\(index + 1). \(step.title) [\(step.id)]"
            let notes = qualifiers(step) + graph.edges
                .filter { $0.to == step.id && $0.kind == .requires }
                .map { "requires \($0.from)" }
            if !notes.isEmpty { line += " — " + notes.joined(separator: "; ") }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Mermaid

    private static func mermaid(_ graph: StepGraph) -> String {
        var lines = ["flowchart TD"]
        for (index, step) in graph.steps.enumerated() {
            var label = "\(index + 1). \(step.title)"
            if let loop = step.loop { label += "<br/>⟳ for each \(loop.variable) in \(loop.list)" }
            let text = "\"" + escapeMermaid(label) + "\""
            let node = step.loop != nil ? "[[\(text)]]" : step.condition != nil ? "{{\(text)}}" : "[\(text)]"
            lines.append("    \(mermaidID(step.id))\(node)")
        }
        for edge in graph.edges {
            let from = mermaidID(edge.from)
            let to = mermaidID(edge.to)
            switch edge.kind {
            case .branch:
                let condition = graph.step(edge.to)?.condition.map(\.description) ?? ""
                lines.append("    \(from) -->|\"\(escapeMermaid(condition))\"| \(to)")
            case .requires:
                lines.append("    \(from) -.->|requires| \(to)")
            case .sequence, .join:
                lines.append("    \(from) --> \(to)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mermaidID(_ id: String) -> String {
        "s_" + String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    private static func escapeMermaid(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;")
    }

    // MARK: DOT

    private static func dot(_ graph: StepGraph, title: String) -> String {
        var lines = ["digraph \(dotQuote(title)) {", "    rankdir=TB;", "    node [shape=box, style=rounded];"]
        for (index, step) in graph.steps.enumerated() {
            var label = "\(index + 1). \(step.title)"
            if let loop = step.loop { label += "\\n⟳ for each \(loop.variable) in \(loop.list)" }
            var attributes = ["label=\(dotQuote(label, keepingNewlines: true))"]
            if step.loop != nil { attributes.append("peripheries=2") }
            if step.condition != nil { attributes.append("shape=hexagon") }
            lines.append("    \(dotQuote(step.id)) [\(attributes.joined(separator: ", "))];")
        }
        for edge in graph.edges {
            var attributes: [String] = []
            switch edge.kind {
            case .branch:
                let condition = graph.step(edge.to)?.condition.map(\.description) ?? ""
                attributes.append("label=\(dotQuote(condition))")
            case .requires:
                attributes += ["style=dashed", "label=\"requires\""]
            case .sequence, .join:
                break
            }
            let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("    \(dotQuote(edge.from)) -> \(dotQuote(edge.to))\(suffix);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dotQuote(_ text: String, keepingNewlines: Bool = false) -> String {
        var escaped = text.replacingOccurrences(of: "\"", with: "\\\"")
        if !keepingNewlines { escaped = escaped.replacingOccurrences(of: "\\n", with: " ") }
        return "\"" + escaped + "\""
    }
}
