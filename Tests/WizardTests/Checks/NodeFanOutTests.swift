import Foundation
import Testing
@testable import Wizard

/// Work for many nodes at once, in order, never more than `jobs` at a time.
@Suite struct NodeFanOutTests {
    @Test func resultsComeBackInTheNodesOrder() {
        let results = NodeFanOut(jobs: 4).map(Array(1...20)) { number -> Int in
            usleep(useconds_t((20 - number) * 200))
            return number * number
        }
        #expect(results == (1...20).map { $0 * $0 })
    }

    @Test func neverMoreThanJobsAtOnce() {
        let counter = ConcurrencyCounter()
        _ = NodeFanOut(jobs: 3).map(Array(1...12)) { _ in
            counter.enter()
            usleep(2_000)
            counter.leave()
        }
        #expect(counter.maximum <= 3)
        #expect(counter.maximum >= 2, "the work overlapped")
    }

    @Test func aRecordingKeepsTheRequestsOrderWhateverFinishesFirst() throws {
        let header = TranscriptHeader(width: 80, height: 24, timestamp: 0, title: "t",
                                      piwizard: .init(lesson: "t", lessonFile: "t.md", initialState: SessionState(inputs: [:]), unattended: true,
                                                      confirmedDevices: [], localAddresses: [], colour: false, interactive: false))
        let recorder = try TranscriptRecorder(header: header, clock: { Date(timeIntervalSince1970: 0) }, write: { _ in })
        let runner = RecordingRunner(LocalShellRunner(), recorder: recorder)
        let results = runner.runAll([CommandRequest(command: "sleep 0.3; echo first"), CommandRequest(command: "echo second")], jobs: 2)
        #expect(results.map { (try? $0.get())?.output } == ["first\n", "second\n"])
        let commands = recorder.events.compactMap { if case .command(let request) = $0 { return request.command } else { return nil } }
        #expect(commands == ["sleep 0.3; echo first", "echo second"])
    }
}

/// Counts how many callers are inside at once.
final class ConcurrencyCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0
    private(set) var maximum = 0

    func enter() {
        lock.withLock {
            inside += 1
            maximum = max(maximum, inside)
        }
    }

    func leave() { lock.withLock { inside -= 1 } }
}
