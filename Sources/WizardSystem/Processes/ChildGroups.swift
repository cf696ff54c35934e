#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The process groups of the programs piwizard started in groups of their own and has not reaped yet,
/// so that a signal that ends piwizard (`SIGTERM`, `SIGHUP`, and `SIGINT` outside a read) ends them
/// too: a killed `piwizard check` leaves no `ssh` behind. ssh's shared connection masters are not
/// among them (ssh starts those in sessions of their own): `beforeEnding` closes them.
public enum ChildGroups {
    private static let capacity = 512
    /// Slots of group ids, 0 when free; read by the signal handler without a lock (a stale read is harmless).
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<pid_t> = {
        let pointer = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        pointer.initialize(repeating: 0, count: capacity)
        return pointer
    }()
    private static let lock = NSLock()
    /// What the handlers do after ending the groups and before piwizard ends (`EndingSignalCleanup`'s
    /// descriptors), or nil. Set once, at start.
    nonisolated(unsafe) static var beforeEnding: (request: Int32, answer: Int32)?

    static func add(_ group: pid_t) {
        lock.withLock {
            for index in 0..<capacity where slots[index] == 0 {
                slots[index] = group
                return
            }
        }
    }

    static func remove(_ group: pid_t) {
        lock.withLock {
            for index in 0..<capacity where slots[index] == group { slots[index] = 0 }
        }
    }

    /// Installs the handlers, once, at start: each ends every group still running, then ends piwizard
    /// by the same signal (its default action). The signals are unblocked too: a parent that started
    /// piwizard from a thread that blocks them (as Foundation's `Process` does) would keep them pending.
    public static func endWithPiwizard() {
        _ = slots   // made before any handler can run
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in [SIGTERM, SIGHUP, SIGINT] {
            sigaddset(&unblock, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for number in [SIGTERM, SIGHUP, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                for index in 0..<ChildGroups.capacity {
                    let group = ChildGroups.slots[index]
                    if group > 0 { kill(-group, SIGTERM) }
                }
                if let cleanup = ChildGroups.beforeEnding {
                    EndingSignalCleanup.runFromSignalHandler(request: cleanup.request, answer: cleanup.answer)
                }
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }
}
