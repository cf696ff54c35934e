import Foundation
import Testing

/// `piwizard lab image build` makes a real Raspberry-Pi-OS-like system from Debian packages, once
/// per recipe. Read back from the image itself with debugfs, without mounting it.
@Suite(.serialized, .enabled(if: PracticeLabFixture.isPossible, "building lab images needs Linux and root"))
struct LabImageTests {
    /// A file's text inside an ext4 image.
    func read(_ path: String, in image: String) throws -> String {
        try PiwizardProcess.shell("debugfs -R \(PiwizardProcess.quote("cat " + path)) \(PiwizardProcess.quote(image)) 2>/dev/null").stdout
    }

    @Test func theLegacyImageIsARaspberryPiOSLikeSystemBuiltOnce() throws {
        let build = try PiwizardProcess.run(["lab", "image", "build", "--os", "legacy"])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let list = try PiwizardProcess.run(["lab", "image", "list"])
        let line = list.stdout.split(separator: "\n").first { $0.hasPrefix("legacy ") }.map(String.init) ?? ""
        let image = line.split(separator: " ").last.map(String.init) ?? ""
        #expect(image.hasPrefix("/var/lib/piwizard/images/legacy-") && image.hasSuffix(".ext4"), "\(list.stdout)")

        // Built once: the same recipe is not built again.
        let again = try PiwizardProcess.run(["lab", "image", "build", "--os", "legacy"])
        #expect(again.stdout.contains("The legacy image is up to date: \(image)."), "\(again.stdout)")

        // systemd as init, the first user pi in group sudo without a sudo password, the
        // raspberrypi name, ifupdown, MPICH with its compiler, and no host keys of its own.
        let files = try PiwizardProcess.shell("debugfs -R 'stat /sbin/init' \(image) 2>/dev/null; debugfs -R 'ls -l /etc/ssh' \(image) 2>/dev/null").stdout
        #expect(files.contains("Fast link dest: \"../lib/systemd/systemd\""), "\(files)")
        #expect(!files.contains("ssh_host_"), "no host keys in the image: \(files)")
        #expect(try read("/etc/passwd", in: image).contains("pi:x:1000:1000::/home/pi:/bin/bash"))
        #expect(try read("/etc/group", in: image).split(separator: "\n").contains { $0.hasPrefix("sudo:") && $0.hasSuffix(":pi") })
        #expect(try read("/etc/sudoers.d/010_pi-nopasswd", in: image) == "pi ALL=(ALL) NOPASSWD: ALL\n")
        #expect(try read("/etc/hostname", in: image) == "raspberrypi\n")
        #expect(try read("/etc/hosts", in: image).contains("127.0.1.1\traspberrypi"))
        #expect(try read("/etc/machine-id", in: image).isEmpty, "every card gets its own machine id")
        let tools = try PiwizardProcess.shell("for f in /usr/bin/mpicc /usr/bin/mpiexec /usr/sbin/sshd /sbin/ifup /usr/bin/arping; do debugfs -R \"stat $f\" \(image) 2>&1 | grep -E \"Type:|not found\"; done").stdout
        #expect(!tools.contains("not found") && tools.components(separatedBy: "Type:").count == 6, "\(tools)")
    }
}
