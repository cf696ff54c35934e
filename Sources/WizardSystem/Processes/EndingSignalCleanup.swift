#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Work that must be done when a signal ends piwizard but cannot be done in a signal handler (it starts
/// programs, allocates, takes locks): a thread of its own, with every signal blocked, waits on a pipe for
/// the handler's request, does the work and answers on another; the handler only writes and polls,
/// which are safe there, and waits for the answer at most `patience` before piwizard ends.
enum EndingSignalCleanup {
    /// How long the handler waits for the work, in milliseconds.
    static let patience: Int32 = 5_000

    /// Starts the thread that does `work` when asked; returns the descriptors the handler uses (the
    /// request pipe's writing end and the answer pipe's reading end), or nil when no pipe can be made.
    static func start(_ work: @escaping @Sendable () -> Void) -> (request: Int32, answer: Int32)? {
        var requestPipe: [Int32] = [-1, -1]
        var answerPipe: [Int32] = [-1, -1]
        guard pipe(&requestPipe) == 0 else { return nil }
        guard pipe(&answerPipe) == 0 else {
            close(requestPipe[0])
            close(requestPipe[1])
            return nil
        }
        for descriptor in requestPipe + answerPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let requests = requestPipe[0]
        let answers = answerPipe[1]
        let thread = Thread {
            var all = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_BLOCK, &all, nil)
            var byte: UInt8 = 0
            while read(requests, &byte, 1) != 1 {
                if errno != EINTR { return }
            }
            work()
            _ = write(answers, &byte, 1)
        }
        thread.name = "piwizard-ending"
        thread.start()
        return (requestPipe[1], answerPipe[0])
    }

    /// From a signal handler: asks for the work and waits for its answer (at most `patience`).
    static func runFromSignalHandler(request: Int32, answer: Int32) {
        var byte: UInt8 = 1
        guard write(request, &byte, 1) == 1 else { return }
        var descriptor = pollfd(fd: answer, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, patience)
    }
}
