import Foundation
import Lessons
import Testing

/// A list's record: its fields' meaning comes from the list's declared types (any field names), and it
/// is saved in the form earlier versions wrote (a plain object of fields).
@Suite struct InputRecordTests {
    static let location = SourceLocation(file: "t.md", line: 1)

    static func list(_ fields: [InputDeclaration]) -> InputDeclaration {
        var list = InputDeclaration(name: "boxes", type: .list, location: location)
        list.fields = fields
        return list
    }

    @Test func nameAndAddressComeFromTheDeclaredTypesNotTheFieldNames() {
        let list = Self.list([
            InputDeclaration(name: "where", type: .ipv4, location: Self.location),
            InputDeclaration(name: "called", type: .hostname, location: Self.location),
            InputDeclaration(name: "job", type: .string, location: Self.location),
        ])
        let record: InputRecord = ["where": "10.1.2.3", "called": "box-a", "job": "web"]
        #expect(record.name(in: list) == "box-a")
        #expect(record.address(in: list) == "10.1.2.3")
        #expect(record.ipv4Address(in: list) == IPv4Address("10.1.2.3"))
        #expect(record.ipv4Address(in: list)?.value == 0x0A01_0203)
    }

    @Test func aRecordReachedByNameHasNoIPv4AddressAndAnEmptyNameIsNone() {
        let byName = Self.list([InputDeclaration(name: "host", type: .hostname, location: Self.location)])
        let reached: InputRecord = ["host": "box-b"]
        #expect(reached.address(in: byName) == "box-b")
        #expect(reached.ipv4Address(in: byName) == nil)
        let unnamed: InputRecord = ["host": ""]
        #expect(unnamed.name(in: byName) == nil)
        let awaiting = Self.list([InputDeclaration(name: "ip", type: .ipv4, location: Self.location)])
        #expect((["ip": "auto"] as InputRecord).ipv4Address(in: awaiting) == nil)
        let positional = Self.list([InputDeclaration(name: "note", type: .string, location: Self.location)])
        #expect((["note": "x"] as InputRecord).name(in: positional) == nil)
        #expect((["note": "x"] as InputRecord).address(in: positional) == nil)
    }

    @Test func itIsSavedAsThePlainObjectEarlierVersionsWrote() throws {
        let earlier = #"{"records":{"_0":[{"hostname":"raspi1","ip":"192.168.1.101"}]}}"#
        let value = try JSONDecoder().decode(InputValue.self, from: Data(earlier.utf8))
        #expect(value == .records([["hostname": "raspi1", "ip": "192.168.1.101"]]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == earlier)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(InputRecord.self, from: Data(#"["raspi1"]"#.utf8)) }
    }

    @Test func fieldsAreWrittenInNameOrderAndCanBeSet() {
        var record: InputRecord = ["role": "worker", "hostname": "raspi2"]
        record["ip"] = "192.168.1.102"
        #expect(record.sortedFields.map(\.field) == ["hostname", "ip", "role"])
        #expect(record["ip"] == "192.168.1.102")
        record["ip"] = nil
        #expect(record.fields == ["role": "worker", "hostname": "raspi2"])
    }
}
