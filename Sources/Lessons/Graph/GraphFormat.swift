/// The ways `piwizard graph` can draw a step graph.
public enum GraphFormat: String, Sendable, CaseIterable {
    /// An indented outline for the terminal.
    case text
    /// A Mermaid flowchart (renders on GitHub).
    case mermaid
    /// Graphviz DOT.
    case dot
}
