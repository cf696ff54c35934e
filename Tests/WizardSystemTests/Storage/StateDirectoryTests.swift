import Foundation
import Testing
import WizardSystem

@Suite struct StateDirectoryTests {
    @Test func followsXDGStateHomeThenHome() {
        #expect(StateDirectory.url(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"]).path == "/x/state/piwizard")
        #expect(StateDirectory.url(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"]).path == "/home/a/.local/state/piwizard")
        #expect(StateDirectory.url(environment: ["HOME": "/home/a"]).path == "/home/a/.local/state/piwizard")
        #expect(StateDirectory.url(environment: ["XDG_STATE_HOME": "", "HOME": "/home/a"]).path == "/home/a/.local/state/piwizard")
        let account = NSHomeDirectory() + "/.local/state/piwizard"
        #expect(StateDirectory.url(environment: ["HOME": "relative"]).path == account, "a relative HOME is not a folder")
        #expect(StateDirectory.url(environment: [:]).path == account)
    }

    @Test func theHistoryIsKeptWithTheRestOfTheState() {
        #expect(StateDirectory.historyFile(in: URL(fileURLWithPath: "/s/piwizard")).path == "/s/piwizard/history")
    }

    @Test func createsThePrivateFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let url = try StateDirectory.create(environment: ["XDG_STATE_HOME": base.path])
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
    }
}

