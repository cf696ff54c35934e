import Foundation
import Testing
import WizardSystem

@Suite struct LocalAddressesTests {
    @Test func includesLoopbackAndTheHostName() throws {
        let addresses = LocalAddresses.current()
        #expect(addresses.contains("127.0.0.1"))
        let name = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(addresses.contains(name))
    }
}
