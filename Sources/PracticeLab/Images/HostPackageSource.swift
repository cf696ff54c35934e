import Foundation

/// The Debian package registry this machine's apt already uses: the lab builds its images from it
/// and from nothing else.
enum HostPackageSource {
    /// The URI of the first Debian archive (not a security or update suite) that apt's sources name,
    /// in deb822 `.sources` files or one-line `sources.list` files.
    static func debianArchive(root: String = "") throws -> String {
        let folder = root + "/etc/apt/sources.list.d"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
        for file in [root + "/etc/apt/sources.list"] + files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            let found = file.hasSuffix(".sources") ? fromDeb822(text) : fromOneLine(text)
            if let found { return found }
        }
        throw LabError.unsupported("no Debian package source in /etc/apt (sources.list or sources.list.d/*.sources): the lab builds its images from the one apt uses")
    }

    /// A suite of the archive itself, not `-security`, `-updates` or `-backports`.
    static func isArchiveSuite(_ suite: String) -> Bool { !suite.contains("-") && !suite.contains("/") }

    static func fromDeb822(_ text: String) -> String? {
        let paragraphs = text.components(separatedBy: "\n\n")
        for paragraph in paragraphs {
            var fields: [String: String] = [:]
            for line in paragraph.split(separator: "\n") where !line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            guard (fields["types"] ?? "").split(separator: " ").contains("deb"), fields["enabled"]?.lowercased() != "no",
                  let uri = fields["uris"]?.split(separator: " ").first,
                  (fields["suites"] ?? "").split(separator: " ").contains(where: { isArchiveSuite(String($0)) }) else { continue }
            return String(uri)
        }
        return nil
    }

    static func fromOneLine(_ text: String) -> String? {
        for line in text.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)
            guard words.first == "deb" else { continue }
            words.removeFirst()
            if words.first?.hasPrefix("[") == true {
                while let word = words.first, !word.hasSuffix("]") { words.removeFirst() }
                words.removeFirst()
            }
            if words.count >= 2, isArchiveSuite(words[1]) { return words[0] }
        }
        return nil
    }
}
