import Lessons
import Testing

@Suite struct MarkdownTerminalRendererTests {
    @Test func wrapsParagraphsToTheWidth() {
        let renderer = MarkdownTerminalRenderer(width: 20, style: .plain)
        let text = renderer.render("one two three four five six seven eight nine ten")
        #expect(text == "one two three four\nfive six seven eight\nnine ten\n")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 20 })
    }

    @Test func plainOutputHasNoEscapeCodes() {
        let text = MarkdownTerminalRenderer(width: 80, style: .plain).render("# Title\n\n**bold** *it* `code`\n\n## Step {#id foreach=x}\n")
        #expect(!text.contains("\u{1B}"))
        #expect(text == "Title\n=====\n\nbold it code\n\nStep\n----\n")
    }

    @Test func colourStylesHeadingsEmphasisAndCode() {
        let text = MarkdownTerminalRenderer(width: 80, style: TextStyle(colour: true)).render("**bold** `code`")
        #expect(text == "\u{1B}[1mbold\u{1B}[0m \u{1B}[33mcode\u{1B}[0m\n")
    }

    @Test func codeBlocksListsAndQuotes() {
        let markdown = """
        - first item
        - second

        1. one
        2. two

        > quoted text

        ```sh {run on=node}
        echo hi
        ```
        """
        let text = MarkdownTerminalRenderer(width: 40, style: .plain).render(markdown)
        #expect(text == """
        • first item
        • second

        1. one
        2. two

        │ quoted text

          ┌ run on=node
            echo hi

        """)
    }
}
