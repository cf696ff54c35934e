import Foundation
import Testing
@testable import PracticeLab

/// The recipes of the lab's images and where their packages come from.
@Suite struct ImageRecipeTests {
    @Test func eachFlavourInstallsItsOwnNetworkStackOnTopOfTheSameBase() {
        for flavour in LabFlavour.allCases {
            let packages = ImageRecipe(flavour: flavour).packages
            #expect(ImageRecipe.basePackages.allSatisfy(packages.contains), "\(flavour)")
            #expect(flavour.networkPackages.allSatisfy(packages.contains), "\(flavour)")
        }
        #expect(ImageRecipe(flavour: .trixie).packages.contains("cloud-init"))
        #expect(!ImageRecipe(flavour: .bookworm).packages.contains("cloud-init"))
        #expect(ImageRecipe(flavour: .bullseye).packages.contains("dhcpcd"))
        #expect(ImageRecipe(flavour: .legacy).packages.contains("ifupdown"))
    }

    @Test func onlyTrixieAsksForTheSudoPassword() {
        for flavour in LabFlavour.allCases {
            let grantsWithoutPassword = ImageRecipe(flavour: flavour).customisation.contains("NOPASSWD")
            #expect(grantsWithoutPassword == !flavour.sudoAsksPassword, "\(flavour)")
        }
        #expect(LabFlavour.trixie.sudoAsksPassword && LabFlavour.trixie.usesCloudInit)
    }

    @Test func theCacheKeyIsTheRecipeSoEveryFlavourHasItsOwnImage() {
        let images = LabImages(folder: "/images")
        let paths = LabFlavour.allCases.map(images.path(of:))
        #expect(Set(paths).count == LabFlavour.allCases.count)
        #expect(paths.allSatisfy { $0.hasPrefix("/images/") && $0.hasSuffix(".ext4") })
        // The same recipe gives the same key, run after run.
        #expect(images.path(of: .legacy) == LabImages(folder: "/images").path(of: .legacy))
        // Every flavour stands for a network stack on Debian 13 (Debian 12's UCX hangs MPI programs).
        for flavour in LabFlavour.allCases { #expect(ImageRecipe(flavour: flavour).text.contains("suite trixie"), "\(flavour)") }
        // The releases before OpenSSH 9.8 turn its per-source penalties off.
        for flavour in LabFlavour.allCases {
            #expect(ImageRecipe(flavour: flavour).customisation.contains("PerSourcePenalties no") == [.bookworm, .bullseye, .legacy].contains(flavour), "\(flavour)")
        }
    }

    @Test func aFlavourIsNamedOrTheNamesAreListed() throws {
        #expect(try LabFlavour(named: "Bookworm") == .bookworm)
        #expect(throws: LabError.invalid("no lab flavour 'jessie'; choose one of trixie, bookworm, bullseye, legacy")) {
            try LabFlavour(named: "jessie")
        }
    }

    @Test func thePackageSourceIsTheArchiveAptAlreadyUses() throws {
        let deb822 = """
            Types: deb
            URIs: http://archive.example/debian-security
            Suites: bookworm-security
            Components: main

            Types: deb-src
            URIs: http://sources.example/debian
            Suites: bookworm

            Types: deb
            URIs: http://archive.example/debian
            Suites: bookworm bookworm-updates
            Components: main
            """
        #expect(HostPackageSource.fromDeb822(deb822) == "http://archive.example/debian")
        let oneLine = """
            # a comment
            deb http://archive.example/debian-security bookworm-security main
            deb [arch=amd64 signed-by=/usr/share/keyrings/debian.gpg] http://archive.example/debian bookworm main
            """
        #expect(HostPackageSource.fromOneLine(oneLine) == "http://archive.example/debian")
        #expect(HostPackageSource.fromOneLine("deb http://x.example/debian bookworm-updates main") == nil)
    }

    @Test func aMachineWithoutADebianSourceIsToldWhy() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-apt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("etc/apt/sources.list.d"), withIntermediateDirectories: true)
        #expect(throws: LabError.self) { try HostPackageSource.debianArchive(root: root.path) }
        try "Types: deb\nURIs: http://archive.example/debian\nSuites: trixie\nComponents: main\n"
            .write(to: root.appendingPathComponent("etc/apt/sources.list.d/debian.sources"), atomically: true, encoding: .utf8)
        #expect(try HostPackageSource.debianArchive(root: root.path) == "http://archive.example/debian")
    }
}
