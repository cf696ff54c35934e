import Foundation
import Lessons
import Testing
import Wizard

/// Inputs given before a session: `--var`, `--vars FILE` and `PIWIZARD_VAR_*`, each checked at once.
@Suite struct ProvidedValuesTests {
    let lesson = try! TestLessons.load(TestLessons.cluster, id: "mini-cluster").lesson

    @Test func varsTheFileAndTheEnvironmentWithTheirPrecedence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vars-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        user: fromfile
        image: /tmp/file.img
        nodes:
          - { hostname: a1, ip: 10.9.0.11, netconf: dhcpcd }
          - { hostname: a2, ip: 10.9.0.12, netconf: auto }
        """.write(to: file, atomically: true, encoding: .utf8)
        let given = try ProvidedValues.resolve(for: lesson, assignments: ["user=fromvar"], file: file.path,
                                               environment: ["PIWIZARD_VAR_USER": "fromenv", "PIWIZARD_VAR_SUBNET": "10.9.0.0/24"])
        let values = given.values
        #expect(values["user"] == .text("fromvar"))
        #expect(values["image"] == .text("/tmp/file.img"))
        #expect(values["subnet"] == .text("10.9.0.0/24"))
        #expect(values["nodes"]?.records?.map { $0["hostname"] } == ["a1", "a2"])
        #expect(given.sources == ["user": .option, "image": .varsFile(path: file.path, line: 2), "subnet": .environment(variable: "PIWIZARD_VAR_SUBNET"),
                                  "nodes": .varsFile(path: file.path, line: 4)])
    }

    @Test func theEnvironmentNamesAnInputInUpperCaseOrAsTheLessonWritesIt() throws {
        let lower = try ProvidedValues.resolve(for: lesson, assignments: [], file: nil, environment: ["PIWIZARD_VAR_user": "lower"])
        #expect(lower.values["user"] == .text("lower"))
        #expect(lower.sources["user"] == .environment(variable: "PIWIZARD_VAR_user"))
        let both = try ProvidedValues.resolve(for: lesson, assignments: [], file: nil, environment: ["PIWIZARD_VAR_user": "lower", "PIWIZARD_VAR_USER": "upper"])
        #expect(both.values["user"] == .text("upper"), "the upper-case one first")
    }

    @Test func aListOnTheCommandLine() throws {
        let values = try ProvidedValues.resolve(for: lesson, assignments: ["nodes=n1 10.9.0.1 dhcpcd; n2 10.9.0.2 interfaces"], file: nil, environment: [:]).values
        #expect(values["nodes"] == .records([["hostname": "n1", "ip": "10.9.0.1", "netconf": "dhcpcd"], ["hostname": "n2", "ip": "10.9.0.2", "netconf": "interfaces"]]))
    }

    @Test(arguments: [
        ("subnet=10.9.0.0/40", "--var subnet: '10.9.0.0/40' has the prefix length '40'; it is a number 0-32 (e.g. 192.168.1.0/24)"),
        ("usr=pi", "--var: the lesson has no input 'usr' (did you mean 'user'?); it has: subnet, gateway, nodes, user, image"),
        ("user", "--var user: write NAME=VALUE"),
        ("nodes=n1 10.9.0.1 dhcpcd; n1 10.9.0.2 dhcpcd", "--var nodes: record 2: hostname 'n1' is already used by record 1 (n1)"),
        ("nodes=n1 10.9.0.1", "--var nodes: each record needs 3 values (hostname ip netconf), got 'n1 10.9.0.1'"),
    ])
    func refusesInvalidValuesWithTheReason(_ assignment: String, _ message: String) {
        do {
            _ = try ProvidedValues.resolve(for: lesson, assignments: [assignment], file: nil, environment: [:])
            Issue.record("\(assignment) should be refused")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func givenValuesMustAgreeWithTheOtherInputsAndTheRefusalNamesWhereTheyCameFrom() throws {
        let given = try ProvidedValues.resolve(for: lesson, assignments: ["nodes=n1 10.8.0.1 dhcpcd"], file: nil, environment: [:])
        let sources = InputSources(saved: ["subnet": .text("10.9.0.0/24")], given: given)
        #expect(throws: InputRefusal.self) { try sources.checkGiven(sources.merged(), lesson: lesson) }
        do {
            try sources.checkGiven(sources.merged(), lesson: lesson)
        } catch {
            #expect("\(error)" == "--var nodes: refused, because nodes record 1 (n1): ip 10.8.0.1 is outside the subnet 10.9.0.0/24 (ip must be in subnet)")
        }
        // The lab's subnet fits the given nodes: nothing refused.
        let lab = InputSources(saved: ["subnet": .text("10.9.0.0/24")], lab: ["subnet": .text("10.8.0.0/24"), "gateway": .text("10.8.0.254")], given: given)
        try lab.checkGiven(lab.merged(), lesson: lesson)
        // A lab's own value that breaks a rule is refused as the lab's.
        let badLab = InputSources(lab: ["subnet": .text("10.7.0.0/24")], given: given)
        #expect(throws: InputRefusal.self) { try badLab.checkGiven(badLab.merged(), lesson: lesson) }
        let environment = try ProvidedValues.resolve(for: lesson, assignments: [], file: nil, environment: ["PIWIZARD_VAR_NODES": "n1 10.8.0.1 dhcpcd"])
        let fromEnvironment = InputSources(saved: ["subnet": .text("10.9.0.0/24")], given: environment)
        #expect(throws: InputRefusal.self) { try fromEnvironment.checkGiven(fromEnvironment.merged(), lesson: lesson) }
        do { try fromEnvironment.checkGiven(fromEnvironment.merged(), lesson: lesson) } catch {
            #expect("\(error)".hasPrefix("PIWIZARD_VAR_NODES: refused, because nodes record 1 (n1)"))
        }
    }
}

/// A path for another host that starts with this computer's home: the shell expanded `~` (a note).
@Suite struct RemotePathWarningTests {
    static let lesson = """
    ---
    id: remote
    title: Remote
    summary: A path used on the master and one used here.
    hosts: { master: nodes.role == master }
    inputs:
      nodes:
        type: list
        fields:
          hostname: { type: hostname }
          ip: { type: ipv4 }
          role: { type: choice, choices: [master, worker] }
        default:
          - { hostname: n1, ip: 10.9.0.1, role: master }
      machinefile: { type: path, default: ~/machinefile }
      image: { type: path, default: ~/x.img }
    ---
    ## Write {#write}

    ```sh {run on=master}
    touch {{machinefile}}
    ```

    ```sh {run}
    touch {{image}}
    ```
    """

    @Test func aRemotePathInThisComputersHomeIsNoted() throws {
        let lesson = try TestLessons.load(Self.lesson, id: "remote").lesson
        let notes = RemotePathWarning.notes(for: ["machinefile": .text("/root/machinefile"), "image": .text("/root/x.img")], lesson: lesson, home: "/root")
        #expect(notes == ["machinefile /root/machinefile is used on the master, but /root is this computer's home folder; if the shell expanded ~, quote it: --var 'machinefile=~/machinefile'"])
        #expect(RemotePathWarning.notes(for: ["machinefile": .text("~/machinefile")], lesson: lesson, home: "/root").isEmpty)
    }
}
