import Foundation
import Testing
@testable import Wizard

/// The judges of `authorized-key-once` and `known-host` on what the real commands print for real
/// files (stat on a real home folder, ssh-keygen -F on a real known_hosts file).
@Suite struct ClusterIdentityValidatorTests {
    let shell = LocalShellRunner()

    @discardableResult
    func run(_ script: String) throws -> String {
        let result = try shell.run(CommandRequest(command: script), output: { _ in })
        try #require(result.exitStatus == 0, "\(script): \(result.output)")
        return result.output
    }

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// What the validator's remote command prints, run in a real home folder.
    func authorizedKeyReport(home: String, key: String) throws -> String {
        try run("cd '\(home)' && blob=$(cut -d' ' -f2 '\(key).pub') && stat -c '%a %n' . .ssh .ssh/authorized_keys; echo count $(grep -cF -- $blob .ssh/authorized_keys)")
    }

    @Test func aKeyInstalledOnceWithStrictModesPasses() throws {
        let home = try folder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try run("cd '\(home)' && ssh-keygen -q -t ed25519 -N '' -f key && chmod 755 . && install -d -m 700 .ssh && cp key.pub .ssh/authorized_keys && chmod 600 .ssh/authorized_keys")
        let outcome = AuthorizedKeyOnceValidator.judge(output: try authorizedKeyReport(home: home, key: home + "/key"), host: "h", user: "u", key: "key")
        #expect(outcome.passed, "\(outcome)")
        #expect(outcome.found == "once, modes 700 and 600")
    }

    @Test func aKeyAppendedTwiceAndLooseModesAreReported() throws {
        let home = try folder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try run("cd '\(home)' && ssh-keygen -q -t ed25519 -N '' -f key && chmod 775 . && install -d -m 755 .ssh && cat key.pub key.pub > .ssh/authorized_keys && chmod 644 .ssh/authorized_keys")
        let outcome = AuthorizedKeyOnceValidator.judge(output: try authorizedKeyReport(home: home, key: home + "/key"), host: "h", user: "u", key: "key")
        #expect(!outcome.passed)
        #expect(outcome.found == "the key is in authorized_keys 2 times (appended more than once); the home folder can be written by others (mode 775), so sshd ignores the keys; ~/.ssh has mode 755, not 700; authorized_keys has mode 644, not 600")
    }

    @Test func aMissingKeyIsReported() throws {
        let home = try folder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try run("cd '\(home)' && ssh-keygen -q -t ed25519 -N '' -f key && ssh-keygen -q -t ed25519 -N '' -f other && chmod 755 . && install -d -m 700 .ssh && install -m 600 other.pub .ssh/authorized_keys")
        let outcome = AuthorizedKeyOnceValidator.judge(output: try authorizedKeyReport(home: home, key: home + "/key"), host: "h", user: "u", key: "key")
        #expect(outcome.found == "the key is not in authorized_keys")
    }

    /// `ssh-keygen -F HOST` on a real known_hosts file, `--`, then a host key line as ssh-keyscan prints
    /// it; OpenSSH 10's ssh-keyscan first prints a comment with the server's version on standard output.
    func knownHostReport(_ dir: String, known: String, shown: String, banner: Bool = false) throws -> String {
        let comment = banner ? "echo '# 10.77.0.12:22 SSH-2.0-OpenSSH_10.0p2 Debian-7'; " : ""
        return try run("cd '\(dir)' && { ssh-keygen -F 10.77.0.12 -f \(known) | grep -v '^#'; echo --; \(comment)printf '10.77.0.12 %s\\n' \"$(cut -d' ' -f1,2 \(shown).pub)\"; }")
    }

    @Test func knownHostsAgainstTheKeyTheHostShows() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try run("cd '\(dir)' && ssh-keygen -q -t ed25519 -N '' -f node && ssh-keygen -q -t ed25519 -N '' -f clone && printf '10.77.0.12 %s\\n' \"$(cut -d' ' -f1,2 node.pub)\" > known && ssh-keygen -q -H -f known && : > empty")
        let good = KnownHostValidator.judge(output: try knownHostReport(dir, known: "known", shown: "node"), host: "10.77.0.12")
        #expect(good.passed, "\(good)")
        let banner = KnownHostValidator.judge(output: try knownHostReport(dir, known: "known", shown: "node", banner: true), host: "10.77.0.12")
        #expect(banner.passed, "\(banner)")
        let stale = KnownHostValidator.judge(output: try knownHostReport(dir, known: "known", shown: "clone"), host: "10.77.0.12")
        #expect(stale.found == "known_hosts holds another key for 10.77.0.12 (a clone's or an earlier node's): ssh will refuse it")
        let none = try run("cd '\(dir)' && { ssh-keygen -F 10.77.0.12 -f empty | grep -v '^#'; echo --; printf '10.77.0.12 %s\\n' \"$(cut -d' ' -f1,2 node.pub)\"; }")
        #expect(KnownHostValidator.judge(output: none, host: "10.77.0.12").found == "no entry for 10.77.0.12: nobody has confirmed its key yet")
    }

    @Test func theGatewayIsNotANodeAddress() {
        let context = ValidatorContext(run: { _, _ in CommandResult(exitStatus: 0, output: "", duration: 0) }, sshUser: nil)
        let outcome = ValidatorRegistry.check("same-subnet", ["ip": "192.168.1.1", "subnet": "192.168.1.0/24", "gateway": "192.168.1.1"], context: context)
        #expect(!outcome.passed && outcome.found == "192.168.1.1 is the gateway's address")
        #expect(ValidatorRegistry.check("same-subnet", ["ip": "192.168.1.2", "subnet": "192.168.1.0/24", "gateway": "192.168.1.1"], context: context).passed)
    }

    /// The practice lab's reader is a link to a loop device holding the card, judged from lsblk like any disk.
    @Test(.enabled(if: getuid() == 0, "attaching a loop device needs root"))
    func aCardSmallerThanTheImageIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let device = try run("cd '\(dir)' && truncate -s 64M image && truncate -s 32M card && losetup -f --show card").trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? run("losetup -d '\(device)'") }
        try FileManager.default.createSymbolicLink(atPath: dir + "/reader", withDestinationPath: device)
        var context = ValidatorContext(run: { text, _ in try LocalShellRunner().run(CommandRequest(command: text), output: { _ in }) }, sshUser: nil)
        context.standInDevices = [dir + "/reader"]
        let outcome = ValidatorRegistry.check("block-device", ["device": dir + "/reader", "fits": dir + "/image"], context: context)
        #expect(!outcome.passed)
        #expect(outcome.found.hasPrefix("only 32.0 MiB: 33554432 bytes too small (33554432 bytes, 67108864 needed)"), "\(outcome.found)")
        #expect(outcome.found.hasSuffix(" — \(device): 32.0 MiB, the practice lab's card reader, not mounted"), "\(outcome.found)")
        let empty = ValidatorRegistry.check("block-device", ["device": dir + "/none", "fits": dir + "/image"], context: ValidatorContext(run: context.run, sshUser: nil, standInDevices: [dir + "/none"]))
        #expect(empty.found.hasPrefix("the reader is empty"), "\(empty.found)")
    }

    @Test(.enabled(if: getuid() == 0, "attaching a loop device and mounting need root"))
    func aCardWithAMountedFileSystemIsNotComparedAndTheCardIsNotBlamed() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let device = try run("cd '\(dir)' && truncate -s 16M image && mkfs.ext4 -q -F image && cp image card && mkdir mnt && losetup -f --show card")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? run("losetup -d '\(device)'") }
        let context = ValidatorContext(run: { text, _ in try LocalShellRunner().run(CommandRequest(command: text), output: { _ in }) }, sshUser: nil)
        #expect(ValidatorRegistry.check("same-content", ["source": dir + "/image", "target": device], context: context).passed)
        _ = try run("mount '\(device)' '\(dir)/mnt'")
        defer { _ = try? run("umount '\(dir)/mnt'") }
        let mounted = ValidatorRegistry.check("same-content", ["source": dir + "/image", "target": device], context: context)
        #expect(!mounted.passed)
        #expect(mounted.found.hasPrefix("not compared: \(device) has a partition mounted at \(dir)/mnt"), "\(mounted.found)")
    }
}
