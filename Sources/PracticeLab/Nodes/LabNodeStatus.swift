/// What `lab status` shows for one node.
public struct LabNodeStatus: Sendable, Hashable {
    /// Whether a node runs, and how it got there.
    public enum Power: Sendable, Hashable, CustomStringConvertible {
        case off
        case booting
        case up(generation: Int)
        case failed(String)

        /// Reads a node's state file (`up 3`, `booting`, `off`, `failed: REASON`).
        public init(stateText: String?) {
            let text = stateText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "off"
            if text.hasPrefix("up "), let generation = Int(text.dropFirst(3)) {
                self = .up(generation: generation)
            } else if text == "booting" || text == "stopping" {
                self = .booting
            } else if text.hasPrefix("failed: ") {
                self = .failed(String(text.dropFirst(8)))
            } else {
                self = .off
            }
        }

        public var description: String {
            switch self {
            case .off: return "off"
            case .booting: return "starting"
            case .up: return "on"
            case .failed(let reason): return "off (\(reason))"
            }
        }

        public var isUp: Bool { if case .up = self { return true } else { return false } }
    }

    public var name: String
    public var power: Power
    public var plugged: Bool
    /// The name the node took from its card (when on).
    public var hostname: String?
    /// The address the node took from its card (when on).
    public var address: String?
    public var cardInReader: Bool
}
