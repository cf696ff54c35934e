#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a `waitpid` status the way a shell reports it: the exit code for a normal exit, 128 + the
/// signal number for a program killed by a signal. (`WIFEXITED` and friends are C macros that do not
/// import into Swift.)
enum WaitStatus {
    /// The shell-style exit status for a raw `waitpid` status.
    static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        if signal == 0 { return (status >> 8) & 0xff }
        // 0x7f marks a stopped (not ended) child; only seen with WUNTRACED, which the runners never pass.
        if signal == 0x7f { return 128 + ((status >> 8) & 0xff) }
        return 128 + signal
    }

    /// The signal that ended the program, or nil when it exited by itself (with whatever code).
    static func endingSignal(_ status: Int32) -> Int32? {
        let signal = status & 0x7f
        return signal == 0 || signal == 0x7f ? nil : signal
    }
}
