import Foundation
import Testing
@testable import Wizard

/// An edited command's key: its parts, its saved text, and saved progress written before it was a type.
@Suite struct EditKeyTests {
    @Test func itsTextIsStepItemAndBlock() {
        #expect(EditKey(step: "hosts", item: "node2", block: 3).description == "hosts/node2/3")
        #expect(EditKey("hosts/node2/3") == EditKey(step: "hosts", item: "node2", block: 3))
        #expect(EditKey("prepare//0") == EditKey(step: "prepare", item: "", block: 0), "a step without a loop")
        #expect(EditKey("copy/a/b/c/12") == EditKey(step: "copy", item: "a/b/c", block: 12), "a name with slashes: the block is after the last")
        for text in ["", "hosts", "hosts/node2", "hosts/node2/x", "/node2"] { #expect(EditKey(text) == nil, "\(text)") }
    }

    @Test func savedStateKeepsEditsAsAnObjectKeyedByText() throws {
        var state = SessionState()
        state.edits[EditKey(step: "hosts", item: "node2", block: 1)] = "echo edited"
        let json = String(decoding: try JSONEncoder().encode(state), as: UTF8.self)
        #expect(json.contains(#""edits":{"hosts\/node2\/1":"echo edited"}"#), "\(json)")
        // As written by every earlier piwizard (transcript headers, imported runs).
        let older = #"{"inputs":{},"stepIndex":0,"statuses":{},"edits":{"hosts/node2/1":"echo edited","prepare//0":"true"}}"#
        let decoded = try JSONDecoder().decode(SessionState.self, from: Data(older.utf8))
        #expect(decoded.edits == [EditKey(step: "hosts", item: "node2", block: 1): "echo edited", EditKey(step: "prepare", item: "", block: 0): "true"])
    }

    @Test func aRenamedItemTakesItsEditsAlongAndNoOthers() {
        var state = SessionState()
        state.edits = [EditKey(step: "hosts", item: "n2", block: 0): "a", EditKey(step: "hosts", item: "n22", block: 0): "b",
                       EditKey(step: "card", item: "n2", block: 1): "c"]
        state.renameItem("n2", to: "web", steps: ["hosts"])
        #expect(state.edits == [EditKey(step: "hosts", item: "web", block: 0): "a", EditKey(step: "hosts", item: "n22", block: 0): "b",
                                EditKey(step: "card", item: "n2", block: 1): "c"])
    }
}
