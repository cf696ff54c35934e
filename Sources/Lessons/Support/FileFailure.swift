import Foundation

/// A file system failure in words a learner can act on, by its errno when it has one (never
/// Foundation's own text, which names Cocoa error codes).
public enum FileFailure {
    public static func reason(_ error: Error) -> String {
        let code = (error as? POSIXError)?.code ?? ((error as NSError).userInfo[NSUnderlyingErrorKey] as? POSIXError)?.code
        switch code {
        case .ENOENT?: return "no such file or folder"
        case .ENOSPC?: return "the disk is full"
        case .EACCES?, .EPERM?: return "permission denied"
        case .EROFS?: return "the file system is read-only"
        case .EISDIR?: return "it is a folder"
        case .ENOTDIR?: return "a part of the path is not a folder"
        default:
            if let cocoa = error as? CocoaError {
                switch cocoa.code {
                case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file or folder"
                case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
                case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: return "it is not UTF-8 text"
                case .fileWriteOutOfSpace: return "the disk is full"
                case .fileWriteVolumeReadOnly: return "the file system is read-only"
                default: break
                }
            }
            return "the file system refused it"
        }
    }

    /// The path a Foundation file error names, when it names one.
    public static func path(_ error: Error) -> String? {
        (error as NSError).userInfo[NSFilePathErrorKey] as? String
    }
}
