import Foundation

/// Runs one piece of work per node at the same time, at most `jobs` at once, and returns the results in
/// the nodes' order. Each piece runs on a thread of its own (the work is waiting on ssh, not computing),
/// so one slow or unreachable node holds up only its own slot, never the others.
public struct NodeFanOut: Sendable {
    /// At most this many nodes at once.
    public var jobs: Int

    /// 16 at once: enough to check a 16-node cluster in the time of one node, few enough that sshd's
    /// default `MaxStartups` (10:30:100) on a shared master is not flooded.
    public static let defaultJobs = 16

    public init(jobs: Int = NodeFanOut.defaultJobs) {
        self.jobs = max(1, jobs)
    }

    /// `work` for every item, `jobs` at a time; results in the items' order.
    public func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ work: @escaping @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1, jobs > 1 else { return items.map(work) }
        let state = FanOutState<Result>(count: items.count)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, items.count) {
            group.enter()
            let thread = Thread {
                while let index = state.nextIndex() {
                    state.store(work(items[index]), at: index)
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return state.results()
    }
}

/// The shared counter and result slots of one fan-out.
private final class FanOutState<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var slots: [Result?]

    init(count: Int) {
        self.count = count
        slots = Array(repeating: nil, count: count)
    }

    func nextIndex() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: Result, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func results() -> [Result] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
