import Foundation
import Lessons
import Testing

/// `ScreenWrap`, the one way text is fitted to the screen: prose breaks at spaces with its
/// continuation under the text after a marker, styles survive a break, wide characters count two,
/// and a command is broken only where the shell reads a blank, so that `dash` and `bash` run the
/// broken command exactly as the whole one.
@Suite struct ScreenWrapTests {
    @Test func proseBreaksAtSpacesAndHangsUnderItsMarker() {
        let line = "  ✗ nodes record 2 (n2): ip 10.9.0.254 is also gateway (ip must not be gateway); nothing changed."
        let lines = ScreenWrap.lines(of: line, width: 40)
        #expect(lines.allSatisfy { ScreenWrap.columns(of: $0) <= 40 }, "\(lines)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }, "continued under the text after ✗: \(lines)")
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == line.trimmingCharacters(in: .whitespaces))
        #expect(ScreenWrap.lines(of: "12. one two three four five six seven", width: 20) == ["12. one two three", "    four five six", "    seven"])
    }

    @Test func anAlignedColumnContinuesUnderItself() {
        let lines = ScreenWrap.lines(of: "  run               run the step's commands (also: just press Enter)", width: 50)
        #expect(lines == ["  run               run the step's commands (also:", "                    just press Enter)"])
        #expect(ScreenWrap.lines(of: "    found:    no such line in the file you wrote", width: 30)[1] == "              the file you")
    }

    @Test func aLineThatFitsIsLeftAsItIsSpacesAndAll() {
        let line = "  run   on node1:   x"
        #expect(ScreenWrap.fit(line + "\n\n" + line + "\n", width: 80) == line + "\n\n" + line + "\n")
    }

    @Test func aWordWiderThanTheLineIsCutOnlyThen() {
        let lines = ScreenWrap.lines(of: "see /a/very/long/path/that/does/not/fit/on/one/line and more", width: 20)
        #expect(lines.allSatisfy { ScreenWrap.columns(of: $0) <= 20 }, "\(lines)")
        #expect(lines.first == "see")
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == "see/a/very/long/path/that/does/not/fit/on/one/lineandmore")
    }

    @Test func escapeSequencesTakeNoColumnAndAStyleIsReopenedAfterABreak() {
        let style = TextStyle(colour: true)
        let text = style.apply(.red, to: "✗ one two three four five six") + " end"
        let lines = ScreenWrap.lines(of: text, width: 14)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.allSatisfy { ScreenWrap.columns(of: $0) <= 14 })
        #expect(lines[0].hasPrefix("\u{1B}[31m") && lines[0].hasSuffix("\u{1B}[0m"), "closed before the break: \(lines)")
        #expect(lines[1].hasPrefix("  \u{1B}[31m"), "opened again after it: \(lines)")
    }

    @Test func wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        #expect(ScreenWrap.columns(of: "日本語") == 6)
        #expect(ScreenWrap.columns(of: "e\u{301}te\u{301}") == 3)
        #expect(ScreenWrap.lines(of: "日本語 日本語 日本語", width: 13) == ["日本語 日本語", "日本語"])
    }

    /// Commands of every kind of quoting, each broken at widths from 16 to 60: every broken line
    /// but the last ends in ` \`, and dash and bash print exactly what they print for the whole command.
    static let commands = [
        "printf '%s|' alpha \"beta gamma\" 'delta  epsilon' $(printf '%s' x y) zeta eta theta iota; echo",
        "for i in one two three four five six; do printf '%s,' \"$i\"; done; echo end of the loop",
        "test \"$(echo one two three four)\" = \"one two three four\" && echo same || echo differ",
        "echo a\\ b c\\ d e\\ f g\\ h i\\ j k\\ l m\\ n o\\ p q\\ r",
        "echo `echo back quoted words are never broken here` after the backquotes",
        "case x in x) echo the case branch that matched here;; *) echo no;; esac",
        "echo before # a comment with many words that run past the edge of the screen",
        "cat <<EOF\nthe body of a here document is never broken even when long\nEOF\necho after the here document",
        "echo $(( 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 )) and \"${HOME:-/nonexistent} home\" x",
    ]

    @Test(arguments: commands)
    func aBrokenCommandIsTheSameCommand(_ command: String) throws {
        for shell in ["/bin/dash", "/bin/bash"] {
            let whole = try ShellContextCorpusTests.run(shell, command)
            for width in stride(from: 16, through: 60, by: 4) {
                let lines = ScreenWrap.command(command, width: width + 4, indent: 4)
                let broken = lines.joined(separator: "\n")
                #expect(try ShellContextCorpusTests.run(shell, broken) == whole, "\(shell) at \(width):\n\(broken)")
                for (line, next) in zip(lines, lines.dropFirst()) where next.hasPrefix("    ") {
                    #expect(line.hasSuffix(ScreenWrap.continuation), "\(line)")
                }
            }
        }
    }

    @Test func aCommandIsBrokenOnlyWhereNeededAndFits() {
        let lines = ScreenWrap.command("mkdir -p ~/.ssh && chmod 700 ~/.ssh && touch ~/.ssh/authorized_keys && chmod 600 ~/.ssh/authorized_keys", width: 60, indent: 4)
        #expect(lines == ["mkdir -p ~/.ssh && chmod 700 ~/.ssh && touch \\", "    ~/.ssh/authorized_keys && chmod 600 \\", "    ~/.ssh/authorized_keys"])
        #expect(ScreenWrap.command("echo short", width: 60, indent: 4) == ["echo short"])
        // A stretch with no blank the shell reads (one long quoted word) runs past the edge whole.
        let quoted = "echo '" + String(repeating: "word ", count: 20) + "'"
        #expect(ScreenWrap.command(quoted, width: 40, indent: 4) == ["echo \\", "    '" + String(repeating: "word ", count: 20) + "'"])
    }
}
