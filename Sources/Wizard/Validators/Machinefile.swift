/// An MPI machine file: one host per line, `host` or `host:n`; `#` starts a comment.
public struct Machinefile: Sendable, Equatable {
    /// One line naming a host, with its process count (nil when not given).
    public struct Entry: Sendable, Equatable {
        public var host: String
        public var processes: Int?
        public var line: Int
    }

    public var entries: [Entry]
    /// Lines that are not `host` or `host:n`, with their 1-based numbers.
    public var malformed: [(line: Int, text: String)]

    public static func == (lhs: Machinefile, rhs: Machinefile) -> Bool {
        lhs.entries == rhs.entries && lhs.malformed.map(\.line) == rhs.malformed.map(\.line)
    }

    public init(text: String) {
        var entries: [Entry] = []
        var malformed: [(Int, String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            let host = String(parts[0])
            let validHost = !host.isEmpty && host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }
            if parts.count == 1, validHost {
                entries.append(Entry(host: host, processes: nil, line: index + 1))
            } else if parts.count == 2, validHost, let count = Int(parts[1]), count > 0 {
                entries.append(Entry(host: host, processes: count, line: index + 1))
            } else {
                malformed.append((index + 1, String(raw)))
            }
        }
        self.entries = entries
        self.malformed = malformed
    }

    /// Problems against the expected node list: malformed lines, missing nodes, nodes listed twice,
    /// hosts that are not nodes. Empty when the file lists every node exactly once.
    public func problems(expecting nodes: [String]) -> [String] {
        var problems = malformed.map { "line \($0.line) is not 'host' or 'host:n': '\($0.text)'" }
        let hosts = entries.map(\.host)
        for node in nodes where !hosts.contains(node) { problems.append("\(node) is missing") }
        for node in Set(hosts) where hosts.filter({ $0 == node }).count > 1 {
            problems.append("\(node) is listed \(hosts.filter { $0 == node }.count) times")
        }
        for entry in entries where !nodes.contains(entry.host) {
            problems.append("line \(entry.line): \(entry.host) is not one of the nodes")
        }
        return problems.sorted()
    }
}
