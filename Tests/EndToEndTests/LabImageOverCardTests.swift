import Foundation
import Testing

/// In the practice lab, `image` set to the master's own card file (the file behind the reader's loop
/// device while the master's card is in it) is refused at the imaging step, before `dd` opens it: the
/// card keeps every byte, and the message names both inputs.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "the practice lab needs Linux, root and loop devices"))
struct LabImageOverCardTests {
    let lab = PracticeLabFixture(name: "ovr", prefix: "10.77.212")

    @Test func theImagingStepDoesNotWriteOverTheMastersCard() throws {
        _ = try? lab.piwizard(["lab", "down"])
        #expect(try lab.piwizard(["lab", "up", "2", "--os", PracticeLabFixture.lessonFlavour]).status == 0)
        defer { _ = try? lab.piwizard(["lab", "down"]) }
        let state = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let card = "\(lab.stateFolder)/cards/node1.img"
        let size = { (try? FileManager.default.attributesOfItem(atPath: card)[.size] as? Int) ?? -1 }
        let before = size()
        let run = try lab.piwizard(["start", "expand-cluster", "--lab", "--yes", "--state-dir", state.path, "--var", "image=\(card)"])
        #expect(run.status != 0)
        #expect(run.unwrappedStdout.contains("Refused: image is \(card), the file behind card ("), "\(run.stdout.suffix(3000))\(run.stderr)\(lab.diagnosis())")
        #expect(before > 0 && size() == before, "the master's card keeps its size")
        try lab.downAndExpectNothingLeft()
    }
}
