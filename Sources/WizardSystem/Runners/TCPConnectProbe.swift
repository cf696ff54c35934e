#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Wizard

/// Opens and closes a TCP connection from this machine, without starting a program: what `reachable`
/// asks, answered as its shell probe would (exit status 0 when something accepted the connection, 124
/// when nothing answered within the timeout, 1 with the reason otherwise).
enum TCPConnectProbe {
    /// Seconds to wait for an answer, as the shell probe's `timeout 5`.
    static let timeout = 5.0

    static func attempt(host: String, port: Int, timeout: Double) -> CommandResult {
        let start = ContinuousClock.now
        func result(_ status: Int32, _ output: String = "") -> CommandResult {
            CommandResult(exitStatus: status, output: output, duration: (ContinuousClock.now - start).inSeconds)
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let lookup = getaddrinfo(host, String(port), &hints, &list)
        guard lookup == 0, let first = list else {
            return result(1, "\(host): \(String(cString: gai_strerror(lookup)))\n")
        }
        defer { freeaddrinfo(list) }
        var reason = "no address"
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let entry = address {
            address = entry.pointee.ai_next
            let remaining = timeout - (ContinuousClock.now - start).inSeconds
            guard remaining > 0 else { return result(124) }
            switch connect(entry.pointee, within: remaining) {
            case .connected: return result(0)
            case .timedOut: return result(124)
            case .failed(let code): reason = String(cString: strerror(code))
            }
        }
        return result(1, "connect to \(host) port \(port): \(reason)\n")
    }

    private enum Attempt {
        case connected
        case timedOut
        case failed(Int32)
    }

    /// One non-blocking connect, waited for with `poll`.
    private static func connect(_ entry: addrinfo, within seconds: Double) -> Attempt {
        let fd = socket(entry.ai_family, entry.ai_socktype | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), entry.ai_protocol)
        guard fd >= 0 else { return .failed(errno) }
        defer { close(fd) }
        if Glibc.connect(fd, entry.ai_addr, entry.ai_addrlen) == 0 { return .connected }
        guard errno == EINPROGRESS else { return .failed(errno) }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        var ready: Int32
        repeat { ready = poll(&poller, 1, Int32(max(1, (seconds * 1000).rounded(.up)))) } while ready < 0 && errno == EINTR
        guard ready > 0 else { return ready == 0 ? .timedOut : .failed(errno) }
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else { return .failed(errno) }
        return code == 0 ? .connected : .failed(code)
    }
}
