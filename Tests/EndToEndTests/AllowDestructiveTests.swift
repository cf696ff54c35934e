import Foundation
import Testing

/// A destructive command that names no device (`rm -rf` of a folder) runs unattended only when the
/// command line allows its step (`--allow-destructive STEP`); refused otherwise, with the option to
/// use named; an unknown step is refused before anything runs.
@Suite struct AllowDestructiveTests {
    static let lesson = """
    ---
    id: tidy
    title: Tidy
    summary: One destructive step that removes a folder.
    ---

    ## Remove the folder {#remove}

    ```sh {precondition}
    test -d "$TARGET"
    ```

    ```sh {run destructive}
    rm -rf "$TARGET"
    ```

    ```sh {check}
    test ! -e "$TARGET"
    ```

    """

    @Test func aDestructiveStepRunsUnattendedOnlyWhenAllowed() throws {
        let dir = try PiwizardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.lesson.write(to: dir.appendingPathComponent("tidy.md"), atomically: true, encoding: .utf8)
        let target = dir.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let environment = ["TARGET": target.path]
        func start(_ extra: [String], state: String) throws -> PiwizardProcess.Output {
            try PiwizardProcess.run(["start", "./tidy.md", "--yes", "--state-dir", dir.appendingPathComponent(state).path] + extra, in: dir, environment: environment)
        }

        let refused = try start([], state: "s1")
        #expect(refused.status == 3, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.unwrappedStdout.contains("--allow-destructive remove") || refused.stderr.contains("--allow-destructive remove"), "\(refused.stdout)\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: target.path), "nothing was removed")

        let unknown = try start(["--allow-destructive", "remvoe"], state: "s2")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--allow-destructive remvoe: the lesson has no step 'remvoe' (did you mean 'remove'?)"), "\(unknown.stderr)")
        #expect(FileManager.default.fileExists(atPath: target.path))

        let allowed = try start(["--allow-destructive", "remove"], state: "s3")
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }
}
