// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for piwizard's readers of untrusted text (lesson files, their front matter,
// transcripts) and for its writer of values into commands. Built and run by `fuzz/run` (see
// docs/fuzzing.md); not part of the main package, because every module of a fuzz build is compiled with
// `-sanitize=fuzzer,address -parse-as-library`.
let package = Package(
    name: "piwizard-fuzz",
    dependencies: [
        .package(name: "piwizard", path: ".."),
    ],
    targets: [
        // libFuzzer's driver, declared for Swift.
        .systemLibrary(name: "CFuzzerDriver"),
        // The targets' shared entry into the driver, and what they hold the readers to.
        .target(name: "FuzzDriver", dependencies: ["CFuzzerDriver", .product(name: "Lessons", package: "piwizard")]),
        // A whole lesson file: parser, front matter, then lint (graph, templates, validators).
        .executableTarget(
            name: "FuzzLesson",
            dependencies: ["FuzzDriver", .product(name: "Lessons", package: "piwizard"), .product(name: "Wizard", package: "piwizard")]
        ),
        // Front matter only: the input becomes the YAML between the '---' lines.
        .executableTarget(
            name: "FuzzFrontMatter",
            dependencies: ["FuzzDriver", .product(name: "Lessons", package: "piwizard")]
        ),
        // A transcript (asciicast v2 with piwizard's header), as `replay` reads it.
        .executableTarget(
            name: "FuzzTranscript",
            dependencies: ["FuzzDriver", .product(name: "Wizard", package: "piwizard")]
        ),
        // A command template and a value for its {{v}}: rendered for the shell and read by the lexer;
        // and the value, in a few fixed commands that print it, run by /bin/dash.
        .executableTarget(
            name: "FuzzShellTemplate",
            dependencies: ["FuzzDriver", "CSpawn", .product(name: "Lessons", package: "piwizard")]
        ),
        // glibc's posix_spawn_file_actions_addchdir_np, which Swift's Glibc module leaves out.
        .systemLibrary(name: "CSpawn"),
    ],
    swiftLanguageModes: [.v6]
)
