import Foundation
import Lessons
import Testing

@Suite struct TemplateTests {
    let context = TemplateContext(
        inputs: [
            "name": .text("world"),
            "hostile": .text("a'b; rm -rf / $(reboot) `x` \"q\" *"),
            "nodes": .records([["hostname": "raspi1", "ip": "10.0.0.1"], ["hostname": "ras pi2", "ip": "10.0.0.2"]]),
        ],
        loop: ("node", ["hostname": "raspi2", "ip": "10.0.0.2"]),
        lessonID: "demo", lessonAssets: "/srv/lessons/demo"
    )

    @Test func safeValuesAreInsertedAsTheyAre() throws {
        #expect(try TemplateRenderer.render("echo {{name}} {{ node.ip }}", context: context, quoting: .shell) == "echo world 10.0.0.2")
    }

    @Test func unsafeValuesAreSingleQuoted() throws {
        let rendered = try TemplateRenderer.render("echo {{hostile}}", context: context, quoting: .shell)
        #expect(rendered == #"echo 'a'\''b; rm -rf / $(reboot) `x` "q" *'"#)
    }

    @Test func listFieldsBecomeOneWordPerRecord() throws {
        #expect(try TemplateRenderer.render("printf '%s\\n' {{nodes.hostname}}", context: context, quoting: .shell)
            == "printf '%s\\n' raspi1 'ras pi2'")
        #expect(try TemplateRenderer.render("-n {{nodes.count}}", context: context, quoting: .shell) == "-n 2")
    }

    @Test func builtInsAndPlainQuoting() throws {
        #expect(try TemplateRenderer.render("{{lesson.assets}}/pi.c for {{lesson.id}}", context: context, quoting: .none) == "/srv/lessons/demo/pi.c for demo")
        #expect(try TemplateRenderer.render("{{hostile}}", context: context, quoting: .none) == "a'b; rm -rf / $(reboot) `x` \"q\" *")
    }

    @Test func aMissingValueIsAnErrorNotAnEmptyString() {
        #expect(throws: TemplateRenderer.MissingValue(reference: "card")) {
            try TemplateRenderer.render("dd of={{card}}", context: context, quoting: .shell)
        }
        #expect(TemplateRenderer.preview("dd of={{card}}", context: context, quoting: .shell) == "dd of=⟨card⟩")
    }

    /// The real shell must see each hostile value as exactly one unchanged word.
    @Test(arguments: ["plain", "two words", "it's", "$(touch /tmp/piwizard-pwned)", "`id`", "a\\b", "*", "-n", "é ü ✓", "'", "''", "\"", "; exit 3", "~root"])
    func theShellReceivesTheValueUnchanged(_ value: String) throws {
        let ctx = TemplateContext(inputs: ["v": .text(value)], lessonID: "t", lessonAssets: "/t")
        let command = try TemplateRenderer.render("printf '%s|' {{v}}", context: ctx, quoting: .shell)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self) == value + "|")
    }

    @Test func aLeadingTildeStaysOutsideTheQuotesSoTheShellExpandsIt() throws {
        #expect(ShellQuote.quote("~/cluster.img") == "~/cluster.img")
        #expect(ShellQuote.quote("~/my card.img") == "~/'my card.img'")
        #expect(ShellQuote.quote("~/") == "~/")
        #expect(ShellQuote.quote("a~/b c") == "'a~/b c'")
        #expect(ShellQuote.quote("~root/x y") == "'~root/x y'")
        var ctx = TemplateContext(inputs: ["v": .text("~/my card.img")], lessonID: "t", lessonAssets: "/t")
        ctx.homePaths = ["v"]
        let command = try TemplateRenderer.render("printf '%s' {{v}}", context: ctx, quoting: .shell)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ["HOME": "/home/learner"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: output, as: UTF8.self) == "/home/learner/my card.img")
    }

    @Test func subnetsHaveTheirPartsAsFields() throws {
        let ctx = TemplateContext(inputs: ["subnet": .text("192.168.1.0/24")], lessonID: "t", lessonAssets: "/t")
        #expect(try TemplateRenderer.render("{{subnet.prefix}} {{subnet.netmask}} {{subnet.network}} {{subnet.broadcast}}", context: ctx, quoting: .shell)
            == "24 255.255.255.0 192.168.1.0 192.168.1.255")
        #expect(throws: TemplateRenderer.MissingValue.self) { try TemplateRenderer.render("{{subnet.mask}}", context: ctx, quoting: .shell) }
    }

    @Test func showBlocksAreShellQuotedOnlyInAShellLanguage() {
        let location = SourceLocation(file: "t", line: 1)
        #expect(Block(kind: .show, language: "sh", body: "", location: location).templateQuoting == .shell)
        #expect(Block(kind: .show, language: "text", body: "", location: location).templateQuoting == .none)
        #expect(Block(kind: .run, language: "", body: "", location: location).templateQuoting == .shell)
        #expect(Block(kind: .check, language: "yaml", body: "", validator: ValidatorCall(name: "reachable", arguments: [:]), location: location).templateQuoting == .none)
    }

    @Test func scanFindsPositionsAndQuotedUses() {
        let references = TemplateReference.scan("a {{x}}\n  '{{y.z}}' {{bad path}} {{unclosed")
        #expect(references.map(\.raw) == ["x", "y.z", "bad path"])
        #expect(references.map(\.line) == [0, 1, 1])
        #expect(references.map(\.column) == [3, 4, 13])
        #expect(references[2].path == nil)
    }
}
