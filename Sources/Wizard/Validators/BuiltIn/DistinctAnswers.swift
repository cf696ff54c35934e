import Foundation
/// The verdict shared by the validators that ask every node the same question: which nodes gave the
/// same answer.
public enum DistinctAnswers {
    /// The groups of nodes that gave the same answer, as sentences; empty when all differ.
    public static func duplicates(_ values: [(node: String, value: String)]) -> [String] {
        var groups: [String: [String]] = [:]
        var order: [String] = []
        for (node, value) in values {
            if groups[value] == nil { order.append(value) }
            groups[value, default: []].append(node)
        }
        return order.compactMap { value in
            guard let nodes = groups[value], nodes.count > 1 else { return nil }
            return "\(nodes.joined(separator: " and ")) share '\(value.count > 60 ? String(value.prefix(57)) + "..." : value)'"
        }
    }
}
