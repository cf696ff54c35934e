import Foundation
import Lessons

/// The safeguard before a command that writes over a disk: which device the step names, what the
/// disk report says about it (never the system disk, never a mounted device, whatever the lesson
/// checked before), and whether the learner typed its name to confirm.
enum DestructiveGuard {
    /// The device the step's `block-device` precondition names, filled from `context`; nil when the
    /// step names none (the learner is then asked yes or no).
    static func device(of step: Step, context: TemplateContext) -> String? {
        deviceArgument(of: step).map { TemplateRenderer.preview($0, context: context, quoting: .none) }
    }

    /// The `device` argument of the step's `block-device` precondition, as the lesson wrote it.
    private static func deviceArgument(of step: Step) -> String? {
        step.blocks(.precondition).compactMap { $0.validator?.name == "block-device" ? $0.validator?.arguments["device"] : nil }.first
    }

    /// Where a device link points, and the file a loop device shows as a disk.
    struct Resolved: Sendable, Hashable {
        /// The device itself (`readlink -f`), e.g. `/dev/sdb` for `/dev/disk/by-id/usb-…`.
        var path: String
        /// The file behind it when it is a loop device (the practice lab's card reader: a node's card
        /// image), else nil.
        var backingFile: String?
    }

    /// Where a link such as /dev/disk/by-id/… (or the practice lab's reader) points, then the file
    /// behind it when it is a loop device (one line each; the second may be empty).
    static func resolving(_ device: String, host: RemoteHost?) -> CommandRequest {
        let link = ShellQuote.quote(device)
        return CommandRequest(command: "readlink -f -- \(link) && { cat \"/sys/block/$(basename -- \"$(readlink -f -- \(link))\")/loop/backing_file\" 2>/dev/null || true; }",
                              host: host)
    }

    /// `resolving`'s answer: nil when the command failed.
    static func resolved(from result: CommandResult?) -> Resolved? {
        guard let result, result.exitStatus == 0 else { return nil }
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let path = lines.first, !path.isEmpty else { return nil }
        let backing = lines.count > 1 && !lines[1].isEmpty ? lines[1] : nil
        return Resolved(path: path, backingFile: backing)
    }

    /// Why the command must not run (nil when it may, once confirmed), and the device as the report
    /// describes it (with the file behind it, for a loop device). `standIn`: the device stands in for
    /// a card reader (the lab's), with the names of the cards it may hold.
    static func verdict(device: String, report: BlockDeviceReport?, resolved: Resolved?,
                        standIn: [String: String]? = nil) -> (refusal: String?, description: String) {
        let found = report?.device(device) ?? resolved.flatMap { report?.device($0.path) }
        if let report, let found {
            if (report.topLevel(containing: found.path) ?? found).holdsSystem {
                return ("Refused: \(device) holds this computer's system; this command was not run.", device)
            }
            if !found.allMountpoints.isEmpty {
                return ("Refused: \(device) is mounted at \(found.allMountpoints.joined(separator: ", ")); unmount it first. Nothing was run.", device)
            }
        }
        let description = found.map { BlockDeviceValidator.describe($0, standIn: standIn != nil) } ?? resolved?.path ?? device
        guard let backing = resolved?.backingFile else { return (nil, description) }
        if let card = standIn?[backing] { return (nil, description + "\n  in it: \(card) (\(backing))") }
        return (nil, description + "\n  a loop device over the file " + backing)
    }

    /// Nil when `typed` (nil: input ended or Ctrl-C) names the device; else why the command was not run.
    static func typedConfirmation(_ typed: String?, device: String) -> String? {
        guard let typed = typed?.trimmingCharacters(in: .whitespaces) else { return "Not confirmed; this command was not run." }
        return typed == device || "/dev/" + typed == device ? nil : "Not confirmed ('\(typed)' is not \(device)); this command was not run."
    }

    /// The other files a destructive command names: the values of the `path` and `block-device` inputs
    /// its text uses, but not the input the step's `block-device` check names (the device itself).
    static func sources(of step: Step, block: Block, lesson: Lesson, context: TemplateContext) -> [String] {
        let targets = Set(deviceArgument(of: step).map { TemplateReference.scan($0).compactMap { $0.path?.root } } ?? [])
        var seen = Set<String>()
        return TemplateReference.scan(block.body).compactMap { reference -> String? in
            guard let path = reference.path, path.field == nil, !targets.contains(path.root), seen.insert(path.root).inserted,
                  let input = lesson.input(named: path.root), input.type == .path || input.type == .blockDevice,
                  let value = context.words(for: path)?.joined(separator: " "), !value.isEmpty else { return nil }
            return value
        }
    }

    /// For each source: the file it is, and the file system's device it lies on (two lines each).
    static func locating(_ sources: [String], host: RemoteHost?) -> CommandRequest {
        let lines = sources.map { source -> ShellText in
            "printf '%s\\n%s\\n' \"$(readlink -f -- \(source) 2>/dev/null)\" \"$(findmnt -no SOURCE -T \(source) 2>/dev/null | head -n 1)\""
        }
        return CommandRequest(command: lines.map(\.description).joined(separator: "; "), host: host)
    }

    /// Where each source is: (the file, the device under it), from `locating`'s output.
    static func places(in output: String, count: Int) -> [(file: String, device: String)] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (0..<count).compactMap { index in
            guard 2 * index + 1 < lines.count else { return nil }
            return (lines[2 * index], lines[2 * index + 1])
        }
    }

    /// Why the command must not run because a file it reads is the device it writes over, or lies on it.
    static func overlap(sources: [String], places: [(file: String, device: String)], device: String, resolved: Resolved?,
                        report: BlockDeviceReport?) -> String? {
        if let backing = resolved?.backingFile,
           let index = sources.indices.first(where: { sources[$0] == backing || ($0 < places.count && places[$0].file == backing) }) {
            return "Refused: \(sources[index]) is the file behind \(device) itself: the command would read what it writes over. Nothing was run."
        }
        let target = Set([device, resolved?.path].compactMap { $0 })
        let disk = target.lazy.compactMap { report?.topLevel(containing: $0)?.path }.first
        for (index, source) in sources.enumerated() {
            let place = index < places.count ? places[index] : (file: "", device: "")
            if target.contains(source) || target.contains(place.file) {
                return "Refused: \(source) is \(device) itself: the command would read the device it writes over. Nothing was run."
            }
            guard !place.device.isEmpty else { continue }
            if target.contains(place.device) || (disk != nil && report?.topLevel(containing: place.device)?.path == disk) {
                return "Refused: \(source) lies on \(place.device), part of \(device), which the command writes over. Nothing was run."
            }
        }
        return nil
    }
}
