import Foundation
import Wizard

/// Runs saved by piwizard before the progress database: one JSON file per lesson in `runs/`. Each is
/// imported once (unless the database already has a run of that lesson) and then renamed
/// `NAME.json.imported`, so it is kept but never read again. A file that cannot be read is left alone.
struct LegacyRunFiles {
    let folder: URL

    func importOnce(into store: SQLiteProgressStore) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") && !name.contains(".corrupt-") && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path), let run = Self.decode(data) else { continue }
            if try store.load(lessonID: run.lessonID) == nil { try store.save(run) }
            rename(url.path, url.path + ".imported")
        }
    }

    /// A saved run in the JSON format of piwizard 1 (format version 1); nil for anything else.
    static func decode(_ data: Data) -> SavedRun? {
        struct Version: Decodable { var version: Int }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let version = try? decoder.decode(Version.self, from: data), version.version == 1 else { return nil }
        return try? decoder.decode(SavedRun.self, from: data)
    }
}
