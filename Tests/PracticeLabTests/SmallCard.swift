import Foundation
import Testing
@testable import PracticeLab

/// A small card image for the loop-device tests: 16 MiB with an MBR table, a FAT-typed first partition
/// and a Linux second one, as the lab's cards are laid out (only smaller, and with no file systems).
enum SmallCard {
    /// Makes the card at `path`, failing the test when it cannot.
    static func make(at path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let made = LabShell().attempt(["bash", "-c", "truncate -s 16M \"$1\" && printf 'label: dos\\n,6M,c\\n,,83\\n' | sfdisk -q \"$1\"", "make", path])
        try #require(made.succeeded, "\(made.output)", sourceLocation: sourceLocation)
    }
}
