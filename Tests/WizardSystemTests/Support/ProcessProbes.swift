import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `/dev/null` opened for reading and writing, for runs whose display nobody looks at.
func openNullDevice() -> Int32 {
    open("/dev/null", O_RDWR)
}

/// Whether `pid` is a live (not zombie) process.
func isAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
    return state != "Z" && state != "X"
}

/// This machine's host name.
func localHostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    _ = gethostname(&buffer, buffer.count)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
