extension ReadlineTerminal {
    /// What a tab completes.
    enum CompletionKind: Equatable {
        /// Words given to `setCompletions`.
        case words
        /// File names, by readline's own file name completion.
        case fileNames
    }

    /// The first word of a line completes from the words, unless it looks like a path (starts with `/`,
    /// `~` or `.`); every later word completes file names. `linePrefix` is the line before the word.
    static func completionKind(linePrefix: String, word: String) -> CompletionKind {
        let isFirstWord = linePrefix.allSatisfy { $0 == " " || $0 == "\t" }
        let looksLikePath = word.first.map { "/~.".contains($0) } ?? false
        return isFirstWord && !looksLikePath ? .words : .fileNames
    }

    /// The words that start with `word`, sorted and without repeats.
    static func matches(for word: String, in words: [String]) -> [String] {
        Array(Set(words.filter { $0.hasPrefix(word) })).sorted()
    }
}
