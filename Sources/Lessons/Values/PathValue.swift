/// A path input's value as the lesson uses it, resolved by its text alone (nothing on disk is
/// asked): `.` parts and doubled slashes go, `..` parts are taken back, and a relative path is taken
/// from the home folder of the user it is used by (`machinefile` is `~/machinefile`, on the host the
/// path is used on). Refused when it climbs out of that home, or points into the system's folders
/// unless the lesson allows that input there (`system-folders: true`).
public enum PathValue {
    /// The folders a path may point into only with the lesson's leave.
    public static let systemFolders = ["/etc", "/usr", "/boot", "/dev", "/proc", "/sys", "/bin", "/sbin", "/lib", "/lib64"]

    /// The resolved path (`~/machinefile`, `/srv/cluster.img`), or nil when it climbs out of its home.
    public static func resolved(_ text: String) -> String? {
        let (root, rest) = split(text)
        var parts: [Substring] = []
        for part in rest.split(separator: "/") where part != "." {
            if part == ".." {
                if parts.isEmpty {
                    if root == "/" { continue }   // `/..` is `/`
                    return nil
                }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if root == "/" { return "/" + joined }
        return joined.isEmpty ? root : root + "/" + joined
    }

    /// Why the path cannot be used, or nil.
    public static func problem(with text: String, allowsSystemFolders: Bool) -> String? {
        guard let path = resolved(text) else {
            return "'\(text)' climbs out of the home folder with '..' (a path that does not start with / starts there); write the whole path, from /"
        }
        if path == "/" { return "'\(text)' is the root folder itself, not a file" }
        if !allowsSystemFolders, let folder = systemFolders.first(where: { path == $0 || path.hasPrefix($0 + "/") }) {
            return "'\(text)' is \(path == text ? "" : "\(path), ")inside \(folder), a system folder; this input may not point there (choose a place in your home folder)"
        }
        return nil
    }

    /// The root a path starts from (`/`, `~` or `~user`) and the rest.
    private static func split(_ text: String) -> (root: String, rest: Substring) {
        if text.hasPrefix("/") { return ("/", text.dropFirst()) }
        if text.hasPrefix("~") {
            let end = text.firstIndex(of: "/") ?? text.endIndex
            return (String(text[..<end]), text[end...])
        }
        return ("~", text[...])
    }
}
