import Foundation
import Lessons

/// The safeguard before a command that writes over a disk: which device the step names, what the
/// disk report says about it (never the system disk, never a mounted device, whatever the lesson
/// checked before), and whether the learner typed its name to confirm.
enum DestructiveGuard {
    /// The device the step's `block-device` precondition names, filled from `context`; nil when the
    /// step names none (the learner is then asked yes or no).
    static func device(of step: Step, context: TemplateContext) -> String? {
        step.blocks(.precondition).compactMap { $0.validator?.name == "block-device" ? $0.validator?.arguments["device"] : nil }.first
            .map { TemplateRenderer.preview($0, context: context, quoting: .none) }
    }

    /// Where a link such as /dev/disk/by-id/… (or the practice lab's reader) points.
    static func resolving(_ device: String, host: RemoteHost?) -> CommandRequest {
        CommandRequest(command: "readlink -f -- \(ShellQuote.quote(device))", host: host)
    }

    /// Why the command must not run (nil when it may, once confirmed), and the device as the report
    /// describes it.
    static func verdict(device: String, report: BlockDeviceReport?, resolved: String?) -> (refusal: String?, description: String) {
        let found = report?.device(device) ?? resolved.flatMap { report?.device($0) }
        if let report, let found {
            if (report.topLevel(containing: found.path) ?? found).holdsSystem {
                return ("Refused: \(device) holds this computer's system; nothing was run.", device)
            }
            if !found.allMountpoints.isEmpty {
                return ("Refused: \(device) is mounted at \(found.allMountpoints.joined(separator: ", ")); unmount it first. Nothing was run.", device)
            }
        }
        return (nil, found.map(BlockDeviceValidator.describe) ?? device)
    }

    /// Nil when `typed` (nil: input ended or Ctrl-C) names the device; else why nothing was run.
    static func typedConfirmation(_ typed: String?, device: String) -> String? {
        guard let typed = typed?.trimmingCharacters(in: .whitespaces) else { return "Not confirmed; nothing was run." }
        return typed == device || "/dev/" + typed == device ? nil : "Not confirmed ('\(typed)' is not \(device)); nothing was run."
    }
}
