import Foundation
import Wizard
#if canImport(Glibc)
import Glibc
#endif

/// Saved runs as JSON files, one per lesson, in a folder (`$XDG_STATE_HOME/piwizard/runs`). Every save
/// writes a temporary file (mode 0600), syncs it to disk and renames it over the old one, so a crash
/// or a power cut leaves either the old or the new progress, never a mix.
public struct FileProgressStore: ProgressStore {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    func url(_ lessonID: String) -> URL { folder.appendingPathComponent("\(lessonID).json") }

    public func load(lessonID: String) throws -> SavedRun? {
        let url = url(lessonID)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try decode(data, url: url)
    }

    func decode(_ data: Data, url: URL) throws -> SavedRun {
        struct Version: Decodable { var version: Int }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if let version = try? decoder.decode(Version.self, from: data), version.version > SavedRun.currentVersion {
            throw ProgressStoreError.newerVersion(path: url.path, version: version.version)
        }
        do {
            return try decoder.decode(SavedRun.self, from: data)
        } catch {
            let aside = url.deletingPathExtension().appendingPathExtension("corrupt-\(Int(Date().timeIntervalSince1970)).json")
            try? FileManager.default.moveItem(at: url, to: aside)
            throw ProgressStoreError.corrupt(path: url.path, keptAt: aside.path, reason: "not a saved run: \(error)")
        }
    }

    public func save(_ run: SavedRun) throws {
        let url = url(run.lessonID)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            try AtomicFile.write(try encoder.encode(run), to: url)
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw ProgressStoreError.cannotWrite(path: url.path, reason: "\(error)")
        }
    }

    public func remove(lessonID: String) throws {
        let url = url(lessonID)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
    }

    public func all() throws -> [SavedRun] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.contains(".corrupt-") }.compactMap { name in
            let url = folder.appendingPathComponent(name)
            return FileManager.default.contents(atPath: url.path).flatMap { try? decode($0, url: url) }
        }.sorted { $0.updatedAt > $1.updatedAt }
    }
}

/// Writes a file atomically: a temporary file beside it (0600), fsync, rename, fsync of the folder.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        let folderFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }
}
