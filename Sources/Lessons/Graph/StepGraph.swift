/// The steps of a lesson and the edges between them: document order, branch groups and `requires`.
///
/// Each step needs the one before it. Consecutive steps whose conditions compare the same variable for
/// equality with different values form a branch group: mutually exclusive alternatives that each need
/// the step before the group and are all needed by the step after it. (Consecutive steps with the same
/// condition, such as two worker-only steps, simply follow one another.) `requires` adds an edge from the required step. The graph is pure data; lint reads it.
public struct StepGraph: Sendable {
    /// How an edge came about.
    public enum EdgeKind: String, Sendable, Hashable {
        /// Document order.
        case sequence
        /// Into a conditional step: taken only when its condition holds.
        case branch
        /// Out of a conditional step back to the common path.
        case join
        /// An explicit `requires`.
        case requires
    }

    /// `to` needs `from` done (or not applicable) first.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var kind: EdgeKind
    }

    /// Steps in document order (the first of any duplicated id).
    public let steps: [Step]
    public let edges: [Edge]
    /// Consecutive conditional steps on the same variable, by id; single conditional steps included.
    public let branchGroups: [[String]]
    /// Lookups by id, made once (a lesson of thousands of steps is linted in linear time).
    let indexByID: [String: Int]
    let successorsByID: [String: [String]]
    let predecessorsByID: [String: [String]]

    public init(lesson: Lesson) {
        var seen = Set<String>()
        let steps = lesson.steps.filter { seen.insert($0.id).inserted }
        var units: [[Step]] = []
        for step in steps {
            if let condition = step.condition, let group = units.last, Self.isAlternative(condition, to: group) {
                units[units.count - 1].append(step)
            } else {
                units.append([step])
            }
        }
        var edges: [Edge] = []
        for (before, after) in zip(units, units.dropFirst()) {
            for from in before {
                for to in after {
                    let kind: EdgeKind = to.condition != nil ? .branch : from.condition != nil ? .join : .sequence
                    edges.append(Edge(from: from.id, to: to.id, kind: kind))
                }
            }
        }
        var linked = Set(edges.map { [$0.from, $0.to] })
        for step in steps {
            for reference in step.requires where seen.contains(reference.id) && linked.insert([reference.id, step.id]).inserted {
                edges.append(Edge(from: reference.id, to: step.id, kind: .requires))
            }
        }
        self.steps = steps
        self.edges = edges
        self.branchGroups = units.filter { $0.first?.condition != nil }.map { $0.map(\.id) }
        indexByID = Dictionary(steps.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        successorsByID = Dictionary(grouping: edges, by: \.from).mapValues { $0.map(\.to) }
        predecessorsByID = Dictionary(grouping: edges, by: \.to).mapValues { $0.map(\.from) }
    }

    /// Whether a condition is one more alternative to a group of conditional steps: it can never hold
    /// together with any member's (each pair compares one variable with `==` against different values).
    static func isAlternative(_ condition: Condition, to group: [Step]) -> Bool {
        group.allSatisfy { member in member.condition.map(condition.excludes) ?? false }
    }

    public func step(_ id: String) -> Step? { indexByID[id].map { steps[$0] } }

    /// Ids of the steps `id` needs directly.
    public func predecessors(of id: String) -> [String] { predecessorsByID[id] ?? [] }

    /// Ids of the steps that need `id` directly.
    public func successors(of id: String) -> [String] { successorsByID[id] ?? [] }

    /// Every cycle, each as the ids along it starting and ending at the same step, found through the
    /// edge that closes it (always a `requires` edge, since document order only goes forward). A
    /// depth-first walk with a stack of its own, so that a lesson of 100,000 steps in one chain does
    /// not run out of the thread's stack.
    public func cycles() -> [[String]] {
        var finished = Set<String>()
        var onPath: [String: Int] = [:]  // id → its position on the path
        var path: [String] = []
        var stack: [(id: String, next: Int)] = []
        var found: [[String]] = []
        for step in steps where !finished.contains(step.id) {
            stack.append((step.id, 0))
            onPath[step.id] = 0
            path.append(step.id)
            while let top = stack.last {
                let following = successors(of: top.id)
                guard top.next < following.count else {
                    stack.removeLast()
                    path.removeLast()
                    onPath[top.id] = nil
                    finished.insert(top.id)
                    continue
                }
                stack[stack.count - 1].next += 1
                let next = following[top.next]
                if let start = onPath[next] {
                    found.append(Array(path[start...]) + [next])
                } else if !finished.contains(next) {
                    onPath[next] = path.count
                    path.append(next)
                    stack.append((next, 0))
                }
            }
        }
        return found
    }

    /// The 1-based position of a step in document order.
    public func number(of id: String) -> Int? { indexByID[id].map { $0 + 1 } }
}
