// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "piwizard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "piwizard", targets: ["piwizard"]),
        .library(name: "Lessons", targets: ["Lessons"]),
        .library(name: "Wizard", targets: ["Wizard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SQLite (libsqlite3-dev) for saved progress.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // GNU readline (libreadline-dev). No pkgConfig: SwiftPM would strip readline.pc's
        // feature macros with a warning on every build.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // libcmark (libcmark-dev), the CommonMark reference parser.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Lesson model, Markdown parser, step graph, lint and renderers. Pure: runs nothing.
        .target(
            name: "Lessons",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The engine: session state machine, inputs, checks and validators. Talks to the world only
        // through the effect protocols it defines (Terminal, CommandRunner).
        .target(
            name: "Wizard",
            dependencies: ["Lessons", .product(name: "Yams", package: "Yams")]
        ),
        // Live effects: readline terminal, pseudo-terminal, pipe and ssh runners, the progress database.
        .target(
            name: "WizardSystem",
            dependencies: ["Wizard", "CReadline", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The practice lab: simulated Raspberry Pis in Linux namespaces, with real OpenSSH and MPICH.
        .target(
            name: "PracticeLab",
            dependencies: ["Lessons", "Wizard", "WizardSystem"]
        ),
        // The command-line tool: argument parsing and wiring only.
        .executableTarget(
            name: "piwizard",
            dependencies: [
                "Lessons",
                "Wizard",
                "WizardSystem",
                "PracticeLab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LessonsTests",
            dependencies: ["Lessons", "Wizard", "MutationTestSupport"],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(
            name: "WizardTests",
            dependencies: ["Wizard", "Lessons", "NetworkTestSupport", "MutationTestSupport"]
        ),
        // Seeded, repeatable broken variants of valid files, for tests of the readers.
        .target(
            name: "MutationTestSupport",
            path: "Tests/Support/MutationTestSupport"
        ),
        // A TCP listener on loopback, for tests of probes.
        .target(
            name: "NetworkTestSupport",
            path: "Tests/Support/NetworkTestSupport"
        ),
        // tmux sessions for tests that drive a program at a real terminal.
        .target(
            name: "TmuxTestSupport",
            path: "Tests/Support/TmuxTestSupport"
        ),
        .testTarget(
            name: "WizardSystemTests",
            dependencies: ["WizardSystem", "Wizard", "TmuxTestSupport", "NetworkTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "PracticeLabTests",
            dependencies: ["PracticeLab", "Lessons"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["piwizard", "TmuxTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
