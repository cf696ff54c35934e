import Foundation
import Lessons

/// Where a practice lab keeps everything, and the names of its parts: one place, so that `lab down`
/// removes exactly what `lab up` made.
///
/// A lab has a short name (`lab` unless `PIWIZARD_LAB` or `--name` says otherwise) and a /24 subnet
/// (10.77.0.0/24 by default). This computer is `.1` on the lab's bridge; node K is `.(10+K)`.
public struct LabLayout: Sendable, Hashable {
    /// The lab's name: 1 to 5 lowercase letters or digits (it is part of interface names).
    public var name: String
    /// The lab's network.
    public var subnet: IPv4Network
    /// How many nodes (Pis) the lab has.
    public var nodeCount: Int

    public static let defaultName = "lab"
    public static let defaultSubnet = IPv4Network("10.77.0.0/24")!
    /// The password of the node user `pi` (Raspberry Pi OS's historic default).
    public static let nodePassword = "raspberry"
    public static let nodeUser = "pi"
    /// Where the lab's shared folder appears inside every node.
    public static let insideSharedFolder = "/run/piwizard-lab"

    public init(name: String, subnet: IPv4Network = LabLayout.defaultSubnet, nodeCount: Int) throws {
        guard (1...5).contains(name.count), name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
            throw LabError.invalid("a lab name is 1 to 5 lowercase letters or digits, not '\(name)'")
        }
        guard subnet.prefixLength == 24 else { throw LabError.invalid("a lab's subnet is a /24, not \(subnet)") }
        guard (1...64).contains(nodeCount) else { throw LabError.invalid("a lab has 1 to 64 nodes, not \(nodeCount)") }
        self.name = name
        self.subnet = subnet
        self.nodeCount = nodeCount
    }

    // MARK: Nodes

    /// `node1` … `nodeN`.
    public var nodeNames: [String] { (1...nodeCount).map(nodeName) }
    public func nodeName(_ number: Int) -> String { "node\(number)" }

    /// The node number for `node3`, `3` or the node's lab address.
    public func nodeNumber(_ text: String) throws -> Int {
        let digits = text.hasPrefix("node") ? String(text.dropFirst(4)) : text
        if let number = Int(digits), (1...nodeCount).contains(number) { return number }
        if let address = IPv4Address(text), let number = (1...nodeCount).first(where: { self.address(of: $0) == address }) { return number }
        throw LabError.invalid("no lab node '\(text)'; the lab has \(nodeNames.joined(separator: ", "))")
    }

    /// The address node K's card gives it when the lesson is done: `.(10+K)`.
    public func address(of number: Int) -> IPv4Address { IPv4Address(subnet.network.value + 10 + UInt32(number)) }
    /// This computer's address on the lab's bridge, also the nodes' gateway.
    public var hostAddress: IPv4Address { IPv4Address(subnet.network.value + 1) }

    // MARK: Network names

    public var bridge: String { "pw-\(name)" }
    public func hostLink(_ number: Int) -> String { "pw-\(name)-\(number)" }
    public func namespace(_ number: Int) -> String { "pw-\(name)-node\(number)" }
    public var namespacePrefix: String { "pw-\(name)-node" }

    // MARK: Files

    /// Cards, keys and the lab's settings (root only).
    public var stateFolder: String { "/var/lib/piwizard/labs/\(name)" }
    /// Process ids, node states and the folder every node sees as `/run/piwizard-lab`.
    public var runFolder: String { "/run/piwizard/labs/\(name)" }
    public var settingsFile: String { stateFolder + "/lab.json" }
    public func card(_ number: Int) -> String { stateFolder + "/cards/\(nodeName(number)).img" }
    /// The card reader: a link to the loop device of the card that is in it (with its partitions,
    /// as a USB card reader's disk), absent when the reader is empty.
    public var reader: String { "/dev/pw-\(name)-reader" }
    /// Which card is in the reader, and its loop device.
    public var readerState: String { runFolder + "/reader" }
    /// Where the lesson keeps the image of the master's card in the lab.
    public var image: String { stateFolder + "/cluster.img" }
    /// This computer's key for the lab's nodes (its public half is on the master's card).
    public var key: String { stateFolder + "/id_ed25519" }
    public var knownHosts: String { runFolder + "/known_hosts" }
    public var sharedFolder: String { runFolder + "/shared" }
    public var bootScript: String { runFolder + "/node-boot" }
    public func nodeFolder(_ number: Int) -> String { runFolder + "/nodes/\(nodeName(number))" }
    /// This computer's ssh settings for the lab's addresses (removed by `lab down`).
    public var sshClientConfig: String { "/etc/ssh/ssh_config.d/piwizard-lab-\(name).conf" }
}
