#if canImport(Glibc)
import Glibc
#endif

/// Moves bytes between a pseudo-terminal's master side and the learner's terminal for
/// `PTYCommandRunner`: the program's output into the collector (and onto the display for an interactive
/// command), the learner's keystrokes into the program. One `pollOnce` at a time, until the program
/// has closed its side.
struct PTYPump {
    let master: Int32
    let input: Int32
    /// Where the program's raw output is copied (the learner's terminal), nil when it is not shown.
    let display: Int32?
    var collector: OutputCollector
    /// Whether the learner's keystrokes go to the program (an interactive command).
    private var inputOpen: Bool
    /// False once every holder of the slave side has closed it: the program is gone.
    private(set) var masterOpen = true
    /// Whether the learner typed Ctrl-C.
    private(set) var interruptTyped = false
    /// Keystrokes read and not yet written to the program.
    private var typed: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 16384)

    init(master: Int32, input: Int32, display: Int32?, collector: OutputCollector, forwardsInput: Bool) {
        self.master = master
        self.input = input
        self.display = display
        self.collector = collector
        self.inputOpen = forwardsInput
    }

    /// Waits up to `timeout` ms for the program or the learner, and moves what is ready; true when the
    /// program printed something.
    mutating func pollOnce(timeout: Int32) -> Bool {
        var descriptors: [pollfd] = []
        if masterOpen {
            descriptors.append(pollfd(fd: master, events: Int16(typed.isEmpty ? POLLIN : POLLIN | POLLOUT), revents: 0))
        }
        if inputOpen, masterOpen, typed.isEmpty {
            descriptors.append(pollfd(fd: input, events: Int16(POLLIN), revents: 0))
        }
        guard poll(&descriptors, nfds_t(descriptors.count), timeout) > 0 else { return false }
        var printed = false
        for entry in descriptors where entry.revents != 0 {
            if entry.fd == master {
                if entry.revents & Int16(POLLOUT) != 0 { writeTyped() }
                if entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { printed = readOutput() || printed }
            } else {
                readKeystrokes()
            }
        }
        return printed
    }

    /// Writes what the learner typed to the program, as much as it takes now.
    private mutating func writeTyped() {
        guard !typed.isEmpty else { return }
        let written = typed.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        if written > 0 {
            typed.removeFirst(written)
        } else if written < 0, errno != EAGAIN, errno != EINTR {
            typed.removeAll()
        }
    }

    /// Reads the program's output; true when there was some.
    private mutating func readOutput() -> Bool {
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.withUnsafeBytes { bytes in
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[..<count])
                collector.receive(chunk)
                if let display { PTYCommandRunner.writeAll(chunk, to: display) }
            }
            return true
        }
        if count == 0 || (errno != EAGAIN && errno != EINTR) {
            // EIO: every holder of the slave side has closed it; the program is gone.
            masterOpen = false
            typed.removeAll()
        }
        return false
    }

    /// Reads the learner's keystrokes, noting a Ctrl-C.
    private mutating func readKeystrokes() {
        let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        if count > 0 {
            typed.append(contentsOf: buffer[..<count])
            if buffer[..<count].contains(PTYCommandRunner.interruptCharacter) { interruptTyped = true }
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            inputOpen = false
        }
    }
}
