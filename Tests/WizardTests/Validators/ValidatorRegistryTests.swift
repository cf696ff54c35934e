import Foundation
import Lessons
import Testing
@testable import Wizard

/// The one registry of built-in validators: its specs are consistent, the docs' table is made from it,
/// arguments are read by their kinds, and no argument value is ever run as shell code.
@Suite struct ValidatorRegistryTests {
    static let repository = Repository.root

    @Test func namesAndArgumentsAreUniqueAndDefaultsAreOfTheirKind() {
        let names = ValidatorRegistry.specs.map(\.name)
        #expect(Set(names).count == names.count)
        for spec in ValidatorRegistry.specs {
            let arguments = spec.arguments.map(\.name)
            #expect(Set(arguments).count == arguments.count, "\(spec.name)")
            #expect(!spec.required.isEmpty, "\(spec.name) takes nothing to check")
            for argument in spec.arguments {
                #expect(!(argument.required && argument.defaultValue != nil), "\(spec.name).\(argument.name): required with a default")
                if let value = argument.defaultValue { #expect(argument.kind.problem(with: value) == nil, "\(spec.name).\(argument.name)") }
            }
        }
    }

    /// docs/lesson-format.md holds exactly the registry's table. `PIWIZARD_RECORD_SNAPSHOTS=1 swift test
    /// --filter ValidatorRegistryTests` writes it there (the test then fails once).
    @Test func theDocsTableIsTheRegistrysTable() throws {
        let url = Self.repository.appendingPathComponent("docs/lesson-format.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        let lines = doc.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("| validator ") }, "the docs have a validator table")
        let end = lines[start...].firstIndex { !$0.hasPrefix("|") } ?? lines.endIndex
        let table = lines[start..<end].joined(separator: "\n")
        if ProcessInfo.processInfo.environment["PIWIZARD_RECORD_SNAPSHOTS"] == "1", table != ValidatorRegistry.markdownTable {
            let updated = lines[..<start] + [ValidatorRegistry.markdownTable] + lines[end...]
            try updated.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            Issue.record("wrote the registry's table into docs/lesson-format.md; run the tests again")
            return
        }
        #expect(table == ValidatorRegistry.markdownTable, "docs/lesson-format.md and the registry disagree; re-record with PIWIZARD_RECORD_SNAPSHOTS=1")
    }

    @Test func argumentsOfTheWrongKindAreRefusedNamingTheArgumentAndTheRule() {
        let context = ValidatorContext(run: { _, _ in CommandResult(exitStatus: 0, output: "", duration: 0) }, sshUser: nil)
        let flag = ValidatorRegistry.check("machinefile", ["path": "m", "nodes": "a", "reachable": "maybe"], context: context)
        #expect(!flag.passed && flag.found == "argument 'reachable': 'maybe' is not true or false")
        let port = ValidatorRegistry.check("reachable", ["host": "a", "port": "99999"], context: context)
        #expect(port.found == "argument 'port': '99999' is not a whole number from 1 to 65535")
        let type = ValidatorRegistry.check("unique-host-keys", ["nodes": "a b", "type": "dsa"], context: context)
        #expect(type.found == "argument 'type': 'dsa' is not one of ed25519, ecdsa, rsa")
        let missing = ValidatorRegistry.check("hostname-is", ["host": "a", "expected": ""], context: context)
        #expect(missing.found == "missing argument 'expected'")
        #expect(ValidatorRegistry.check("no-such", [:], context: context).found == "no validator named 'no-such'")
    }

    @Test func defaultsComeFromTheSpec() throws {
        let spec = ReachableValidator.spec
        let reachable = try ReachableValidator(ValidatorArguments(["host": "10.0.0.1"], spec: spec))
        #expect(reachable.port == 22 && reachable.wait == 10)
        let keys = try UniqueHostKeysValidator(ValidatorArguments(["nodes": "a b"], spec: UniqueHostKeysValidator.spec))
        #expect(keys.type == "ed25519" && keys.nodes == ["a", "b"])
        #expect(try MachinefileValidator(ValidatorArguments(["path": "m", "nodes": "a", "reachable": "yes"], spec: MachinefileValidator.spec)).reachable)
    }

    /// Every validator, every text argument given a value full of shell syntax, run by the real /bin/sh
    /// (in a network namespace of its own, so a host name never leaves this machine): no value runs.
    @Test func noArgumentValueIsEverRunAsShellCode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let canary = dir.appendingPathComponent("ran").path
        let touch = "touch${IFS}\(canary)"
        let hostile = "x$(\(touch))'$(\(touch))'`\(touch)`;\(touch);\"$(\(touch))\"|\(touch)&&\(touch)"
        let isolated = ValidatorContext(run: { text, timeout in
            try LocalShellRunner().run(CommandRequest(command: "unshare --net sh -c \(ShellQuote.quote(text))", timeout: timeout ?? 30), output: { _ in })
        }, sshUser: hostile, timeout: 30)
        for type in ValidatorRegistry.all {
            var arguments: [String: String] = [:]
            for argument in type.spec.arguments {
                switch argument.kind {
                case .text where argument.name == "command": arguments[argument.name] = "true"
                case .text, .words, .host: arguments[argument.name] = argument.kind == .words ? hostile + " " + hostile : hostile
                case .flag: arguments[argument.name] = "true"
                case .number: arguments[argument.name] = argument.name == "wait" ? "0" : argument.name == "port" ? "2222" : "1"
                case .size: arguments[argument.name] = "1K"
                case .pattern: arguments[argument.name] = "."
                case .choice(let words): arguments[argument.name] = words[0]
                // Parsed into an address or a network before anything runs: no text of theirs reaches a shell.
                case .address: arguments[argument.name] = "10.0.0.1"
                case .subnet: arguments[argument.name] = "10.0.0.0/24"
                }
            }
            _ = ValidatorRegistry.check(type.spec.name, arguments, context: isolated)
            #expect(!FileManager.default.fileExists(atPath: canary), "\(type.spec.name) ran part of an argument as shell code")
            try? FileManager.default.removeItem(atPath: canary)
        }
    }
}
