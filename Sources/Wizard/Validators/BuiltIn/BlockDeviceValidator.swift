import Foundation
import Lessons

/// `block-device`: the device exists and has every listed property, judged from `lsblk --json`.
public struct BlockDeviceValidator: Validator {
    public static let spec = ValidatorSpec("block-device", arguments: [
        .required("device"), .optional("removable", .flag), .optional("unmounted", .flag), .optional("not-system", .flag),
        .optional("min-size", .size), .optional("fits"),
    ], summary: "the device exists and has every listed property (`lsblk --json`); `fits: FILE`: at least as large as the file (the image to write). The practice lab's reader counts as a removable card")

    /// The properties asked for.
    public struct Wanted: Sendable, Hashable {
        public var removable = false
        public var unmounted = false
        public var notSystem = false
        public var minimumSize: UInt64?

        public init(removable: Bool = false, unmounted: Bool = false, notSystem: Bool = false, minimumSize: UInt64? = nil) {
            self.removable = removable
            self.unmounted = unmounted
            self.notSystem = notSystem
            self.minimumSize = minimumSize
        }
    }

    public var device: String
    public var wanted: Wanted
    /// A file the device must be at least as large as.
    public var fits: String?

    public init(_ arguments: ValidatorArguments) throws {
        device = try arguments.text("device")
        wanted = Wanted(removable: try arguments.flag("removable"), unmounted: try arguments.flag("unmounted"),
                        notSystem: try arguments.flag("not-system"), minimumSize: try arguments.size("min-size"))
        fits = try arguments.optional("fits")
    }

    var title: String { "block-device \(device)" }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        var wanted = self.wanted
        if let fits {
            let size = try context.run("stat -L -c %s -- \(fits)")
            guard size.exitStatus == 0, let bytes = UInt64(size.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                return .fail(title, expected: "\(fits) to exist (the image to write)", found: OutputSummary.lastLines(size.output))
            }
            wanted.minimumSize = bytes
        }
        guard context.standInDevices.contains(device) else {
            let disks = try context.run(ShellText(authored: BlockDeviceReport.command))
            guard disks.exitStatus == 0 else { return lsblkFailed(disks) }
            let report = try BlockDeviceReport(json: disks.output)
            // A link such as /dev/disk/by-id/... names the device it points to.
            let link = try context.run("readlink -f -- \(device)")
            let resolved = link.exitStatus == 0 ? link.output.trimmingCharacters(in: .whitespacesAndNewlines) : device
            return Self.judge(device: device, resolved: resolved, report: report, wanted: wanted)
        }
        // The practice lab's card reader: a link to the loop device of the card in it. It stands for a
        // USB card reader, so it counts as removable whatever lsblk says.
        let link = try context.run("readlink -e -- \(device)")
        let resolved = link.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard link.exitStatus == 0, !resolved.isEmpty else {
            return .fail(title, expected: "a card in the practice lab's reader", found: "the reader is empty (piwizard lab card insert NODE puts a card in)")
        }
        let disks = try context.run(ShellText(authored: BlockDeviceReport.command))
        guard disks.exitStatus == 0 else { return lsblkFailed(disks) }
        let report = try BlockDeviceReport(json: disks.output)
        wanted.removable = false
        return Self.judge(device: device, resolved: resolved, report: report, wanted: wanted, standIn: true)
    }

    func lsblkFailed(_ result: CommandResult) -> CheckOutcome {
        .fail(title, expected: "lsblk to list the disks", found: OutputSummary.lastLines(result.output))
    }

    /// The verdict on a device from an lsblk report (pure, so it is unit-tested on real lsblk output).
    public static func judge(device: String, resolved: String, report: BlockDeviceReport, wanted: Wanted, standIn: Bool = false) -> CheckOutcome {
        let title = "block-device \(device)"
        var expected: [String] = ["exists"]
        guard let found = report.device(resolved) ?? report.device(device) else {
            let disks = report.devices.filter { $0.type == "disk" }.map { "\($0.path) (\(ByteSize.format($0.size)))" }
            var missing = CheckOutcome.fail(title, expected: "a block device \(device)", found: "no such device; disks: \(disks.joined(separator: ", "))")
            missing.unsafeDevice = device
            return missing
        }
        var problems: [String] = []
        var unsafe = false
        if wanted.removable {
            expected.append("removable")
            if !found.removable { problems.append("not removable"); unsafe = true }
        }
        if wanted.unmounted {
            expected.append("not mounted")
            let mounts = found.allMountpoints
            if !mounts.isEmpty { problems.append("mounted at \(mounts.joined(separator: ", "))") }
        }
        if wanted.notSystem {
            expected.append("not the system disk")
            let top = report.topLevel(containing: found.path) ?? found
            if top.holdsSystem {
                problems.append("\(top.path) holds this computer's system (\(top.allMountpoints.joined(separator: ", ")))")
                unsafe = true
            }
        }
        if let minimum = wanted.minimumSize {
            expected.append("at least \(ByteSize.format(minimum))")
            if found.size < minimum {
                problems.append("only \(ByteSize.format(found.size)): \(minimum - found.size) bytes too small (\(found.size) bytes, \(minimum) needed)")
            }
        }
        let description = describe(found, standIn: standIn)
        guard !problems.isEmpty else { return .pass(title, expected: expected.joined(separator: ", "), found: description) }
        var failed = CheckOutcome.fail(title, expected: expected.joined(separator: ", "), found: problems.joined(separator: "; ") + " — \(description)")
        if unsafe { failed.unsafeDevice = device }
        return failed
    }

    /// `/dev/sdb: 29.7 GiB, removable, model "SD Card Reader", usb, not mounted`; a stand-in for a
    /// card reader (the practice lab's) says so instead of "removable" or "fixed".
    public static func describe(_ device: BlockDeviceReport.Device, standIn: Bool = false) -> String {
        var words = ["\(device.path): \(ByteSize.format(device.size))", standIn ? "the practice lab's card reader" : device.removable ? "removable" : "fixed"]
        if let model = device.model { words.append("model \"\(model)\"") }
        if let transport = device.transport { words.append(transport) }
        let mounts = device.allMountpoints
        words.append(mounts.isEmpty ? "not mounted" : "mounted at \(mounts.joined(separator: ", "))")
        return words.joined(separator: ", ")
    }
}
