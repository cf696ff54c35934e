import Foundation
import Lessons
import Testing
import Yams

/// `piwizard export`'s files, built from a lesson and a run's values: the inventory, the variables and
/// the playbook, read back as YAML.
@Suite struct AnsibleExportTests {
    static let lessonText = """
        ---
        id: grow
        title: Grow a cluster
        summary: Hosts, roles and Ansible tasks.
        hosts:
          login: user
          master: nodes.role == master
        inputs:
          user: { type: username, prompt: User, default: pi }
          password: { type: secret, prompt: Password }
          stack: { type: choice, choices: [netplan, dhcpcd], default: netplan }
          motto: { type: string, prompt: Motto, default: "no" }
          nodes:
            type: list
            prompt: Nodes
            fields:
              hostname: { type: hostname, unique: true }
              ip: { type: ipv4, unique: true }
              role: { type: choice, choices: [master, worker] }
            default:
              - { hostname: n1, ip: 10.0.0.1, role: master }
              - { hostname: n2, ip: 10.0.0.2, role: worker }
        ---

        ## Name each node {#name foreach=nodes as=node}

        ```sh {run on=node}
        echo {{node.hostname}} {{motto}} {{password}} > /dev/null
        ```

        ```sh {check on=node}
        true
        ```

        ```yaml {ansible on=node when="node.role == worker"}
        # the author's comment stays
        - name: the name
          ansible.builtin.debug:
            msg: |
              {{ node.hostname }}
              {{ motto }}
        ```

        ```yaml {ansible on=node when="stack == dhcpcd"}
        - ansible.builtin.debug: msg="dhcpcd only"
        ```

        ## Only with dhcpcd {#dhcpcd-only when="stack == dhcpcd"}

        ```sh {run}
        true
        ```

        ```sh {check}
        true
        ```

        ```yaml {ansible on=master}
        - ansible.builtin.debug: msg="never exported with netplan"
        ```

        ## By hand {#by-hand}

        ```sh {run}
        true
        ```

        ```sh {check}
        true
        ```

        ## The master keeps a list {#list}

        ```sh {run on=master}
        true
        ```

        ```sh {check on=master}
        true
        ```

        ```yaml {ansible on=master}
        - ansible.builtin.copy:
            dest: /tmp/list
            content: "{% for n in nodes %}{{ n.hostname }}\\n{% endfor %}"
        ```
        """

    static func export(_ values: [String: InputValue] = [:]) throws -> (AnsibleInventory, AnsiblePlaybook) {
        let lesson = LessonParser.parse(lessonText, file: "grow.md").lesson
        var inputs = lesson.defaultInputs
        inputs["password"] = .secret(SecretValue("hunter2-canary"))
        inputs.merge(values) { $1 }
        let inventory = try AnsibleInventory(lesson: lesson, inputs: inputs)
        return (inventory, try AnsiblePlaybook(lesson: lesson, inputs: inputs, inventory: inventory))
    }

    @Test func theLessonLintsClean() {
        let (_, diagnostics) = LessonLinter.lint(Self.lessonText, file: "grow.md", validators: [])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    }

    @Test func theInventoryHoldsEveryRecordInItsOrderAndTheRoleGroups() throws {
        let (inventory, _) = try Self.export()
        let yaml = try #require(try Yams.load(yaml: inventory.inventoryText) as? [String: Any])
        let children = try #require((yaml["all"] as? [String: Any])?["children"] as? [String: Any])
        let nodes = try #require((children["nodes"] as? [String: Any])?["hosts"] as? [String: Any])
        let n2 = try #require(nodes["n2"] as? [String: Any])
        #expect(n2["ansible_host"] as? String == "10.0.0.2")
        #expect(n2["ansible_user"] as? String == "pi")
        #expect((n2[AnsibleInventory.recordVariable] as? [String: Any])?["role"] as? String == "worker")
        #expect(((children["master"] as? [String: Any])?["hosts"] as? [String: Any])?.keys.sorted() == ["n1"])
        #expect(((children["worker"] as? [String: Any])?["hosts"] as? [String: Any])?.keys.sorted() == ["n2"])
        #expect(inventory.inventoryText.range(of: "n1:")!.lowerBound < inventory.inventoryText.range(of: "n2:")!.lowerBound)
    }

    @Test func variablesAreTextNeverTemplatesAndNeverSecrets() throws {
        let (inventory, _) = try Self.export(["motto": .text("{{ lookup('pipe', 'id') }}\n\"x\"")])
        let text = inventory.groupVariablesText
        #expect(!text.contains("hunter2-canary") && !text.contains("password:"))
        #expect(text.contains(#"motto: !unsafe "{{ lookup('pipe', 'id') }}\n\"x\"""#))
        #expect(text.contains(#"nodes: "{{ groups['nodes'] | map('extract', hostvars, 'piwizard_record') | list }}""#))
        // `no` stays the text "no" (YAML 1.1 would read a bare no as false).
        let (plain, _) = try Self.export()
        let values = try #require(try Yams.load(yaml: plain.groupVariablesText) as? [String: Any])
        #expect(values["motto"] as? String == "no")
        #expect(values["stack"] as? String == "netplan")
    }

    @Test func thePlaybookKeepsWhatAppliesToTheRunAndSaysWhatItLeavesOut() throws {
        let (_, playbook) = try Self.export()
        #expect(playbook.plays.map(\.step.id) == ["name", "list"])
        #expect(playbook.leftOut == ["by-hand"])
        let text = playbook.text
        #expect(text.contains("# the author's comment stays"))
        #expect(text.contains("# practice lab, or they prove rather than keep): by-hand."), "\(text)")
        let plays = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        #expect(plays.map { $0["hosts"] as? String } == ["nodes", "master"])
        #expect((plays[0]["vars"] as? [String: Any])?["node"] as? String == "{{ piwizard_record }}")
        let guarded = try #require((plays[0]["tasks"] as? [[String: Any]])?.first)
        #expect(guarded["when"] as? String == "node.role == 'worker'")
        let task = try #require((guarded["block"] as? [[String: Any]])?.first)
        #expect((task["ansible.builtin.debug"] as? [String: Any])?["msg"] as? String == "{{ node.hostname }}\n{{ motto }}\n")
    }

    @Test func anotherChoiceExportsItsOwnPlays() throws {
        let (_, playbook) = try Self.export(["stack": .text("dhcpcd")])
        #expect(playbook.plays.map(\.step.id) == ["name", "name", "dhcpcd-only", "list"])
    }

    @Test func aConditionOnAValueTheRunDoesNotHaveIsRefused() throws {
        do {
            let lesson = LessonParser.parse(Self.lessonText, file: "grow.md").lesson
            var inputs = lesson.defaultInputs
            inputs["stack"] = nil
            _ = try AnsiblePlaybook(lesson: lesson, inputs: inputs, inventory: try AnsibleInventory(lesson: lesson, inputs: inputs))
            Issue.record("no refusal")
        } catch let problem as AnsibleExportProblem {
            #expect(problem.description.contains("the step name applies only when stack == dhcpcd, and the run has no value for stack"))
        }
    }

    @Test func tasksOnTheMasterInAStepThatTestsTheRecordRunOnce() throws {
        let text = Self.lessonText.replacingOccurrences(of: "## The master keeps a list {#list}", with: "## The master keeps a list {#list foreach=nodes as=node when=\"node.role == worker\"}")
        let lesson = LessonParser.parse(text, file: "grow.md").lesson
        let inputs = lesson.defaultInputs
        let playbook = try AnsiblePlaybook(lesson: lesson, inputs: inputs, inventory: try AnsibleInventory(lesson: lesson, inputs: inputs))
        let list = try #require(playbook.plays.last)
        #expect(list.step.id == "list" && list.hosts == "master" && list.recordTest == nil)
    }

    @Test func aLessonWithoutHostsHasNothingToExport() {
        let lesson = LessonParser.parse("---\nid: x\ntitle: X\nsummary: s\n---\n## A\n\n```sh {run}\ntrue\n```\n", file: "x.md").lesson
        #expect(throws: AnsibleExportProblem.self) { try AnsibleInventory(lesson: lesson, inputs: [:]) }
    }

    @Test func jinjaNamesAreTheVariablesRead() {
        #expect(JinjaNames.inTemplates("{{ node.ip | default(gateway) }} {{ 'lit' ~ user }} {{ x is defined }}") == ["node", "gateway", "user", "x"])
        #expect(JinjaNames.inTemplates("{% for n in nodes %}{{ n.hostname }}{% endfor %}") == ["nodes"])
        #expect(JinjaNames.inTemplates("{% if a == 'b' %}{{ lookup('file', key + '.pub') }}{% endif %}") == ["a", "lookup", "key"])
        #expect(JinjaNames.inExpression("item.ip is not defined and stack != 'a'") == ["item", "stack"])
        #expect(JinjaNames.inTemplates("{{ dict(a=1) | combine({'b': c}) }}") == ["c"])
        #expect(JinjaNames.inTemplates("no templates here { not } one") == [])
    }
}
