import Foundation
import Lessons
import Testing

/// expand-cluster's first step puts the master's key in its own `authorized_keys` once as sshd counts
/// it: a line is the key when its second word is the key's, whatever its comment or options (the rule
/// `authorized-key-once` checks on every node). The step's own commands run in `dash` in a scratch home.
@Suite struct MasterKeyOnceTests {
    struct Home {
        let folder: URL
        var key: String { folder.path + "/.ssh/id_ed25519" }
        var authorized: String { folder.path + "/.ssh/authorized_keys" }
    }

    /// The step's run block that adds the key and its shell check, filled in for `home`.
    static func commands(for home: Home) throws -> (add: String, check: String) {
        let text = try String(contentsOf: Paths.lessons.appendingPathComponent("expand-cluster.md"), encoding: .utf8)
        let lesson = LessonParser.parse(text, file: "expand-cluster.md").lesson
        let step = try #require(lesson.steps.first { $0.id == "ssh-key" })
        let add = try #require(step.blocks.first { $0.kind == .run && $0.body.contains("authorized_keys") })
        let check = try #require(step.blocks.first { $0.kind == .check && $0.validator == nil && $0.body.contains("authorized_keys") })
        let context = TemplateContext(inputs: ["key": .text(home.key)], lessonID: lesson.id, lessonAssets: "")
        return (try TemplateRenderer.render(add.body, context: context, quoting: .shell),
                try TemplateRenderer.render(check.body, context: context, quoting: .shell))
    }

    static func run(_ command: String, in home: Home) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/dash")
        process.arguments = ["-c", command]
        process.environment = ["HOME": home.folder.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func scratchHome() throws -> Home {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("key-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
        let home = Home(folder: folder)
        let blob = "AAAAC3NzaC1lZDI1NTE5AAAAIGx0c3RrZXlmb3JhbGVzc29ub25seWFuZG5vdGhpbmdlbHNl"
        try "ssh-ed25519 \(blob) pi@node1\n".write(toFile: home.key + ".pub", atomically: true, encoding: .utf8)
        return home
    }

    @Test func aLineWithAnotherCommentOrOptionsIsTheSameKey() throws {
        let home = try Self.scratchHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let (add, check) = try Self.commands(for: home)
        let pub = try String(contentsOfFile: home.key + ".pub", encoding: .utf8)
        let blob = pub.split(separator: " ")[1]
        try "from=\"10.0.0.0/8\" ssh-ed25519 \(blob) added by hand\n".write(toFile: home.authorized, atomically: true, encoding: .utf8)
        #expect(try Self.run(check, in: home) == 0)
        #expect(try Self.run("set -e; " + add, in: home) == 0)
        #expect(try String(contentsOfFile: home.authorized, encoding: .utf8).components(separatedBy: String(blob)).count == 2, "not appended again")
        #expect(try Self.run(check, in: home) == 0)
    }

    /// Before the step there is no key yet, and `authorized_keys` may hold one line already (the
    /// practice lab's, or another computer's): the check must not find "one line" there.
    @Test func withoutAKeyTheCheckFailsWhateverAuthorizedKeysHolds() throws {
        let home = try Self.scratchHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let (add, check) = try Self.commands(for: home)
        try FileManager.default.removeItem(atPath: home.key + ".pub")
        try "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAnotherComputersKeyAnotherComputersKeyXX lab\n".write(toFile: home.authorized, atomically: true, encoding: .utf8)
        #expect(try Self.run(check, in: home) != 0)
        try "ssh-ed25519\n".write(toFile: home.key + ".pub", atomically: true, encoding: .utf8)
        #expect(try Self.run(check, in: home) != 0, "a .pub without the key's word")
        #expect(try Self.run("set -e; " + add, in: home) != 0, "nothing to add")
        #expect(try String(contentsOfFile: home.authorized, encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func theKeyIsAddedOnceAndTwiceFails() throws {
        let home = try Self.scratchHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let (add, check) = try Self.commands(for: home)
        #expect(try Self.run(check, in: home) != 0, "no authorized_keys yet")
        #expect(try Self.run("set -e; " + add, in: home) == 0)
        #expect(try Self.run("set -e; " + add, in: home) == 0)
        #expect(try Self.run(check, in: home) == 0)
        let pub = try String(contentsOfFile: home.key + ".pub", encoding: .utf8)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: home.authorized))
        handle.seekToEndOfFile()
        handle.write(Data(pub.replacingOccurrences(of: "pi@node1", with: "copied again").utf8))
        try handle.close()
        #expect(try Self.run(check, in: home) != 0, "the key twice, under two comments")
    }
}
