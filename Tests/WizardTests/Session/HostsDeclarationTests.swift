import Lessons
import Testing
import Wizard

/// Which host a block reaches, and as whom, comes from the lesson's `hosts:` declaration, whatever its
/// inputs are called; a lesson without one runs master blocks here and logs in as ssh's default.
@Suite struct HostsDeclarationTests {
    static func lesson(hosts: String) -> String {
        """
        ---
        id: reach
        title: Reach
        summary: Blocks on other hosts.
        \(hosts)
        inputs:
          account: { type: username, default: admin }
          user: { type: username, default: pi }
          boxes:
            type: list
            fields:
              label: { type: hostname }
              addr: { type: ipv4 }
              role: { type: choice, choices: [master, worker] }
              kind: { type: choice, choices: [tail, head] }
            default:
              - { label: b1, addr: 10.9.0.1, role: master, kind: tail }
              - { label: b2, addr: 10.9.0.2, role: worker, kind: head }
        ---
        ## On the master {#master}

        ```sh {run on=master}
        echo {{account}} {{user}} {{boxes.label}} {{boxes.role}} {{boxes.kind}}
        ```
        """
    }

    func masterHost(_ hosts: String) throws -> RemoteHost? {
        let lesson = try TestLessons.load(Self.lesson(hosts: hosts), id: "reach").lesson
        return HostResolver(lesson: lesson, localAddresses: []).host(for: .master, item: nil, inputs: lesson.defaultInputs)
    }

    @Test func theDeclaredMasterAndLoginAreUsedWhateverTheirNames() throws {
        #expect(try masterHost("hosts: { login: account, master: boxes.kind == head }") == RemoteHost(address: "10.9.0.2", user: "admin"))
        #expect(try masterHost("hosts: { master: boxes.role == master }") == RemoteHost(address: "10.9.0.1", user: nil))
    }

    @Test func withoutADeclaredMasterItsBlocksRunHereAndLintSaysSo() throws {
        #expect(try masterHost("hosts: { login: user }") == nil, "no master declared: this machine")
        let (_, diagnostics) = LessonLinter.lint(Self.lesson(hosts: "hosts: { login: user }"), file: "reach.md", validators: ValidatorRegistry.specs)
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("on=master runs on this machine: the lesson names no master") })
    }

    @Test func theHostsInputsCountAsUsedAndAreAskedBeforeABlockOnTheMaster() throws {
        let loaded = try TestLessons.load(Self.lesson(hosts: "hosts: { login: account, master: boxes.kind == head }"), id: "reach")
        let (_, diagnostics) = LessonLinter.lint(Self.lesson(hosts: "hosts: { login: account, master: boxes.kind == head }"), file: "reach.md", validators: ValidatorRegistry.specs)
        #expect(diagnostics.filter { $0.message.contains("never used") }.isEmpty, "\(diagnostics)")
        #expect(loaded.lesson.inputsToReach(.master) == ["account", "boxes"])
        #expect(loaded.lesson.inputsToReach(.node) == ["account"])
    }
}
