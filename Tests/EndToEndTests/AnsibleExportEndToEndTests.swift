import Foundation
import Testing

/// `piwizard export` with the real ansible-core, on this computer (the hosts are reached with
/// `--connection local`, each host's tasks working in a folder of its own): a finished run's playbook
/// changes nothing; drift is reported by `--check` without being mended, and mended by a run; a value
/// written as a template stays text.
@Suite(.serialized) struct AnsibleExportEndToEndTests {
    static let lesson = """
        ---
        id: keep-files
        title: Keep a few files
        summary: Files a lesson writes, kept by Ansible.
        hosts:
          login: user
          master: nodes.role == master
        inputs:
          user: { type: username, prompt: User, default: pi }
          folder: { type: path, prompt: Folder }
          motto: { type: string, prompt: Motto }
          token: { type: secret, prompt: Token }
          nodes:
            type: list
            prompt: Nodes
            fields:
              hostname: { type: hostname, unique: true }
              ip: { type: ipv4, unique: true }
              role: { type: choice, choices: [master, worker] }
            default:
              - { hostname: one, ip: 127.0.0.1, role: master }
              - { hostname: two, ip: 127.0.0.2, role: worker }
              - { hostname: three, ip: 127.0.0.3, role: worker }
        ---

        ## Write the motto {#motto}

        ```sh {run}
        test -n {{token}} && printf '%s\\n' {{motto}} > {{folder}}/motto
        ```

        ```sh {check}
        test -s {{folder}}/motto
        ```

        ```yaml {ansible on=local}
        - name: the motto file holds the motto
          ansible.builtin.copy:
            dest: "{{ folder }}/motto"
            content: "{{ motto }}\\n"
            mode: "0644"
        ```

        ## Give each worker its file {#workers foreach=nodes as=node when="node.role == worker"}

        ```sh {run}
        echo {{node.ip}} > {{folder}}/{{node.hostname}}
        ```

        ```sh {check}
        test -s {{folder}}/{{node.hostname}}
        ```

        ```yaml {ansible on=node when="node.role == worker"}
        - name: the worker's file holds its address
          ansible.builtin.copy:
            dest: "{{ folder }}/{{ node.hostname }}"
            content: "{{ node.ip }}\\n"
            mode: "0644"
        ```

        ## Write the list of nodes {#list}

        ```sh {run}
        for name in {{nodes.hostname}}; do echo "$name"; done > {{folder}}/list
        ```

        ```sh {check}
        test -s {{folder}}/list
        ```

        ```yaml {ansible on=master}
        - name: the list names every node
          ansible.builtin.copy:
            dest: "{{ folder }}/list"
            content: "{% for n in nodes %}{{ n.hostname }}\\n{% endfor %}"
            mode: "0644"
        ```
        """

    @Test func aFinishedRunsPlaybookChangesNothingAndMendsDrift() throws {
        let work = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let files = work.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try Self.lesson.write(to: work.appendingPathComponent("keep-files.md"), atomically: true, encoding: .utf8)
        let marker = work.appendingPathComponent("ran")
        let motto = "{{ lookup('pipe', 'touch \(marker.path)') }} $(touch \(marker.path)) it's"
        let state = ["PIWIZARD_STATE_DIR": work.appendingPathComponent("state").path, "PIWIZARD_VAR_TOKEN": "token-canary-7731"]
        let run = try PiwizardProcess.run(["start", "keep-files.md", "--yes", "--var", "folder=\(files.path)", "--var", "motto=\(motto)"], in: work, environment: state)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

        let export = try PiwizardProcess.run(["export", "keep-files.md", "--output", "out"], in: work, environment: state)
        #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
        #expect(export.stdout.contains("Wrote inventory.yml, group_vars/all.yml, playbook.yml"), "\(export.stdout)")
        let out = work.appendingPathComponent("out")
        let written = try ["inventory.yml", "group_vars/all.yml", "playbook.yml"].map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }
        #expect(!written.joined().contains("token-canary-7731"), "a secret never reaches the files")

        // This computer's own Python for the local hosts (a Python version manager's shims may stand first on PATH).
        let play = ["-i", "inventory.yml", "playbook.yml", "--connection", "local", "-e", "ansible_python_interpreter=/usr/bin/python3"]
        let first = try AnsibleCore.playbook(play, in: out)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let recap = AnsibleCore.recap(first.stdout)
        #expect(Set(recap.keys) == ["localhost", "one", "two", "three"], "\(first.stdout)")
        #expect(recap.values.allSatisfy { $0["changed"] == 0 && $0["failed"] == 0 }, "\(first.stdout)")
        #expect(!FileManager.default.fileExists(atPath: marker.path), "a value is never run as a template or a command")
        #expect(try String(contentsOf: files.appendingPathComponent("motto"), encoding: .utf8) == motto + "\n")

        // Drift: a worker's file gone, the list changed.
        try FileManager.default.removeItem(at: files.appendingPathComponent("three"))
        try "someone else\n".write(to: files.appendingPathComponent("list"), atomically: true, encoding: .utf8)
        let check = try AnsibleCore.playbook(play + ["--check"], in: out)
        #expect(AnsibleCore.recap(check.stdout)["three"]?["changed"] == 1, "\(check.stdout)")
        #expect(AnsibleCore.recap(check.stdout)["one"]?["changed"] == 1, "\(check.stdout)")
        #expect(!FileManager.default.fileExists(atPath: files.appendingPathComponent("three").path), "--check changes nothing")
        let mend = try AnsibleCore.playbook(play, in: out)
        #expect(AnsibleCore.recap(mend.stdout)["three"]?["changed"] == 1 && AnsibleCore.recap(mend.stdout)["two"]?["changed"] == 0, "\(mend.stdout)")
        #expect(try String(contentsOf: files.appendingPathComponent("list"), encoding: .utf8) == "one\ntwo\nthree\n")
        let again = try AnsibleCore.playbook(play, in: out)
        #expect(AnsibleCore.recap(again.stdout).values.allSatisfy { $0["changed"] == 0 && $0["failed"] == 0 }, "\(again.stdout)")

        let check2 = try PiwizardProcess.run(["check", "keep-files.md"], in: work, environment: state)
        #expect(check2.status == 0, "\(check2.stdout)\(check2.stderr)")
        #expect(check2.stdout.contains("Every check passes"), "\(check2.stdout)")
    }

    @Test func jsonAndRefusals() throws {
        let work = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Self.lesson.write(to: work.appendingPathComponent("keep-files.md"), atomically: true, encoding: .utf8)
        let state = ["PIWIZARD_STATE_DIR": work.appendingPathComponent("state").path]
        let none = try PiwizardProcess.run(["export", "keep-files.md"], in: work, environment: state)
        #expect(none.status == 66 && none.stderr.contains("no saved run of keep-files"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("keep-files-ansible").path))

        let given = try PiwizardProcess.run(["export", "keep-files.md", "--json", "--var", "folder=/srv", "--var", "motto=hi",
                                             "--var", "nodes=a 10.1.0.1 master; b 10.1.0.2 worker"], in: work, environment: state)
        #expect(given.status == 0, "\(given.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(given.stdout.utf8)) as? [String: Any])
        let hosts = try #require(json["hosts"] as? [[String: Any]])
        #expect(hosts.map { $0["name"] as? String } == ["a", "b"])
        #expect(hosts.map { $0["groups"] as? [String] } == [["master"], ["worker"]])
        #expect((json["variables"] as? [String: Any])?["folder"] as? String == "/srv")

        let bad = try PiwizardProcess.run(["export", "keep-files.md", "--var", "nodes=a 10.1.0.1 boss"], in: work, environment: state)
        #expect(bad.status == 64 && bad.stderr.contains("nodes"), "\(bad.stderr)")
    }
}
