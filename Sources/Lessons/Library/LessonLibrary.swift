import Foundation

/// Finds lessons: by id in the lesson folders, or by a path to a `.md` file.
///
/// Folders are searched in order: those given with `--lessons` or `PIWIZARD_LESSONS` (colon-separated),
/// then `./lessons`, then the installed share folder (`<prefix>/share/piwizard/lessons`); when none of
/// them is there, a build in a clone (`CLONE/.build/…/piwizard`, as `script/start` links it onto
/// `PATH`) uses the clone's `lessons`.
public struct LessonLibrary: Sendable {
    /// Existing folders, in search order.
    public let folders: [URL]
    /// Every folder looked in, existing or not, in search order (to say where nothing was found).
    public var searched: [URL] = []
    /// The working directory, to show paths relative to it.
    public let workingDirectory: URL
    /// The built-in validators lessons may name.
    public let validators: [ValidatorSpec]

    public init(folders: [URL], workingDirectory: URL, validators: [ValidatorSpec]) {
        self.folders = folders
        self.workingDirectory = workingDirectory
        self.validators = validators
    }

    /// The usual search folders, keeping only those that exist.
    public static func standard(explicit: [String], environment: [String: String], workingDirectory: URL, executable: URL?,
                                validators: [ValidatorSpec]) -> LessonLibrary {
        var candidates: [URL] = explicit.map { URL(fileURLWithPath: $0, relativeTo: workingDirectory).standardizedFileURL }
        if let fromEnvironment = environment["PIWIZARD_LESSONS"], !fromEnvironment.isEmpty {
            candidates += fromEnvironment.split(separator: ":").map { URL(fileURLWithPath: String($0), relativeTo: workingDirectory).standardizedFileURL }
        }
        candidates.append(workingDirectory.appendingPathComponent("lessons").standardizedFileURL)
        var clone: URL?
        if let executable {
            let folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("../share/piwizard/lessons").standardizedFileURL)
            if let build = folder.pathComponents.lastIndex(of: ".build"), build > 0 {
                var root = folder
                for _ in build..<folder.pathComponents.count { root.deleteLastPathComponent() }
                clone = root.appendingPathComponent("lessons").standardizedFileURL
            }
        }
        var seen = Set<String>()
        let isFolder = { (url: URL) -> Bool in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        var folders = candidates.filter { isFolder($0) && seen.insert($0.path).inserted }
        // The clone's lessons only when no other folder is there (its ./lessons is the same folder).
        if let clone {
            candidates.append(clone)
            if folders.isEmpty, isFolder(clone) { folders = [clone] }
        }
        var library = LessonLibrary(folders: folders, workingDirectory: workingDirectory, validators: validators)
        library.searched = candidates
        return library
    }

    /// Every lesson file in the folders, by id (its name without `.md`); an id in an earlier folder
    /// hides the same id later. Only regular files (or links to them) count: never a folder or a FIFO.
    public func lessonFiles() -> [(id: String, url: URL)] {
        var found: [(String, URL)] = []
        var seen = Set<String>()
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
                guard FileKind(path: folder.appendingPathComponent(name).path) == .regular else { continue }
                let id = String(name.dropLast(3))
                if seen.insert(id).inserted { found.append((id, folder.appendingPathComponent(name))) }
            }
        }
        return found
    }

    /// The file for a lesson id or a path to a `.md` file.
    public func resolve(_ name: String) throws -> URL {
        if name.hasSuffix(".md") || name.contains("/") {
            let url = URL(fileURLWithPath: name, relativeTo: workingDirectory).standardizedFileURL
            if let reason = FileKind(path: url.path).notAFileReason { throw LessonLibraryError.unreadable(path: name, reason: reason) }
            return url
        }
        if let match = lessonFiles().first(where: { $0.id == name }) { return match.url }
        throw LessonLibraryError.notFound(name: name, searched: folders.map(displayPath), available: lessonFiles().map(\.id))
    }

    /// Reads and lints a lesson file: the lesson and every finding, errors or not.
    public func lint(_ url: URL) throws -> (lesson: Lesson, diagnostics: [Diagnostic]) {
        if let reason = FileKind(path: url.path).notAFileReason {
            throw LessonLibraryError.unreadable(path: displayPath(url), reason: reason)
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LessonLibraryError.unreadable(path: displayPath(url), reason: FileFailure.reason(error))
        }
        let (lesson, diagnostics) = LessonLinter.lint(text, file: displayPath(url), validators: validators)
        return (lesson, diagnostics + idDiagnostics(lesson, url: url, text: text))
    }

    /// In a lesson folder, a lesson is found by its file's name: an `id` that differs from it could
    /// not be started by its id, and may be the id of another lesson there (both are named).
    private func idDiagnostics(_ lesson: Lesson, url: URL, text: String) -> [Diagnostic] {
        let stem = url.deletingPathExtension().lastPathComponent
        guard !lesson.id.isEmpty, lesson.id != stem,
              folders.contains(where: { $0.standardizedFileURL.path == url.deletingLastPathComponent().standardizedFileURL.path }) else { return [] }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("id:") }.map { $0 + 1 } ?? 1
        let location = SourceLocation(file: displayPath(url), line: line, column: 1)
        if let other = lessonFiles().first(where: { $0.id == lesson.id }) {
            return [.error("the id '\(lesson.id)' is also the lesson \(displayPath(other.url)); give each lesson its own id, the name of its file (id: \(stem))", at: location)]
        }
        return [.error("the id '\(lesson.id)' is not the file's name, so 'piwizard start \(lesson.id)' cannot find it; write id: \(stem), or rename the file \(lesson.id).md", at: location)]
    }

    /// Loads a lesson by id or path; throws `invalid` with the errors when it does not lint cleanly of errors.
    public func load(_ name: String) throws -> LoadedLesson {
        let url = try resolve(name)
        let (lesson, diagnostics) = try lint(url)
        if diagnostics.hasErrors { throw LessonLibraryError.invalid(path: displayPath(url), diagnostics: diagnostics) }
        return LoadedLesson(lesson: lesson, url: url, warnings: diagnostics)
    }

    /// A lesson recorded by its file and id (in saved progress or a transcript): the file while it still
    /// exists, else the lesson with that id in the lesson folders.
    public func load(file: String, id: String) throws -> LoadedLesson {
        try load(FileManager.default.fileExists(atPath: file) ? file : id)
    }

    /// A path relative to the working directory when it is inside it, else absolute.
    public func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = workingDirectory.standardizedFileURL.path
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
