import Lessons
import Testing
@testable import Wizard

/// A run's queue of commands on its own: what comes next, hand-typed blocks shown together, and where
/// `done` goes on.
@Suite struct BlockQueueTests {
    static let lesson = """
    ---
    id: queue
    title: Queue
    summary: Commands, some typed by hand.
    ---
    ## Mixed {#mixed}

    ```sh {run}
    first
    ```

    ```sh {show}
    by-hand-1
    ```

    ```sh {show}
    by-hand-2
    ```

    ```sh {run}
    after
    ```

    ```sh {show}
    last-by-hand
    ```

    ```sh {check}
    true
    ```
    """

    @Test func commandsRunInOrderAndHandTypedOnesAreShownTogether() throws {
        let step = try TestLessons.load(Self.lesson, id: "queue").lesson.steps[0]
        let byHand: (Block) -> Bool = { $0.kind == .show }
        var queue = BlockQueue([0, 1, 2, 3, 4])
        #expect(queue.next(in: step, byHand: byHand) == .command(0))
        queue.advance()
        #expect(queue.next(in: step, byHand: byHand) == .byHand([1, 2], resumeAt: 3))
        // `done` goes on where the hand-typed blocks end.
        queue = BlockQueue([0, 1, 2, 3, 4], from: 3)
        #expect(queue.next(in: step, byHand: byHand) == .command(3))
        queue.advance()
        #expect(queue.next(in: step, byHand: byHand) == .byHand([4], resumeAt: step.blocks.count), "the last: done goes on to the checks")
        queue.advance()
        #expect(queue.next(in: step, byHand: byHand) == .end)
        queue.advance()
        #expect(queue.next(in: step, byHand: byHand) == .end, "past the end stays at the end")
    }

    @Test func blocksSomeoneTypesForTheLearnerRunAsCommands() throws {
        let step = try TestLessons.load(Self.lesson, id: "queue").lesson.steps[0]
        var queue = BlockQueue([0, 1, 2, 3, 4], from: 1)
        #expect(queue.next(in: step, byHand: { _ in false }) == .command(1))
        queue.advance()
        #expect(queue.next(in: step, byHand: { _ in false }) == .command(2))
        #expect(BlockQueue([0, 1], from: 9).next(in: step, byHand: { _ in false }) == .end, "a start after every block")
        #expect(BlockQueue([]).next(in: step, byHand: { _ in true }) == .end)
    }
}
