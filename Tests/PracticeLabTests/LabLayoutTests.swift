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
