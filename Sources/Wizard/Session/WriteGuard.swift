import Lessons

/// The safeguard before a command that writes a file a `path` input names (`dd of={{image}}`,
/// `> {{out}}`, `tee {{file}}`: `WrittenPlaces`): it must not be a block device, the file behind a loop
/// device that a `block-device` input names (the practice lab's card reader holds a node's card file),
/// or a file on a partition of such a device (for a command on this computer, where those devices are).
/// Asked before the command runs, unattended too; a refusal names both inputs and runs nothing.
enum WriteGuard {
    /// An input and its value.
    struct Target: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// The path inputs the block writes, and the devices the lesson's `block-device` inputs name now.
    static func targets(of block: Block, in step: Step, lesson: Lesson, values: StepValues, item: LoopItem?) -> (files: [Target], devices: [Target]) {
        guard block.kind == .run, block.validator == nil else { return ([], []) }
        let context = values.templateContext(item)
        var files: [Target] = []
        for path in WrittenPlaces.paths(in: block.body) where lesson.declaration(of: path, in: step)?.type == .path {
            if let value = context.words(for: path)?.first, !value.isEmpty, !files.contains(where: { $0.value == value }) {
                files.append(Target(name: path.description, value: value))
            }
        }
        // A block-device input names a device of this computer: a command elsewhere cannot reach it.
        let devices = block.target != .local ? [] : lesson.inputs.filter { $0.type == .blockDevice }.compactMap { input in
            values.inputs[input.name]?.text.map { Target(name: input.name, value: $0) }
        }
        return (files, devices)
    }

    /// For each file: where it resolves, whether it is a block device, the device its folder's file
    /// system is on; for each device: where it resolves and the file behind it when it is a loop device.
    /// One tab-separated line each.
    static func probe(files: [Target], devices: [Target], host: RemoteHost?) -> CommandRequest {
        var lines: [ShellText] = []
        for file in files {
            let value = file.value
            lines.append("f=$(readlink -f -- \(value) 2>/dev/null); printf 'file\\t%s\\t%s\\t%s\\n' \"$f\" \"$(test -b \(value) && echo block)\" \"$(findmnt -no SOURCE -T \"$(dirname -- \"${f:-.}\")\" 2>/dev/null | head -n 1)\"")
        }
        for device in devices {
            let value = device.value
            lines.append("d=$(readlink -f -- \(value) 2>/dev/null); printf 'device\\t%s\\t%s\\n' \"$d\" \"$(cat \"/sys/block/$(basename -- \"${d:-none}\")/loop/backing_file\" 2>/dev/null)\"")
        }
        return CommandRequest(command: lines.map(\.description).joined(separator: "\n"), host: host)
    }

    /// Why the command must not run, from `probe`'s output; nil when it may.
    static func verdict(output: String, files: [Target], devices: [Target]) -> String? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let found = lines.filter { $0.first == "file" }
        let resolvedDevices = lines.filter { $0.first == "device" }
        for (index, file) in files.enumerated() where index < found.count && found[index].count == 4 {
            let (resolved, isBlock, source) = (found[index][1], found[index][2] == "block", found[index][3])
            if isBlock {
                return "Refused: \(file.name) is \(file.value), a block device (\(resolved)), and this command writes to it as to a file. Nothing was run."
            }
            for (offset, device) in devices.enumerated() where offset < resolvedDevices.count && resolvedDevices[offset].count == 3 {
                let (disk, backing) = (resolvedDevices[offset][1], resolvedDevices[offset][2])
                if !backing.isEmpty, resolved == backing {
                    return "Refused: \(file.name) is \(file.value), the file behind \(device.name) (\(device.value)): writing it would destroy the card it holds. Nothing was run."
                }
                if !disk.isEmpty, !source.isEmpty, source == disk || isPartition(source, of: disk) {
                    return "Refused: \(file.name) (\(file.value)) lies on \(source), part of \(device.name) (\(device.value)), which this lesson reads or writes as a whole. Nothing was run."
                }
            }
        }
        return nil
    }

    /// Whether `partition` is a partition of `disk` (`/dev/sdb2` of `/dev/sdb`, `/dev/loop3p1` of `/dev/loop3`).
    static func isPartition(_ partition: String, of disk: String) -> Bool {
        guard partition.hasPrefix(disk) else { return false }
        var rest = partition.dropFirst(disk.count)
        if rest.hasPrefix("p") { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy(\.isNumber)
    }
}
