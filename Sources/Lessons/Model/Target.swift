/// Where a block runs.
public enum Target: String, Sendable, Hashable, Codable, CaseIterable {
    /// The machine running piwizard.
    case local
    /// The cluster's master node.
    case master
    /// The current loop item's host, over ssh.
    case node
    /// The learner's own hands at the loop node's keyboard and screen.
    case console
    /// The practice lab's hands (`--lab` only): a `piwizard lab` command that stands in for what the prose
    /// asks the learner to do physically (swap a card, switch a Pi on); skipped outside the lab.
    case lab
}
