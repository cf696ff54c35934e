import ArgumentParser
import Foundation
import PracticeLab

/// Which flavour a command means: its `--os` option, else `PIWIZARD_LAB_OS`, else the fallback.
enum LabFlavourOption {
    static func resolve(_ option: String?, fallback: LabFlavour = .defaultFlavour) throws -> LabFlavour {
        guard let name = option ?? Platform.environment["PIWIZARD_LAB_OS"] else { return fallback }
        return try LabFlavour(named: name)
    }
}

/// `piwizard lab image build|list`: the lab's system images, one per flavour.
struct LabImage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Build the lab's system images (one per flavour, from this machine's Debian package source), or list them.",
        discussion: "Images live in \(LabImages.defaultFolder), shared by every lab and kept by lab down. A flavour's image is built again only when its recipe changes. lab up builds the one it needs."
    )
    enum Action: String, ExpressibleByArgument, CaseIterable { case build, list }
    @Argument(help: "build or list.") var action: Action = .list
    @Option(name: .customLong("os"), help: "The flavour to build (trixie, bookworm, bullseye, legacy; default: $PIWIZARD_LAB_OS, else trixie).")
    var flavours: [String] = []
    @Flag(help: "Build every flavour.") var all = false

    func run() throws {
        let images = LabImages()
        switch action {
        case .list:
            for flavour in LabFlavour.allCases {
                let path = images.path(of: flavour)
                let state = images.isBuilt(flavour) ? path : "not built (piwizard lab image build --os \(flavour))"
                Platform.show("\(flavour.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(state)\n          \(flavour.release)")
            }
        case .build:
            try Lab.checkHost()
            let chosen = all ? LabFlavour.allCases : (flavours.isEmpty ? [try LabFlavourOption.resolve(nil)] : try flavours.map(LabFlavour.init(named:)))
            for flavour in chosen {
                if images.isBuilt(flavour) {
                    Platform.show("The \(flavour) image is up to date: \(images.path(of: flavour)).")
                } else {
                    try images.image(flavour) { Platform.show($0) }
                }
            }
        }
    }
}
