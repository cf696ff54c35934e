import Foundation
import Wizard

/// The lab's system images, one per flavour, built with `mmdebstrap` from this machine's Debian
/// package source and kept in `/var/lib/piwizard/images` (shared by every lab; `lab down` keeps
/// them). An image is the ext4 root partition of a card, named after its flavour and the hash of its
/// recipe, so a changed recipe builds a new image and an unchanged one is never built twice.
public struct LabImages: Sendable {
    public var folder: String
    var shell = LabShell()

    public static let defaultFolder = "/var/lib/piwizard/images"

    public init(folder: String = LabImages.defaultFolder) {
        self.folder = folder
    }

    /// The file of a flavour's image as its recipe is now (it may not be built yet).
    public func path(of flavour: LabFlavour) -> String {
        folder + "/\(flavour.rawValue)-\(StepHasher.fnv1a(ImageRecipe(flavour: flavour).text)).ext4"
    }

    /// Whether the image of `flavour`'s current recipe is built.
    public func isBuilt(_ flavour: LabFlavour) -> Bool { FileManager.default.fileExists(atPath: path(of: flavour)) }

    /// The image of `flavour`, built first when its recipe has none yet (`progress` hears what
    /// happens). Builds of one image by several labs at once wait for each other.
    @discardableResult
    public func image(_ flavour: LabFlavour, progress: (String) -> Void = { _ in }) throws -> String {
        let image = path(of: flavour)
        if FileManager.default.fileExists(atPath: image) { return image }
        try shell.run(["install", "-d", "-m", "755", folder])
        let lock = open(folder + "/.\(flavour.rawValue).lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw LabError.invalid("cannot open the image lock in \(folder)") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw LabError.invalid("cannot lock the image folder \(folder)") }
        if FileManager.default.fileExists(atPath: image) { return image }
        try build(flavour, into: image, progress: progress)
        return image
    }

    /// Builds the image: a Debian tree made by mmdebstrap, customised, written into an ext4 file the
    /// size of a card's root partition; older images of the flavour are removed.
    private func build(_ flavour: LabFlavour, into image: String, progress: (String) -> Void) throws {
        let recipe = ImageRecipe(flavour: flavour)
        let work = folder + "/.build-\(flavour.rawValue)"
        let tree = work + "/tree"
        try shell.run(["rm", "-rf", "--", work])
        try shell.run(["install", "-d", "-m", "700", work])
        defer { _ = shell.attempt(["rm", "-rf", "--", work]) }
        for (program, package) in [("mmdebstrap", "mmdebstrap"), ("mkfs.ext4", "e2fsprogs"), ("chroot", "coreutils")]
        where !shell.attempt(["sh", "-c", "command -v \(program)"]).succeeded {
            throw LabError.unsupported("building the lab's images needs \(program); install it with: apt-get install \(package)")
        }
        let mirror = try HostPackageSource.debianArchive()
        progress("Building the \(flavour) image (\(flavour.release)) from Debian \(flavour.suite) packages; this takes a minute or two, once.")
        var arguments = ["mmdebstrap", "--quiet", "--variant=minbase", "--mode=root", "--format=directory",
                         "--include=" + recipe.packages.joined(separator: ",")]
        arguments += ImageRecipe.excludedPaths.map { "--dpkgopt=path-exclude=" + $0 }
        arguments += [flavour.suite, tree, "deb \(mirror) \(flavour.suite) main"]
        try shell.run(arguments, timeout: 1800)
        try LabFile.write(tree + "/piwizard-customise.sh", recipe.customisation, mode: 0o700)
        try shell.run(["chroot", tree, "/bin/sh", "/piwizard-customise.sh"], timeout: 300)
        try shell.run(["rm", "-f", "--", tree + "/piwizard-customise.sh"])
        let partial = work + "/root.ext4"
        try shell.run(["truncate", "-s", String(CardGeometry.rootBytes), partial])
        try shell.run(["mkfs.ext4", "-q", "-F", "-L", "rootfs", "-d", tree, partial], timeout: 600)
        let base = URL(fileURLWithPath: image).deletingPathExtension()
        try LabFile.write(base.appendingPathExtension("recipe").path, recipe.text)
        try shell.run(["mv", "-f", "--", partial, image])
        // Only once the new image is in place do the flavour's older ones go.
        for old in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where old.hasPrefix(flavour.rawValue + "-") && URL(fileURLWithPath: old).deletingPathExtension().lastPathComponent != base.lastPathComponent {
            try? FileManager.default.removeItem(atPath: folder + "/" + old)
        }
        progress("The \(flavour) image is ready: \(image).")
    }
}
