import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A temporary file opened for writing, standing for the learner's screen.
struct Screen {
    let path: String
    let fd: Int32

    init() {
        path = NSTemporaryDirectory() + "/piwizard-screen-\(UUID().uuidString)"
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(path)")
    }

    /// The raw bytes written so far, as text.
    var contents: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func remove() {
        close(fd)
        unlink(path)
    }
}
