import Foundation
import Lessons

/// A content hash of a step (title, prose, blocks, hints, loop, condition, requires; not its line
/// numbers; not its self-test's drills, repairs and solutions, which no learner runs), so that saved
/// progress notices a step whose text or commands changed.
public enum StepHasher {
    public static func hash(_ step: Step) -> String {
        var text = "\(step.id)\n\(step.title)\n\(step.proseText)\n"
        text += "\(step.loop.map { "\($0.list) \($0.variable)" } ?? "")\n\(step.condition?.description ?? "")\n"
        text += step.requires.map(\.id).joined(separator: ",") + "\n"
        for block in step.blocks where !block.kind.isSelfTest {
            text += "\(block.kind.rawValue) \(block.target.rawValue) \(block.user ?? "") \(block.destructive) \(block.readonly) "
            text += "\(block.validator?.name ?? "") \(block.validator?.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } ?? []) "
            text += "\(block.expectedExit) \(block.outputPattern ?? "") \(block.timeout ?? 0)\(block.condition.map { " when \($0)" } ?? "")\n\(block.body)\n"
        }
        text += step.hints.map(\.text).joined(separator: "\n")
        return fnv1a(text)
    }

    /// 64-bit FNV-1a, as 16 hex digits: stable across runs and platforms (unlike `Hasher`).
    public static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
