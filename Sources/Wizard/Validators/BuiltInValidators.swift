import Foundation
import Lessons

/// The built-in validators of `docs/lesson-format.md`. Each builds shell text, runs it where the check
/// runs (through the context), and judges the output. Arguments arrive with their templates filled in.
public enum BuiltInValidators {
    /// Runs the validator `name` with `arguments`. A validator that cannot run (a tool missing, an
    /// unreadable answer) fails with what it found; it never throws.
    public static func check(_ name: String, _ arguments: [String: String], context: ValidatorContext) -> CheckOutcome {
        do {
            switch name {
            case "block-device": return try blockDevice(arguments, context)
            case "image-matches-device": return try imageMatchesDevice(arguments, context)
            case "same-content": return try sameContent(arguments, context)
            case "file-contains": return try fileContains(arguments, context)
            case "hostname-is": return try hostnameIs(arguments, context)
            case "unique-across-nodes": return try uniqueAcrossNodes(arguments, context)
            case "unique-host-keys": return try uniqueHostKeys(arguments, context)
            case "authorized-key-once": return try authorizedKeyOnce(arguments, context)
            case "known-host": return try knownHost(arguments, context)
            case "address-free": return try addressFree(arguments, context)
            case "same-subnet": return try sameSubnet(arguments)
            case "reachable": return try reachable(arguments, context)
            case "ssh-key-exists": return try sshKeyExists(arguments, context)
            case "ssh-key-login": return try sshKeyLogin(arguments, context)
            case "machinefile": return try machinefile(arguments, context)
            case "mpi-hostnames": return try mpiHostnames(arguments, context)
            case "output-matches": return try outputMatches(arguments, context)
            default: return .fail(name, expected: "a built-in validator", found: "no validator named '\(name)'")
            }
        } catch {
            return .fail(name, expected: "the check to run", found: "\(error)")
        }
    }

    // MARK: Disks

    static func blockDevice(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let device = try argument("device", arguments)
        let title = "block-device \(device)"
        var arguments = arguments
        if let file = arguments["fits"], !file.isEmpty {
            // At least as large as the file (the image to write).
            let size = try context.run("stat -L -c %s -- \(ShellQuote.quote(file))")
            guard size.exitStatus == 0, let bytes = UInt64(size.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                return .fail(title, expected: "\(file) to exist (the image to write)", found: lastLines(size.output))
            }
            arguments["min-size"] = String(bytes)
        }
        if context.standInDevices.contains(device) { return try standInCard(device, arguments, context) }
        let result = try context.run(BlockDeviceReport.command)
        guard result.exitStatus == 0 else {
            return .fail(title, expected: "lsblk to list the disks", found: lastLines(result.output))
        }
        let report = try BlockDeviceReport(json: result.output)
        // A link such as /dev/disk/by-id/... names the device it points to.
        let link = try context.run("readlink -f -- \(ShellQuote.quote(device))")
        let resolved = link.exitStatus == 0 ? link.output.trimmingCharacters(in: .whitespacesAndNewlines) : device
        return judge(device: device, resolved: resolved, report: report, arguments: arguments)
    }

    /// The practice lab's card reader: a link to the loop device of the card in it. It must hold a
    /// card; it counts as removable (it stands for a USB card reader); everything else is judged from
    /// lsblk as for any disk.
    static func standInCard(_ device: String, _ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let title = "block-device \(device)"
        let link = try context.run("readlink -e -- \(ShellQuote.quote(device))")
        let resolved = link.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard link.exitStatus == 0, !resolved.isEmpty else {
            return .fail(title, expected: "a card in the practice lab's reader", found: "the reader is empty (piwizard lab card insert NODE puts a card in)")
        }
        let result = try context.run(BlockDeviceReport.command)
        guard result.exitStatus == 0 else {
            return .fail(title, expected: "lsblk to list the disks", found: lastLines(result.output))
        }
        var arguments = arguments
        arguments["removable"] = nil
        var outcome = judge(device: device, resolved: resolved, report: try BlockDeviceReport(json: result.output), arguments: arguments)
        outcome.found += " (the practice lab's card reader)"
        return outcome
    }

    /// The verdict on a device from an lsblk report (pure, so it is unit-tested on real lsblk output).
    public static func judge(device: String, resolved: String, report: BlockDeviceReport, arguments: [String: String]) -> CheckOutcome {
        let title = "block-device \(device)"
        var wanted: [String] = ["exists"]
        guard let found = report.device(resolved) ?? report.device(device) else {
            let disks = report.devices.filter { $0.type == "disk" }.map { "\($0.path) (\(formatSize($0.size)))" }
            return .fail(title, expected: "a block device \(device)", found: "no such device; disks: \(disks.joined(separator: ", "))")
        }
        var problems: [String] = []
        if isTrue(arguments["removable"]) {
            wanted.append("removable")
            if !found.removable { problems.append("not removable") }
        }
        if isTrue(arguments["unmounted"]) {
            wanted.append("not mounted")
            let mounts = found.allMountpoints
            if !mounts.isEmpty { problems.append("mounted at \(mounts.joined(separator: ", "))") }
        }
        if isTrue(arguments["not-system"]) {
            wanted.append("not the system disk")
            let top = report.topLevel(containing: found.path) ?? found
            if top.holdsSystem { problems.append("\(top.path) holds this computer's system (\(top.allMountpoints.joined(separator: ", ")))") }
        }
        if let minimum = arguments["min-size"] {
            guard let bytes = parseSize(minimum) else {
                return .fail(title, expected: "min-size as a size such as 8G", found: "'\(minimum)'")
            }
            wanted.append("at least \(formatSize(bytes))")
            if found.size < bytes { problems.append("only \(formatSize(found.size))") }
        }
        let description = describe(found)
        return problems.isEmpty
            ? .pass(title, expected: wanted.joined(separator: ", "), found: description)
            : .fail(title, expected: wanted.joined(separator: ", "), found: problems.joined(separator: "; ") + " — \(description)")
    }

    /// `/dev/sdb: 29.7 GiB, removable, model "SD Card Reader", usb, not mounted`.
    public static func describe(_ device: BlockDeviceReport.Device) -> String {
        var words = ["\(device.path): \(formatSize(device.size))", device.removable ? "removable" : "fixed"]
        if let model = device.model { words.append("model \"\(model)\"") }
        if let transport = device.transport { words.append(transport) }
        let mounts = device.allMountpoints
        words.append(mounts.isEmpty ? "not mounted" : "mounted at \(mounts.joined(separator: ", "))")
        return words.joined(separator: ", ")
    }

    static func imageMatchesDevice(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let image = try argument("image", arguments)
        let device = try argument("device", arguments)
        let title = "image-matches-device \(image)"
        let quotedDevice = ShellQuote.quote(device)
        let result = try context.run("stat -L -c %s -- \(ShellQuote.quote(image)) && "
            + "if [ -b \(quotedDevice) ]; then lsblk -bdno SIZE -- \(quotedDevice); else stat -L -c %s -- \(quotedDevice); fi")
        let numbers = result.output.split(whereSeparator: \.isNewline).compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard result.exitStatus == 0, numbers.count == 2 else {
            return .fail(title, expected: "the image and the device to exist", found: lastLines(result.output))
        }
        let expected = "\(image) as large as \(device) (\(numbers[1]) bytes)"
        return numbers[0] == numbers[1]
            ? .pass(title, expected: expected, found: "\(numbers[0]) bytes")
            : .fail(title, expected: expected, found: "\(numbers[0]) bytes (\(formatSize(numbers[0])) of \(formatSize(numbers[1])))")
    }

    static func sameContent(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let source = try argument("source", arguments)
        let target = try argument("target", arguments)
        let title = "same-content \(target)"
        let count = arguments["bytes"].map { parseSize($0).map(String.init) ?? $0 } ?? "$(stat -L -c %s -- \(ShellQuote.quote(source)))"
        let result = try context.run("cmp -n \(count) -- \(ShellQuote.quote(source)) \(ShellQuote.quote(target)) 2>&1 && echo same")
        let expected = "\(target) to hold the same bytes as \(source)"
        return result.exitStatus == 0
            ? .pass(title, expected: expected, found: "the same bytes")
            : .fail(title, expected: expected, found: lastLines(result.output))
    }

    // MARK: Files and commands

    static func fileContains(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let path = try argument("path", arguments)
        let pattern = try argument("pattern", arguments)
        let title = "file-contains \(path)"
        let result = try context.run("grep -E -n -e \(ShellQuote.quote(pattern)) -- \(ShellQuote.quote(path))")
        let expected = "a line of \(path) matching /\(pattern)/"
        switch result.exitStatus {
        case 0: return .pass(title, expected: expected, found: lastLines(result.output))
        case 1: return .fail(title, expected: expected, found: "no such line")
        default: return .fail(title, expected: expected, found: lastLines(result.output))
        }
    }

    static func outputMatches(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let command = try argument("command", arguments)
        let pattern = try argument("pattern", arguments)
        let title = "output-matches: \(command)"
        let regex = try compile(pattern)
        let result = try context.run(command)
        let expected = "output matching /\(pattern)/"
        let matches = regex.firstMatch(in: result.output, range: NSRange(result.output.startIndex..., in: result.output)) != nil
        if result.timedOut { return .fail(title, expected: expected, found: "no answer before the timeout; " + lastLines(result.output)) }
        return matches ? .pass(title, expected: expected, found: lastLines(result.output)) : .fail(title, expected: expected, found: "exit \(result.exitStatus): " + lastLines(result.output))
    }

    // MARK: Hosts

    static func hostnameIs(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let host = try argument("host", arguments)
        let expected = try argument("expected", arguments)
        let title = "hostname-is \(host)"
        let result = try context.run(context.onHost(host, "hostname"))
        let name = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitStatus == 0 else {
            return .fail(title, expected: "\(host) to answer with the name \(expected)", found: "no answer: " + lastLines(result.output))
        }
        return name == expected
            ? .pass(title, expected: expected, found: name)
            : .fail(title, expected: "\(host) to be called \(expected)", found: "it is called \(name)")
    }

    static func uniqueAcrossNodes(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let nodes = try argument("nodes", arguments).split(separator: " ").map(String.init)
        let command = try argument("command", arguments)
        let title = "unique-across-nodes: \(command)"
        // Every node at once (at most `jobs`); one that does not answer does not hold up the others.
        let answers = context.runAll(nodes.map { context.onHost($0, command) })
        var values: [(node: String, value: String)] = []
        var failures: [String] = []
        for (node, answer) in zip(nodes, answers) {
            switch answer {
            case .success(let result) where result.exitStatus == 0:
                values.append((node, result.output.trimmingCharacters(in: .whitespacesAndNewlines)))
            case .success(let result):
                failures.append("\(node): no answer (\(lastLines(result.output, count: 1)))")
            case .failure(let error):
                failures.append("\(node): no answer (\(error))")
            }
        }
        let verdict = judgeUnique(values)
        let expected = "a different answer from each of \(nodes.count) nodes"
        if !failures.isEmpty { return .fail(title, expected: expected, found: (failures + verdict).joined(separator: "; ")) }
        return verdict.isEmpty
            ? .pass(title, expected: expected, found: "\(values.count) different answers")
            : .fail(title, expected: expected, found: verdict.joined(separator: "; "))
    }

    /// The groups of nodes that gave the same answer, as sentences; empty when all differ.
    public static func judgeUnique(_ values: [(node: String, value: String)]) -> [String] {
        var groups: [String: [String]] = [:]
        var order: [String] = []
        for (node, value) in values {
            if groups[value] == nil { order.append(value) }
            groups[value, default: []].append(node)
        }
        return order.compactMap { value in
            guard let nodes = groups[value], nodes.count > 1 else { return nil }
            return "\(nodes.joined(separator: " and ")) share '\(value.count > 60 ? String(value.prefix(57)) + "..." : value)'"
        }
    }

    static func addressFree(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let ip = try argument("ip", arguments)
        guard IPv4Address(ip) != nil else { throw ValidatorError.badArgument("'\(ip)' is not an IPv4 address") }
        let title = "address-free \(ip)"
        let quoted = ShellQuote.quote(ip)
        // On the same link, duplicate address detection (iputils' `arping -D`) also finds a device that
        // ignores ping; elsewhere, or without arping, one ping.
        let script = "dev=$(ip -o route get \(quoted) 2>/dev/null | grep -v ' via ' | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p'); "
            + "if [ -n \"$dev\" ] && [ \"$dev\" != lo ] && arping -V 2>&1 | grep -q iputils; then "
            + "arping -D -q -c 2 -w 3 -I \"$dev\" \(quoted) >/dev/null 2>&1; s=$?; if [ $s -le 1 ]; then echo \"arp $((1 - s))\"; exit; fi; fi; "
            + "command -v ping >/dev/null || { echo no-ping; exit; }; ping -c 1 -W 1 -- \(quoted) >/dev/null 2>&1; echo $?"
        let result = try context.run(script)
        let status = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let expected = "nothing to answer on \(ip)"
        switch status {
        case "0": return .fail(title, expected: expected, found: "\(ip) answers: something already uses it")
        case "1": return .pass(title, expected: expected, found: "no answer")
        case "arp 0": return .fail(title, expected: expected, found: "\(ip) answers ARP (arping -D): a device on this network already uses it")
        case "arp 1": return .pass(title, expected: expected, found: "no answer to duplicate address detection (arping -D)")
        case "no-ping": return .fail(title, expected: expected, found: "cannot tell: ping is not installed (Debian package iputils-ping)")
        default: return .fail(title, expected: expected, found: "cannot tell: ping ended with status \(status)")
        }
    }

    static func sameSubnet(_ arguments: [String: String]) throws -> CheckOutcome {
        let ip = try argument("ip", arguments)
        let subnetText = try argument("subnet", arguments)
        let title = "same-subnet \(ip)"
        guard let address = IPv4Address(ip) else { return .fail(title, expected: "an IPv4 address", found: "'\(ip)'") }
        guard let subnet = IPv4Network(subnetText) else { return .fail(title, expected: "a subnet such as 192.168.1.0/24", found: "'\(subnetText)'") }
        let expected = "a host address inside \(subnet)"
        if !subnet.contains(address) { return .fail(title, expected: expected, found: "\(ip) is outside it") }
        if !subnet.isUsableHost(address) { return .fail(title, expected: expected, found: "\(ip) is its \(address == subnet.network ? "network" : "broadcast") address") }
        if let gateway = arguments["gateway"], !gateway.isEmpty, IPv4Address(gateway) == address {
            return .fail(title, expected: expected + ", not the gateway", found: "\(ip) is the gateway's address")
        }
        return .pass(title, expected: expected, found: ip)
    }

    /// Shell text that opens a TCP connection to `host:port` (bash's `/dev/tcp`), giving up after 5 s;
    /// exit status 0 when something accepts it.
    static func tcpProbe(_ host: String, port: Int) -> String {
        "timeout 5 bash -c 'exec 3<>/dev/tcp/\"$0\"/\"$1\"' \(ShellQuote.quote(host)) \(port) 2>&1"
    }

    static func reachable(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let host = try argument("host", arguments)
        let port = arguments["port"] ?? "22"
        guard let portNumber = Int(port), (1...65535).contains(portNumber) else { throw ValidatorError.badArgument("port '\(port)' is not a port number") }
        let wait = arguments["wait"] ?? "10"
        guard let seconds = Int(wait), (0...600).contains(seconds) else { throw ValidatorError.badArgument("wait '\(wait)' is not a number of seconds") }
        let title = "reachable \(host):\(portNumber)"
        // A node that has just restarted may take a moment (and a neighbour cache may still remember
        // that nobody had the address): try again each second for `wait` seconds.
        let attempt = tcpProbe(host, port: portNumber)
        let script = seconds == 0 ? attempt : "end=$(( $(date +%s) + \(seconds) )); while :; do \(attempt); status=$?; "
            + "if [ $status = 0 ] || [ $(date +%s) -ge $end ]; then exit $status; fi; sleep 1; done"
        let result = try context.run(script, max(context.timeout ?? 60, Double(seconds + 10)))
        let expected = "\(host) to accept connections on port \(portNumber)"
        return result.exitStatus == 0
            ? .pass(title, expected: expected, found: "it does")
            : .fail(title, expected: expected, found: result.exitStatus == 124 ? "no answer within \(max(seconds, 5)) s" : lastLines(result.output, count: 1))
    }

    // MARK: ssh

    static func sshKeyExists(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let path = try argument("path", arguments)
        let title = "ssh-key-exists \(path)"
        let key = ShellQuote.quote(path)
        let script = "stat -c '%a %n' -- \(key) \(key).pub && echo derived $(ssh-keygen -y -f \(key) </dev/null | cut -d' ' -f1,2) && echo stored $(cut -d' ' -f1,2 \(key).pub)"
        let result = try context.run(script)
        return judgeKey(path: path, output: result.output, exitStatus: result.exitStatus, title: title)
    }

    /// The verdict on `ssh-key-exists` output: modes, and the public half matching the private one.
    public static func judgeKey(path: String, output: String, exitStatus: Int32, title: String) -> CheckOutcome {
        let expected = "a private key \(path) (mode 600 or stricter) and its matching .pub (not writable by others)"
        guard exitStatus == 0 else { return .fail(title, expected: expected, found: lastLines(output)) }
        var modes: [Int] = []
        var derived = ""
        var stored = ""
        for line in output.split(separator: "\n") {
            if line.hasPrefix("derived ") { derived = String(line.dropFirst(8)) }
            else if line.hasPrefix("stored ") { stored = String(line.dropFirst(7)) }
            else if let mode = line.split(separator: " ").first.flatMap({ Int($0, radix: 8) }) { modes.append(mode) }
        }
        guard modes.count == 2 else { return .fail(title, expected: expected, found: lastLines(output)) }
        if modes[0] & 0o077 != 0 { return .fail(title, expected: expected, found: "the private key has mode \(String(modes[0], radix: 8)); run chmod 600 \(path)") }
        if modes[1] & 0o022 != 0 { return .fail(title, expected: expected, found: "\(path).pub can be written by others (mode \(String(modes[1], radix: 8)))") }
        if derived.isEmpty { return .fail(title, expected: expected, found: "ssh-keygen cannot read the private key (a passphrase, or not a key)") }
        if derived != stored { return .fail(title, expected: expected, found: "\(path).pub does not belong to \(path)") }
        let type = derived.split(separator: " ").first.map(String.init) ?? "key"
        return .pass(title, expected: expected, found: "\(type) key, modes \(String(modes[0], radix: 8)) and \(String(modes[1], radix: 8))")
    }

    static func sshKeyLogin(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let host = try argument("host", arguments)
        let user = try argument("user", arguments)
        let title = "ssh-key-login \(user)@\(host)"
        let identity = arguments["key"].map { " -o IdentitiesOnly=yes -i \(ShellQuote.quote($0))" } ?? ""
        let result = try context.run("\(context.ssh)\(identity) \(ShellQuote.quote("\(user)@\(host)")) true 2>&1")
        let expected = "ssh to log in as \(user)@\(host) with a key, without a password"
        return result.exitStatus == 0
            ? .pass(title, expected: expected, found: "it does")
            : .fail(title, expected: expected, found: lastLines(result.output, count: 2))
    }

    // MARK: MPI

    static func machinefile(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let path = try argument("path", arguments)
        let nodes = try argument("nodes", arguments).split(separator: " ").map(String.init)
        let title = "machinefile \(path)"
        let result = try context.run("cat -- \(ShellQuote.quote(path))")
        let expected = "every node exactly once: \(nodes.joined(separator: ", "))"
        guard result.exitStatus == 0 else { return .fail(title, expected: expected, found: lastLines(result.output)) }
        let file = Machinefile(text: result.output)
        var problems = file.problems(expecting: nodes)
        if problems.isEmpty, isTrue(arguments["reachable"]) {
            // mpiexec reaches the hosts over ssh: every one must answer on port 22 from here.
            let hosts = file.entries.map(\.host)
            let answers = context.runAll(hosts.map { tcpProbe($0, port: 22) })
            for (host, answer) in zip(hosts, answers) where (try? answer.get())?.exitStatus != 0 {
                problems.append("\(host) does not answer on ssh from here")
            }
        }
        return problems.isEmpty
            ? .pass(title, expected: expected + (isTrue(arguments["reachable"]) ? ", each answering" : ""), found: "\(nodes.count) nodes")
            : .fail(title, expected: expected, found: problems.joined(separator: "; "))
    }

    static func mpiHostnames(_ arguments: [String: String], _ context: ValidatorContext) throws -> CheckOutcome {
        let machinefile = try argument("machinefile", arguments)
        let countText = try argument("count", arguments)
        guard let count = Int(countText), count > 0 else { throw ValidatorError.badArgument("count '\(countText)' is not a number") }
        let expected = try argument("expected", arguments).split(separator: " ").map(String.init)
        let title = "mpi-hostnames"
        let result = try context.run("cd && mpiexec -f \(ShellQuote.quote(machinefile)) -n \(count) hostname 2>&1")
        return judgeMPIHostnames(output: result.output, exitStatus: result.exitStatus, timedOut: result.timedOut, count: count, expected: expected, title: title)
    }

    /// The verdict on `mpiexec ... hostname` output: `count` lines naming every expected host.
    public static func judgeMPIHostnames(output: String, exitStatus: Int32, timedOut: Bool, count: Int, expected: [String], title: String) -> CheckOutcome {
        let wanted = "\(count) processes answering from \(expected.joined(separator: ", "))"
        if timedOut { return .fail(title, expected: wanted, found: "mpiexec did not finish (a node that cannot reach the master hangs it): " + lastLines(output)) }
        guard exitStatus == 0 else { return .fail(title, expected: wanted, found: "mpiexec failed (exit \(exitStatus)): " + lastLines(output)) }
        let names = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let missing = expected.filter { !names.contains($0) }
        let strangers = Set(names).subtracting(expected).sorted()
        if names.count != count || !missing.isEmpty || !strangers.isEmpty {
            var found = ["\(names.count) answers: \(names.joined(separator: ", "))"]
            if !missing.isEmpty { found.append("missing \(missing.joined(separator: ", "))") }
            if !strangers.isEmpty { found.append("unexpected \(strangers.joined(separator: ", "))") }
            return .fail(title, expected: wanted, found: found.joined(separator: "; "))
        }
        return .pass(title, expected: wanted, found: names.joined(separator: ", "))
    }

    // MARK: Helpers

    static func argument(_ name: String, _ arguments: [String: String]) throws -> String {
        guard let value = arguments[name], !value.isEmpty else { throw ValidatorError.badArgument("missing argument '\(name)'") }
        return value
    }

    static func isTrue(_ value: String?) -> Bool { value == "true" || value == "yes" }

    static func compile(_ pattern: String) throws -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) } catch {
            throw ValidatorError.badArgument("'\(pattern)' is not a regular expression")
        }
    }

    /// `8G`, `512M`, `4096`: bytes (binary units).
    public static func parseSize(_ text: String) -> UInt64? {
        let units: [Character: UInt64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "IB", with: "").replacingOccurrences(of: "B", with: "")
        if let last = trimmed.last, let unit = units[last], let number = Double(trimmed.dropLast()) { return UInt64(number * Double(unit)) }
        return UInt64(trimmed)
    }

    public static func formatSize(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }

    /// The last lines of some output, trimmed, for "found: ...".
    public static func lastLines(_ text: String, count: Int = 3) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.isEmpty ? "(no output)" : lines.suffix(count).joined(separator: " / ")
    }
}
