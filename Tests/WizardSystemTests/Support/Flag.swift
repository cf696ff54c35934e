import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A flag raised once, from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Raises the flag; true for the call that raised it, false when it was already up.
    @discardableResult
    func raise() -> Bool {
        lock.withLock {
            defer { raised = true }
            return !raised
        }
    }

    var isRaised: Bool { lock.withLock { raised } }
}
