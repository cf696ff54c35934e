import Foundation

/// The repository's folder, found from this file upwards (the folder that holds `Package.swift`), so
/// a test may move between folders without counting its parents.
enum Repository {
    static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder.deleteLastPathComponent()
        }
        return folder
    }()
}
