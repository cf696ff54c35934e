import Lessons
import Testing

@Suite struct ValueCheckTests {
    @Test(arguments: ["10.0.0.1", "192.168.1.255", "0.0.0.0", "255.255.255.255"])
    func validAddresses(_ text: String) {
        #expect(IPv4Address(text)?.description == text)
    }

    @Test(arguments: ["10.0.0", "10.0.0.256", "10.0.0.01", "10.0.0.-1", "a.b.c.d", "10..0.1", " 10.0.0.1", "10.0.0.1/24", ""])
    func invalidAddresses(_ text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func networks() throws {
        let network = try #require(IPv4Network("192.168.1.77/24"))
        #expect(network.description == "192.168.1.0/24")
        #expect(network.broadcast.description == "192.168.1.255")
        #expect(network.contains(try #require(IPv4Address("192.168.1.9"))))
        #expect(!network.contains(try #require(IPv4Address("192.168.2.9"))))
        #expect(!network.isUsableHost(try #require(IPv4Address("192.168.1.0"))))
        #expect(!network.isUsableHost(try #require(IPv4Address("192.168.1.255"))))
        #expect(IPv4Network("10.0.0.0/33") == nil && IPv4Network("10.0.0.0") == nil)
    }

    @Test(arguments: [("raspi2", true), ("node-1.lab", true), ("-bad", false), ("under_score", false), ("", false), ("a b", false),
                      (String(repeating: "a", count: 64), false)])
    func hostnames(_ text: String, _ valid: Bool) {
        let declaration = InputDeclaration(name: "h", type: .hostname, location: SourceLocation(file: "t", line: 1))
        #expect((InputValueChecker.problem(with: text, as: declaration) == nil) == valid)
    }

    @Test func intRangeAndChoices() {
        var number = InputDeclaration(name: "n", type: .int, location: SourceLocation(file: "t", line: 1))
        number.min = 1
        number.max = 4
        #expect(InputValueChecker.problem(with: "4", as: number) == nil)
        #expect(InputValueChecker.problem(with: "5", as: number) == "5 is more than the maximum 4")
        #expect(InputValueChecker.problem(with: "x", as: number) == "'x' is not a whole number")
        var choice = InputDeclaration(name: "c", type: .choice, location: SourceLocation(file: "t", line: 1))
        choice.choices = ["dhcpcd", "interfaces"]
        #expect(InputValueChecker.problem(with: "nm", as: choice) == "'nm' is not one of: dhcpcd, interfaces")
    }

    @Test func recordListsCatchDuplicatesAndAddressesOutsideTheSubnet() {
        let location = SourceLocation(file: "t", line: 1)
        let nodes = InputDeclaration(name: "nodes", type: .list, min: 2, fields: [
            InputDeclaration(name: "hostname", type: .hostname, unique: true, location: location),
            InputDeclaration(name: "ip", type: .ipv4, unique: true, sameSubnetAs: "subnet", location: location),
        ], location: location)
        let records: [InputRecord] = [
            ["hostname": "raspi1", "ip": "192.168.1.101"],
            ["hostname": "RASPI1", "ip": "192.168.1.101"],
            ["hostname": "raspi3", "ip": "192.168.2.5"],
            ["hostname": "raspi4", "ip": "192.168.1.255"],
        ]
        #expect(RecordListChecker.problems(with: records, as: nodes).map(\.message) == [
            "record 2: hostname 'RASPI1' is already used by record 1 (raspi1)",
            "record 2: ip '192.168.1.101' is already used by record 1 (raspi1)",
        ])
        let subnet = InputDeclaration(name: "subnet", type: .cidr, location: location)
        let relations = InputRelations(inputs: [subnet, nodes])
        #expect(relations.problems(in: ["subnet": .text("192.168.1.0/24"), "nodes": .records(records)]).map(\.message) == [
            "nodes record 3 (raspi3): ip 192.168.2.5 is outside the subnet 192.168.1.0/24 (ip must be in subnet)",
            "nodes record 4 (raspi4): ip 192.168.1.255 is the broadcast address of 192.168.1.0/24 (subnet), not a host address",
        ])
        #expect(RecordListChecker.problems(with: [records[0]], as: nodes).map(\.message) == ["needs at least 2 records, has 1"])
    }
}
