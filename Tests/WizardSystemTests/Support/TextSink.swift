import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Collects what a runner's output callback receives, from whatever thread calls it.
final class TextSink: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []

    /// Everything received so far.
    var text: String { lock.withLock { parts.joined() } }
    /// How many times the callback was called.
    var calls: Int { lock.withLock { parts.count } }

    func append(_ text: String) { lock.withLock { parts.append(text) } }
}
