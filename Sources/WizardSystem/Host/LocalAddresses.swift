import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// This machine's own IPv4 addresses and host name, so that a block meant for the master (or a node)
/// runs here, without ssh, when this machine is that host.
public enum LocalAddresses {
    public static func current() -> Set<String> {
        var result: Set<String> = ["localhost"]
        var name = [CChar](repeating: 0, count: 256)
        if gethostname(&name, name.count) == 0 {
            result.insert(String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return result }
        defer { freeifaddrs(list) }
        var entry: UnsafeMutablePointer<ifaddrs>? = first
        while let current = entry {
            if let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) {
                var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                    result.insert(String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
            }
            entry = current.pointee.ifa_next
        }
        return result
    }
}
