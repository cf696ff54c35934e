import Lessons
import Testing

/// Each input rule says which rule a value broke: host name labels, leading zeros, spaces, user
/// names, paths that climb out of home or into system folders, and rules that relate two inputs.
@Suite struct InputRuleTests {
    let location = SourceLocation(file: "t", line: 1)

    func problem(_ text: String, _ type: InputType, configure: (inout InputDeclaration) -> Void = { _ in }) -> String? {
        var declaration = InputDeclaration(name: "x", type: type, location: location)
        configure(&declaration)
        return InputValueChecker.problem(with: text, as: declaration)
    }

    @Test func eachRefusalNamesTheRuleItBroke() {
        let label = String(repeating: "a", count: 64)
        #expect(problem(label, .hostname)?.contains("has a part of 64 characters") == true)
        #expect(problem(label, .hostname)?.contains("at most 63") == true)
        #expect(problem("192.168.1.08", .ipv4) == "'192.168.1.08' has a leading zero in '08', which is ambiguous (some programs read 010 as octal 8); write 192.168.1.8")
        #expect(problem("192.168.1.300", .ipv4)?.hasPrefix("'192.168.1.300' has 300, more than 255") == true)
        #expect(problem("192.168.1.10 ", .ipv4) == "'192.168.1.10 ' has a space before or after it; give the value without spaces around it")
        #expect(problem(" raspi2", .hostname)?.contains("space before or after") == true)
        #expect(problem("rasp_i", .hostname)?.contains("contains '_'") == true)
        #expect(problem("a..b", .hostname)?.contains("empty part") == true)
        #expect(problem("my secret ", .secret) == nil, "a secret keeps its spaces")
    }

    @Test(arguments: [("pi", true), ("_svc", true), ("build-user2", true), ("Pi", false), ("2pi", false),
                      ("pi' && touch /tmp/x '", false), ("", false), (String(repeating: "a", count: 33), false)])
    func userNames(_ text: String, _ valid: Bool) {
        #expect((problem(text, .username) == nil) == valid)
    }

    @Test func aUserNameWithShellCharactersIsRefusedByTheRule() {
        #expect(problem("pi' && touch /tmp/x '", .username) == "'pi' && touch /tmp/x '' contains '''; a user name is 1-32 lower-case letters, digits, '_' or '-', starting with a letter or '_' (e.g. pi)")
    }

    @Test(arguments: [
        ("machinefile", "~/machinefile"), ("./mpi/../machinefile", "~/machinefile"), ("~/a//b/", "~/a/b"),
        ("/srv/../home/pi/x", "/home/pi/x"), ("~pi/x", "~pi/x"), ("/tmp/cluster.img", "/tmp/cluster.img"),
    ])
    func pathsAreResolvedFromTheirHome(_ text: String, _ resolved: String) {
        #expect(PathValue.resolved(text) == resolved)
        #expect(problem(text, .path) == nil)
    }

    @Test func pathsThatClimbOutOrPointIntoSystemFoldersAreRefused() {
        #expect(PathValue.resolved("../../etc/passwd") == nil)
        #expect(problem("../../etc/passwd", .path)?.hasPrefix("'../../etc/passwd' climbs out of the home folder") == true)
        #expect(problem("/etc/passwd", .path) == "'/etc/passwd' is inside /etc, a system folder; this input may not point there (choose a place in your home folder)")
        #expect(problem("/home/../usr/bin/ls", .path)?.hasPrefix("'/home/../usr/bin/ls' is /usr/bin/ls, inside /usr") == true)
        #expect(problem("/", .path)?.contains("root folder") == true)
        #expect(problem("/etc/cluster.conf", .path) { $0.allowsSystemFolders = true } == nil, "the lesson may allow it")
        #expect(problem("/etcetera/x", .path) == nil, "only the folder itself and what is inside it")
    }

    @Test func rulesRelatingTwoInputsAreCheckedFromEitherSide() {
        let subnet = InputDeclaration(name: "subnet", type: .cidr, defaultValue: .text("10.9.0.0/24"), location: location)
        var gateway = InputDeclaration(name: "gateway", type: .ipv4, defaultValue: .text("10.9.0.254"), sameSubnetAs: "subnet", location: location)
        gateway.prompt = "gateway"
        var ip = InputDeclaration(name: "ip", type: .ipv4, sameSubnetAs: "subnet", location: location)
        ip.distinctFrom = "gateway"
        let nodes = InputDeclaration(name: "nodes", type: .list, defaultValue: .records([["hostname": "n1", "ip": "10.9.0.1"], ["hostname": "n2", "ip": "10.9.0.2"]]),
                                     fields: [InputDeclaration(name: "hostname", type: .hostname, location: location), ip], location: location)
        let relations = InputRelations(inputs: [subnet, gateway, nodes])
        #expect(relations.problems(in: [:]).isEmpty, "the defaults agree")
        #expect(relations.problems(in: ["gateway": .text("10.9.0.2")], involving: "gateway").map(\.message)
            == ["nodes record 2 (n2): ip 10.9.0.2 is also gateway (ip must not be gateway)"])
        #expect(relations.problems(in: ["subnet": .text("10.8.0.0/24")], involving: "subnet").map(\.message) == [
            "gateway 10.9.0.254 is outside the subnet 10.8.0.0/24 (gateway must be in subnet)",
            "nodes record 1 (n1): ip 10.9.0.1 is outside the subnet 10.8.0.0/24 (ip must be in subnet)",
            "nodes record 2 (n2): ip 10.9.0.2 is outside the subnet 10.8.0.0/24 (ip must be in subnet)",
        ])
        #expect(relations.problems(in: ["gateway": .text("10.9.0.2")], involving: "user").isEmpty, "a rule is checked when one of its inputs changes")
        #expect(relations.problems(in: ["subnet": .text("10.9.0.0/30"), "gateway": .text("10.9.0.3"), "nodes": .records([["hostname": "n1", "ip": "10.9.0.1"]])])
            .map(\.message) == ["gateway 10.9.0.3 is the broadcast address of 10.9.0.0/30 (subnet), not a host address"])
    }
}
