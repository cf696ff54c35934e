import Foundation
import NetworkTestSupport
import Testing
@testable import Wizard
import Lessons

/// The built-in validators on real inputs: real files, keys and commands run by /bin/sh on this
/// machine, and real lsblk, machinefile and mpiexec output.
@Suite struct BuiltInValidatorTests {
    let context = ValidatorContext(run: { text, _ in try LocalShellRunner().run(CommandRequest(command: text), output: { _ in }) }, sshUser: nil, timeout: 30)

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-validators-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    // MARK: image-matches-device

    /// known_hosts names a host on another port as [host]:port; ssh-keyscan is asked on that port.
    @Test func knownHostLooksAHostOnAnotherPortUpByItsBracketedName() {
        let commands = Commands()
        let context = ValidatorContext(run: { text, _ in
            commands.add(text)
            return CommandResult(exitStatus: 0, output: "[10.0.0.2]:2222 ssh-ed25519 AAAA\n--\n[10.0.0.2]:2222 ssh-ed25519 AAAA\n", duration: 0)
        }, sshUser: nil)
        let outcome = ValidatorRegistry.check("known-host", ["host": "10.0.0.2", "port": "2222"], context: context)
        #expect(outcome.passed, "\(outcome)")
        #expect(commands.all == ["ssh-keygen -F '[10.0.0.2]:2222' 2>/dev/null | grep -v '^#'; echo --; ssh-keyscan -T 5 -p 2222 -t ed25519 -- 10.0.0.2 2>/dev/null"])
        _ = ValidatorRegistry.check("known-host", ["host": "10.0.0.2"], context: context)
        #expect(commands.all.last == "ssh-keygen -F 10.0.0.2 2>/dev/null | grep -v '^#'; echo --; ssh-keyscan -T 5 -t ed25519 -- 10.0.0.2 2>/dev/null")
    }

    /// The commands a fake context was asked to run.
    final class Commands: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        func add(_ text: String) { lock.withLock { texts.append(text) } }
        var all: [String] { lock.withLock { texts } }
    }

    @Test func anImageMatchesACardOfItsSizeOnly() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let card = dir.appendingPathComponent("card").path
        let image = dir.appendingPathComponent("image").path
        try Data(count: 4096).write(to: URL(fileURLWithPath: card))
        try Data(count: 4096).write(to: URL(fileURLWithPath: image))
        let same = ValidatorRegistry.check("image-matches-device", ["image": image, "device": card], context: context)
        #expect(same.passed && same.found == "4096 bytes", "\(same.found)")
        try Data(count: 1024).write(to: URL(fileURLWithPath: image))
        let short = ValidatorRegistry.check("image-matches-device", ["image": image, "device": card], context: context)
        #expect(!short.passed && short.found == "1024 bytes (1.0 KiB of 4.0 KiB)", "\(short.found)")
        let missing = ValidatorRegistry.check("image-matches-device", ["image": image + "-none", "device": card], context: context)
        #expect(!missing.passed && missing.expected == "the image and the device to exist")
    }

    // MARK: lsblk

    @Test func readsThisMachinesRealLsblkOutput() throws {
        let result = try LocalShellRunner().run(CommandRequest(command: BlockDeviceReport.command), output: { _ in })
        try #require(result.exitStatus == 0)
        let report = try BlockDeviceReport(json: result.output)
        let system = try #require(report.devices.first { $0.holdsSystem }, "some disk holds /")
        let outcome = BlockDeviceValidator.judge(device: system.path, resolved: system.path, report: report,
                                              wanted: .init(unmounted: true, notSystem: true))
        #expect(!outcome.passed)
        #expect(outcome.found.contains("holds this computer's system"))
    }

    @Test func judgesACardReaderAndTheSystemDisk() throws {
        let report = try BlockDeviceReport(json: TestLessons.lsblkWithCard)
        let all = BlockDeviceValidator.Wanted(removable: true, unmounted: true, notSystem: true, minimumSize: 16 << 30)
        let card = BlockDeviceValidator.judge(device: "/dev/sdb", resolved: "/dev/sdb", report: report, wanted: all)
        #expect(card.passed)
        #expect(card.expected == "exists, removable, not mounted, not the system disk, at least 16.0 GiB")
        let tooSmall = BlockDeviceValidator.judge(device: "/dev/sdb", resolved: "/dev/sdb", report: report, wanted: .init(minimumSize: 64 << 30))
        #expect(!tooSmall.passed && tooSmall.found.hasPrefix("only 29.7 GiB"))
        let partition = BlockDeviceValidator.judge(device: "/dev/sda2", resolved: "/dev/sda2", report: report, wanted: .init(notSystem: true))
        #expect(!partition.passed, "a partition of the system disk is refused too")
        let missing = BlockDeviceValidator.judge(device: "/dev/sdz", resolved: "/dev/sdz", report: report, wanted: .init())
        #expect(missing.found == "no such device; disks: /dev/sda (476.9 GiB), /dev/sdb (29.7 GiB)")
    }

    @Test func readsOlderLsblkFlagsAndMountpointLists() throws {
        let json = #"{"blockdevices":[{"name":"mmcblk0","size":"15931539456","rm":"1","type":"disk","mountpoints":[null],"children":[{"name":"mmcblk0p1","size":"268435456","rm":"1","type":"part","mountpoints":["/media/pi/bootfs"]}]}]}"#
        let report = try BlockDeviceReport(json: json)
        let card = try #require(report.device("/dev/mmcblk0"))
        #expect(card.removable && card.size == 15_931_539_456 && card.path == "/dev/mmcblk0")
        #expect(card.allMountpoints == ["/media/pi/bootfs"])
        let outcome = BlockDeviceValidator.judge(device: "/dev/mmcblk0", resolved: "/dev/mmcblk0", report: report, wanted: .init(unmounted: true))
        #expect(!outcome.passed && outcome.found.hasPrefix("mounted at /media/pi/bootfs"))
    }

    // MARK: Files

    @Test func imageAndContentChecksOnRealFiles() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let image = dir.appendingPathComponent("master card.img")
        let copy = dir.appendingPathComponent("copy.img")
        try Data(repeating: 7, count: 4096).write(to: image)
        try Data(repeating: 7, count: 4096).write(to: copy)
        #expect(ValidatorRegistry.check("same-content", ["source": image.path, "target": copy.path], context: context).passed)
        var changed = Data(repeating: 7, count: 4096)
        changed[100] = 8
        try changed.write(to: copy)
        let differs = ValidatorRegistry.check("same-content", ["source": image.path, "target": copy.path], context: context)
        #expect(!differs.passed && differs.found.contains("differ"))
        #expect(ValidatorRegistry.check("same-content", ["source": image.path, "target": copy.path, "bytes": "100"], context: context).passed)
    }

    @Test func fileContainsAndOutputMatches() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hosts = dir.appendingPathComponent("hosts")
        try "127.0.0.1\tlocalhost\n127.0.1.1\traspi2\n".write(to: hosts, atomically: true, encoding: .utf8)
        let found = ValidatorRegistry.check("file-contains", ["path": hosts.path, "pattern": "^127\\.0\\.1\\.1\\s+raspi2$"], context: context)
        #expect(found.passed && found.found == "2:127.0.1.1\traspi2")
        let absent = ValidatorRegistry.check("file-contains", ["path": hosts.path, "pattern": "raspi3"], context: context)
        #expect(!absent.passed && absent.found == "no such line")
        #expect(ValidatorRegistry.check("output-matches", ["command": "echo 'pi is approximately 3.1415926536'", "pattern": "3\\.141592"], context: context).passed)
        #expect(!ValidatorRegistry.check("output-matches", ["command": "echo 3.2", "pattern": "3\\.14"], context: context).passed)
        // The lines that matched are reported, not the output's last lines (issue 31, bug 4).
        let passed = ValidatorRegistry.check("output-matches", ["command": "printf 'processes: 4\\npi is 3.14\\nwall time: 1 s\\ndone\\n'", "pattern": "processes: [0-9]"], context: context)
        #expect(passed.passed && passed.found == "matched: processes: 4", "\(passed.found)")
        let failed = ValidatorRegistry.check("output-matches", ["command": "printf 'a\\nb\\n'", "pattern": "zzz"], context: context)
        #expect(!failed.passed && failed.found == "no line matches (exit 0); the output ends: a / b", "\(failed.found)")
    }

    @Test func sshKeyExistsOnARealKey() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("id_ed25519").path
        let made = try LocalShellRunner().run(CommandRequest(command: "ssh-keygen -q -t ed25519 -N '' -f \(key)"), output: { _ in })
        try #require(made.exitStatus == 0, "ssh-keygen is needed: \(made.output)")
        let good = ValidatorRegistry.check("ssh-key-exists", ["path": key], context: context)
        #expect(good.passed, "\(good)")
        #expect(good.found == "ssh-ed25519 key, modes 600 and 644")
        _ = try LocalShellRunner().run(CommandRequest(command: "chmod 644 \(key)"), output: { _ in })
        #expect(ValidatorRegistry.check("ssh-key-exists", ["path": key], context: context).found.contains("run chmod 600"))
        _ = try LocalShellRunner().run(CommandRequest(command: "chmod 600 \(key) && ssh-keygen -q -t ed25519 -N '' -f \(dir.path)/other && cp \(dir.path)/other.pub \(key).pub"), output: { _ in })
        #expect(ValidatorRegistry.check("ssh-key-exists", ["path": key], context: context).found.hasSuffix(".pub does not belong to \(key)"))
        #expect(!ValidatorRegistry.check("ssh-key-exists", ["path": dir.appendingPathComponent("none").path], context: context).passed)
    }

    // MARK: Hosts

    @Test func hostnameAndUniquenessOnThisMachine() throws {
        let own = try LocalShellRunner().run(CommandRequest(command: "hostname"), output: { _ in }).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(ValidatorRegistry.check("hostname-is", ["host": "127.0.0.1", "expected": own], context: context).passed, "runs here, without ssh, for an own address")
        let wrong = ValidatorRegistry.check("hostname-is", ["host": "127.0.0.1", "expected": own + "-other"], context: context)
        #expect(!wrong.passed && wrong.found == "it is called \(own)")
        let twice = ValidatorRegistry.check("unique-across-nodes", ["nodes": "127.0.0.1 \(own)", "command": "hostname"], context: context)
        #expect(!twice.passed && twice.found == "127.0.0.1 and \(own) share '\(own)'")
    }

    @Test func sameAddressesAreReportedByGroup() {
        #expect(DistinctAnswers.duplicates([("a", "x"), ("b", "y"), ("c", "x"), ("d", "y"), ("e", "z")]) == ["a and c share 'x'", "b and d share 'y'"])
        #expect(DistinctAnswers.duplicates([("a", "1"), ("b", "2")]).isEmpty)
    }

    @Test func subnetAndAddressChecks() {
        #expect(ValidatorRegistry.check("same-subnet", ["ip": "192.168.1.7", "subnet": "192.168.1.0/24"], context: context).passed)
        #expect(ValidatorRegistry.check("same-subnet", ["ip": "192.168.2.7", "subnet": "192.168.1.0/24"], context: context).found == "192.168.2.7 is outside it")
        #expect(ValidatorRegistry.check("same-subnet", ["ip": "192.168.1.255", "subnet": "192.168.1.0/24"], context: context).found == "192.168.1.255 is its broadcast address")
        let taken = ValidatorRegistry.check("address-free", ["ip": "127.0.0.1"], context: context)
        #expect(!taken.passed && taken.found == "127.0.0.1 answers: something already uses it")
    }

    @Test func reachableOpensATCPConnection() throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        #expect(ValidatorRegistry.check("reachable", ["host": "127.0.0.1", "port": String(listener.port)], context: context).passed)
        let closedPort = listener.port == 65000 ? 65001 : 65000
        let refused = ValidatorRegistry.check("reachable", ["host": "127.0.0.1", "port": String(closedPort), "wait": "1"], context: context)
        #expect(!refused.passed)
        #expect(refused.found.contains("Connection refused"), "\(refused.found)")
    }

    @Test func reachableWaitsForAHostThatIsStillStarting() throws {
        // The port refuses connections for 2 s, then accepts them.
        let listener = try LoopbackListener(listening: false)
        defer { listener.close() }
        let port = listener.port
        let thread = Thread {
            Thread.sleep(forTimeInterval: 2)
            listener.startListening()
        }
        thread.start()
        #expect(ValidatorRegistry.check("reachable", ["host": "127.0.0.1", "port": String(port), "wait": "8"], context: context).passed)
    }

    // MARK: MPI

    @Test func machinefilesAreCheckedAgainstTheNodes() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("machinefile")
        try "# cluster\n192.168.1.101\n192.168.1.102:4\n192.168.1.103 # third\n".write(to: file, atomically: true, encoding: .utf8)
        let nodes = "192.168.1.101 192.168.1.102 192.168.1.103"
        #expect(ValidatorRegistry.check("machinefile", ["path": file.path, "nodes": nodes], context: context).passed)
        try "192.168.1.101\n192.168.1.101\n192.168.1.102:x\n10.0.0.9\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = ValidatorRegistry.check("machinefile", ["path": file.path, "nodes": nodes], context: context)
        #expect(bad.found == "192.168.1.101 is listed 2 times; 192.168.1.102 is missing; 192.168.1.103 is missing; line 3 is not 'host' or 'host:n': '192.168.1.102:x'; line 4: 10.0.0.9 is not one of the nodes")
    }

    @Test func mpiexecHostnameOutputIsJudged() {
        let expected = ["raspi1", "raspi2", "raspi3", "raspi4"]
        let good = MPIHostnamesValidator.judge(output: "raspi2\nraspi1\nraspi4\nraspi3\n", exitStatus: 0, timedOut: false, count: 4, expected: expected)
        #expect(good.passed)
        let duplicate = MPIHostnamesValidator.judge(output: "raspi1\nraspi1\nraspi3\nraspi4\n", exitStatus: 0, timedOut: false, count: 4, expected: expected)
        #expect(duplicate.found == "4 answers: raspi1, raspi1, raspi3, raspi4; missing raspi2")
        let hydra = "ssh: connect to host 192.168.1.103 port 22: No route to host\n[mpiexec@raspi1] HYDU_sock_write (utils/sock/sock.c:256): write error (Bad file descriptor)\n"
        let failed = MPIHostnamesValidator.judge(output: hydra, exitStatus: 255, timedOut: false, count: 4, expected: expected)
        #expect(failed.found.hasPrefix("mpiexec failed (exit 255): ssh: connect to host 192.168.1.103 port 22: No route to host"))
        let hung = MPIHostnamesValidator.judge(output: "Host key verification failed.\n", exitStatus: 143, timedOut: true, count: 4, expected: expected)
        #expect(hung.found.hasPrefix("mpiexec did not finish"))
    }

    @Test(arguments: [("8G", UInt64(8) << 30), ("512M", 512 << 20), ("4096", 4096), ("1.5K", 1536), ("2GiB", 2 << 30), ("x", nil)])
    func sizes(_ text: String, _ bytes: UInt64?) {
        #expect(ByteSize.parse(text) == bytes)
    }
}
