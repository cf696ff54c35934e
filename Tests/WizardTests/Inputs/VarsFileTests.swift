import Foundation
import Lessons
import Testing
import Wizard

/// A `--vars` file is read strictly: every refusal names the file, the line, the input and what was
/// expected, and nothing YAML reads as "no value" or as bytes becomes a value.
@Suite struct VarsFileTests {
    let lesson = try! TestLessons.load(TestLessons.cluster, id: "mini-cluster").lesson

    func refusal(_ contents: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vars-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try contents.write(to: file)
        do {
            _ = try ProvidedValues.resolve(for: lesson, assignments: [], file: file.path, environment: [:])
            Issue.record("should be refused")
            return ""
        } catch {
            let text = "\(error)"
            #expect(text.hasPrefix(file.path + ":"), "names the file: \(text)")
            return String(text.dropFirst(file.path.count + 1))
        }
    }

    func refusal(_ text: String) throws -> String { try refusal(Data(text.utf8)) }

    @Test func aNULByteOrBytesThatAreNotUTF8AreRefusedAtTheirLine() throws {
        #expect(try refusal(Data("user: pi\nimage: /tmp/a\0b\n".utf8)) == "2: the line holds a NUL byte; a vars file is text (YAML or JSON)")
        #expect(try refusal(Data("user: pi\n".utf8) + Data([0x69, 0x6d, 0x61, 0x67, 0x65, 0x3a, 0x20, 0xff, 0x0a])) == "2: the line is not UTF-8 text; save the file as UTF-8")
    }

    @Test func noValueAndTaggedBytesAreRefused() throws {
        #expect(try refusal("image: /tmp/x.img\nuser: ~\n") == "2: user has no value (YAML reads '~' as none); write a string, and quote it ('~') if you mean a home folder")
        #expect(try refusal("user: !!binary cGk=\n") == "1: user is tagged !!binary; write a string as plain text")
    }

    @Test func aListWhereOneValueBelongsAndAFieldThatIsNotOneValue() throws {
        #expect(try refusal("user: [a, b]\n") == "1: user must be one value (a string), found a list")
        #expect(try refusal("nodes:\n  - { hostname: n1, ip: 10.9.0.1, netconf: dhcpcd }\n  - { hostname: [a, b], ip: 10.9.0.2, netconf: dhcpcd }\n")
            == "3: nodes record 2: hostname must be one value (a hostname), found a list")
        #expect(try refusal("nodes:\n  - { hostname: n1, ip: 10.9.0.1, netconf: dhcpcd }\n  - { hostname: n1, ip: 10.9.0.2, netconf: dhcpcd }\n")
            == "3: nodes: record 2: hostname 'n1' is already used by record 1 (n1)")
    }

    @Test func unknownInputsMalformedYAMLAndBadValuesNameTheirLine() throws {
        #expect(try refusal("user: pi\nusr: pi\n").hasPrefix("2: the lesson has no input 'usr' (did you mean 'user'?)"))
        #expect(try refusal("user: pi\nimage: [\n").hasPrefix("3: this is not YAML or JSON: "))
        #expect(try refusal("subnet: 10.9.0.0/24\nimage: ../../etc/passwd\n").hasPrefix("2: image: '../../etc/passwd' climbs out of the home folder"))
        #expect(try refusal("- user\n") == "1: the file must map input names to values, e.g. user: pi")
    }

    @Test func pathsAreKeptResolved() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vars-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "image: cards/./x.img\n".write(to: file, atomically: true, encoding: .utf8)
        let values = try ProvidedValues.resolve(for: lesson, assignments: ["user=pi"], file: file.path, environment: [:]).values
        #expect(values["image"] == .text("~/cards/x.img"))
    }
}
