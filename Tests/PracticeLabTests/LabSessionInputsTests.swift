import Lessons
import Testing
@testable import PracticeLab

/// The lab fills a lesson's inputs by what each is declared to be (`hosts:`, `lab:`, its type), never
/// by its name: a lesson with its own names gets the lab's nodes, user, router and image all the same.
@Suite struct LabSessionInputsTests {
    static let lesson = """
    ---
    id: own-names
    title: Own names
    summary: Inputs named as nobody expected.
    hosts: { login: account, master: boxes.kind == head }
    inputs:
      net: { type: cidr, default: 192.168.5.0/24 }
      router: { type: ipv4, default: 192.168.5.1, lab: router }
      account: { type: username, default: admin }
      user: { type: username, default: someone }
      picture: { type: path, default: ~/card.img, lab: image }
      image: { type: path, default: ~/other.img }
      boxes:
        type: list
        fields:
          label: { type: hostname, unique: true }
          addr: { type: ipv4 }
          kind: { type: choice, choices: [tail, head] }
          os: { type: choice, choices: [netplan, networkmanager, dhcpcd, interfaces], lab: network-stack }
        default:
          - { label: b1, addr: 192.168.5.11, kind: head, os: netplan }
    ---
    ## Each {#each foreach=boxes as=box}

    ```sh {run on=node}
    echo {{net}} {{router}} {{account}} {{user}} {{picture}} {{image}} {{box.label}} {{box.os}}
    ```
    """

    @Test func theLabFillsWhatEachInputIsDeclaredToBe() throws {
        let lesson = LessonParser.parse(Self.lesson, file: "own-names.md").lesson
        let lab = Lab(layout: try LabLayout(name: "own", nodeCount: 3), flavour: .bookworm, piwizard: "/usr/bin/true")
        let values = LabSession.inputs(for: lesson, lab: lab)
        #expect(values["net"] == .text(lab.layout.subnet.description))
        #expect(values["router"] == .text(lab.layout.hostAddress.description))
        #expect(values["account"] == .text(LabLayout.nodeUser))
        #expect(values["user"] == nil, "an input called user is not the login user unless hosts: login says so")
        #expect(values["picture"] == .text(lab.layout.image))
        #expect(values["image"] == nil, "an input called image is not the lab's image unless lab: image says so")
        let records = try #require(values["boxes"]?.records)
        #expect(records.map { $0["label"] } == ["node1", "node2", "node3"])
        #expect(records.map { $0["addr"] } == (1...3).map { lab.layout.address(of: $0).description })
        #expect(records.map { $0["kind"] } == ["head", "tail", "tail"], "node1 is the master; the others take the other choice")
        #expect(records.allSatisfy { $0["os"] == "networkmanager" })
    }
}
