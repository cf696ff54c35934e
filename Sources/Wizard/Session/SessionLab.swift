import Lessons

/// What the practice lab does in a session, asked by the session where the lab differs from real
/// Pis: it types the blocks meant for a node's console, it runs the `on=lab` blocks (a card into the
/// reader, a Pi switched on), and the `on=lab` blocks a step starts with set the step's scene before
/// anything is checked. Outside the lab a session has none, and those blocks are not commands.
struct SessionLab: Sendable {
    /// Whether someone types `block` for the learner: the lab, at a node's console.
    func types(_ block: Block) -> Bool {
        block.kind == .show && block.target == .console
    }

    /// The offsets of the `on=lab` run blocks the step starts with: the scene the lab sets first.
    func sceneSetUp(of step: Step) -> [Int] {
        Array(step.blocks.indices.prefix { step.blocks[$0].target == .lab && step.blocks[$0].kind == .run })
    }

    /// Said after "at the console of node2", so the learner knows not to type it.
    let consoleNote = " (the practice lab types it)"
}
