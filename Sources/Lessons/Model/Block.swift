/// A fenced block of a step: a command, hand-typed text, a check or a precondition.
public struct Block: Sendable, Hashable, Codable {
    public var kind: BlockKind
    /// The fence's language word (`sh`, `yaml`, ...), for highlighting.
    public var language: String
    /// The block's text: a shell command, file text, or a validator's YAML arguments.
    public var body: String
    public var target: Target
    /// The user it runs as (`root` means through sudo); nil for the session's user.
    public var user: String?
    public var destructive: Bool
    public var readonly: Bool
    /// The built-in validator, for a check or precondition that is not a shell command.
    public var validator: ValidatorCall?
    /// Where `validator=` was written.
    public var validatorLocation: SourceLocation?
    /// For shell checks: the exit status that passes.
    public var expectedExit: Int32
    /// For shell checks: a regular expression the output must match.
    public var outputPattern: String?
    /// Seconds after which the command is given up.
    public var timeout: Double?
    /// What a check or precondition checks, in words (`name="the card holds the node's name"`): how its
    /// result is shown instead of its first line of code or its validator's own words.
    public var name: String?
    /// A check's or precondition's id (`id=key-login`), by which hints name the checks they explain.
    public var checkID: String?
    /// For a `{run}` block: only a person may run it (`{run person}`: `passwd` asks twice for a new
    /// password); an unattended run stops there with exit 3.
    public var needsPerson = false
    /// For a `{show}` block: while the learner types it by hand, piwizard re-runs the step's checks
    /// every this many seconds and goes on by itself once they pass (`watch`, `watch=10`).
    public var watchSeconds: Int?
    /// For a check or precondition: the `id=` of a check, anywhere in the lesson, that this one is
    /// (`use=key-login`), with the arguments its own YAML gives instead of that check's.
    public var uses: String?
    /// For a check that `uses` another: its text is that check's (it wrote none of its own), so lint
    /// reads the text where it is written, not again at every use.
    public var bodyIsBorrowed = false
    /// For a `{run}` block: a yes/no question the learner answers before it runs
    /// (`confirm="Are the two fingerprints the same?"`); no stops the step and shows its hints.
    public var confirmation: String?
    /// For a `{drill}` block: the step's hint (from 1, in the order written) that explains the fault it
    /// makes (`hint=2`).
    public var drillHint: Int?
    /// For a `{check}` block: `may-pass-before`, this check may hold before its step runs (one that
    /// holds trivially where there is nothing to look at yet), and `piwizard test` accepts that.
    public var mayPassBefore = false
    /// For a `{drill}` block: the items it applies to (`when="node.role == worker"`); nil for every one.
    public var condition: Condition?
    /// `data=a,b`: the author's word that inputs `a` and `b` reach only programs that read them as
    /// data here, where lint cannot tell (a quoted string or a here-document for a program it does not
    /// know); lint then does not warn about them.
    public var dataInputs: [String] = []
    /// The opening fence.
    public var location: SourceLocation

    public init(
        kind: BlockKind, language: String, body: String, target: Target = .local, user: String? = nil,
        destructive: Bool = false, readonly: Bool = false, validator: ValidatorCall? = nil,
        expectedExit: Int32 = 0, outputPattern: String? = nil, timeout: Double? = nil, location: SourceLocation
    ) {
        self.kind = kind
        self.language = language
        self.body = body
        self.target = target
        self.user = user
        self.destructive = destructive
        self.readonly = readonly
        self.validator = validator
        self.expectedExit = expectedExit
        self.outputPattern = outputPattern
        self.timeout = timeout
        self.location = location
    }

    /// How often a `watch` without a number looks at the step's checks, in seconds.
    public static let defaultWatchSeconds = 5

    /// Where the body's first line is.
    public var bodyLocation: SourceLocation { location.offset(lines: 1) }

    /// Fence languages whose hand-typed text is a shell command (so values in it are shell-quoted).
    public static let shellLanguages: Set<String> = ["sh", "bash", "shell", "console", "zsh"]

    /// How templates in the body are filled in: shell-quoted in commands (also hand-typed ones), as they
    /// are in a validator's arguments and in hand-typed text that is not a command (a file's lines).
    public var templateQuoting: TemplateRenderer.Quoting {
        if validator != nil { return .none }
        if kind == .show { return Self.shellLanguages.contains(language) ? .shell : .none }
        return .shell
    }

    /// Whether a command of this block runs `sudo` on another host (`on=node` or `on=master`, with
    /// `user=` or the word `sudo` in its text), and so needs the lesson's sudo password there.
    public var runsSudoElsewhere: Bool {
        guard kind != .show, validator == nil, target == .node || target == .master else { return false }
        if user != nil { return true }
        return body.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }).contains("sudo")
    }

    /// Whether the block changes something when it runs (so its step needs a check).
    public var changesSomething: Bool {
        (kind == .run && !readonly) || kind == .show
    }

    /// How many lines the block takes in its file, fences included (the closing fence counted).
    public var lineCount: Int { body.split(separator: "\n", omittingEmptySubsequences: false).count + 2 }
}
