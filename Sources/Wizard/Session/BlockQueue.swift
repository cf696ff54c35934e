import Lessons

/// The commands of one run of a step (block offsets, in order) and how far the run is. `next` says
/// what comes: a command to run, the hand-typed blocks to show together (the run then waits for
/// `done`, which goes on at `resumeAt`), or the end (the checks); `advance` follows a command that ended.
struct BlockQueue: Sendable, Equatable {
    /// What the run does next.
    enum Next: Sendable, Equatable {
        /// Run the command block at this offset.
        case command(Int)
        /// Show these hand-typed blocks, then wait; `done` goes on at block offset `resumeAt`.
        case byHand([Int], resumeAt: Int)
        /// No command is left.
        case end
    }

    let offsets: [Int]
    private(set) var position: Int

    /// The queue of `offsets`, from the first at or after block offset `start`.
    init(_ offsets: [Int], from start: Int = 0) {
        self.offsets = offsets
        self.position = offsets.firstIndex { $0 >= start } ?? offsets.count
    }

    /// What comes next in `step`; `byHand` tells the blocks the learner types.
    func next(in step: Step, byHand: (Block) -> Bool) -> Next {
        guard position < offsets.count else { return .end }
        guard byHand(step.blocks[offsets[position]]) else { return .command(offsets[position]) }
        let shown = offsets[position...].prefix { byHand(step.blocks[$0]) }
        let after = position + shown.count
        return .byHand(Array(shown), resumeAt: after < offsets.count ? offsets[after] : step.blocks.count)
    }

    /// The command at hand ended: on to the one after it.
    mutating func advance() {
        position = min(position + 1, offsets.count)
    }
}
