#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of file a path names (following symbolic links), so that a folder, a FIFO or a device
/// is never read as a lesson: reading a FIFO would wait forever.
public enum FileKind: Sendable, Equatable {
    case regular
    case folder
    case fifo
    case device
    case socket
    case missing

    public init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { self = .missing; return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .device
        }
    }

    /// Why a file of this kind is not a lesson file, in words; nil for a regular file.
    public var notAFileReason: String? {
        switch self {
        case .regular: return nil
        case .folder: return "it is a folder, not a lesson file"
        case .fifo: return "it is a FIFO (a named pipe), not a lesson file"
        case .device: return "it is a device, not a lesson file"
        case .socket: return "it is a socket, not a lesson file"
        case .missing: return "no such file"
        }
    }
}
