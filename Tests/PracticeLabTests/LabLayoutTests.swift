import Lessons
import Testing
@testable import PracticeLab

/// Names and addresses of a lab's parts.
@Suite struct LabLayoutTests {
    @Test func addressesAndNames() throws {
        let layout = try LabLayout(name: "lab", nodeCount: 4)
        #expect(layout.hostAddress.description == "10.77.0.1")
        #expect(layout.address(of: 3).description == "10.77.0.13")
        #expect(layout.namespace(2) == "pw-lab-node2")
        #expect(layout.hostLink(2) == "pw-lab-2")
        #expect(try layout.nodeNumber("node4") == 4)
        #expect(try layout.nodeNumber("2") == 2)
        #expect(try layout.nodeNumber("10.77.0.11") == 1)
    }

    @Test func refusesWhatCannotBeNamed() {
        #expect(throws: LabError.self) { try LabLayout(name: "Lab-1", nodeCount: 4) }
        #expect(throws: LabError.self) { try LabLayout(name: "toolong", nodeCount: 4) }
        #expect(throws: LabError.self) { try LabLayout(name: "lab", subnet: IPv4Network("10.77.0.0/16")!, nodeCount: 4) }
        #expect(throws: LabError.self) { try LabLayout(name: "lab", nodeCount: 0) }
        #expect(throws: LabError.invalid("no lab node 'node5'; the lab has node1, node2, node3, node4")) {
            try LabLayout(name: "lab", nodeCount: 4).nodeNumber("node5")
        }
    }

    @Test func interfaceNamesFitTheKernelLimit() throws {
        let layout = try LabLayout(name: "abcde", nodeCount: 64)
        #expect(layout.hostLink(64).count <= 15)
        #expect(layout.bridge.count <= 15)
    }

    @Test func nodeStateFile() {
        #expect(LabNodeStatus.Power(stateText: "up 3\n") == .up(generation: 3))
        #expect(LabNodeStatus.Power(stateText: "failed: no card") == .failed("no card"))
        #expect(LabNodeStatus.Power(stateText: nil) == .off)
        #expect(LabNodeStatus.Power(stateText: "booting").description == "starting")
    }
}

/// The lab bridge's MAC is the lab's own and stable: locally administered, from its name alone.
@Suite struct LabBridgeAddressTests {
    @Test func theBridgeHasAStableLocallyAdministeredMAC() throws {
        let one = try LabLayout(name: "ab", subnet: try #require(IPv4Network("10.77.9.0/24")), nodeCount: 2)
        let again = try LabLayout(name: "ab", subnet: try #require(IPv4Network("10.77.8.0/24")), nodeCount: 4)
        let other = try LabLayout(name: "cd", nodeCount: 2)
        #expect(one.bridgeMAC == again.bridgeMAC)
        #expect(one.bridgeMAC != other.bridgeMAC)
        #expect(one.bridgeMAC.hasPrefix("02:") && one.bridgeMAC.split(separator: ":").count == 6)
    }
}
