import Lessons

/// The text the wizard shows, as pure functions of the lesson, the state and a style.
struct SessionPresenter {
    let lesson: Lesson
    let style: TextStyle
    let markdown: MarkdownTerminalRenderer

    init(lesson: Lesson, style: TextStyle, width: Int) {
        self.lesson = lesson
        self.style = style
        self.markdown = MarkdownTerminalRenderer(width: width, style: style)
    }

    /// `Step 3 of 17 · Write the image  [███░░] 2/17` (the bar on a line of its own when the screen is
    /// too narrow for both) and, in a loop, which node: `number` and `total`
    /// count the steps that apply (a branch not taken is not among them), `settled` those before it;
    /// `itemNumber` counts the items the step applies to (none shown when it applies to one only).
    func header(step: Step, number: Int, total: Int, settled: Int, item: LoopItem?, itemNumber: (Int, of: Int)?) -> String {
        let title = "Step \(number) of \(total) · \(step.title)"
        let bar = ProgressBar.render(done: settled, total: total, width: 20)
        // The bar goes after the title when both fit on the screen's line, else on a line of its own:
        // never broken, its count never alone on the next row.
        let fits = ScreenWrap.columns(of: title) + 2 + ScreenWrap.columns(of: bar) <= markdown.width
        var text = "\n" + style.apply([.bold, .cyan], to: title) + (fits ? "  " : "\n  ") + style.apply(.dim, to: bar) + "\n"
        if let item {
            let counter = itemNumber.map { $0.of > 1 ? " (\($0.0) of \($0.of))" : "" } ?? " (\(item.index + 1) of \(item.count))"
            text += style.apply(.dim, to: "  \(item.variable) \(item.label)\(counter)") + "\n"
        }
        return text
    }

    /// A block as shown before it runs: what and where, then its text; `number` is a command's number
    /// for `edit N` (`run 2 of 3`), given when its step has more than one.
    func block(_ block: Block, text: String, place: String, number: (Int, of: Int)? = nil) -> String {
        var out = "  " + style.apply(.bold, to: label(block, place: place, number: number) + ":") + "\n"
        let visible = VisibleText.of(text, keepsLayout: true)
        for line in ScreenWrap.body(visible, isShell: block.validator == nil, width: markdown.width, indent: 4) {
            out += "    " + style.apply(.yellow, to: line) + "\n"
        }
        return out
    }

    /// The line for a command that runs now, when the step showed its text already: `▶ run 2 of 3 on node2`.
    func running(_ block: Block, place: String, number: (Int, of: Int)? = nil) -> String {
        "  " + style.apply(.bold, to: "▶ " + label(block, place: place, number: number)) + style.apply(.dim, to: " (shown above)") + "\n"
    }

    /// What a block is and where it runs, without the colon: `run 2 of 3 on node2 (10.0.0.2)`.
    private func label(_ block: Block, place: String, number: (Int, of: Int)?) -> String {
        var label = DisplayWalk.label(block, withTarget: place.isEmpty)
        label.removeLast()  // the colon
        if let number, block.kind == .run, label.hasPrefix("run") {
            label = "run \(number.0) of \(number.of)" + label.dropFirst(3)
        }
        return "\(label) \(place)".trimmingCharacters(in: .whitespaces)
    }

    func failure(_ outcome: CheckOutcome) -> String {
        style.apply(.red, to: "✗ \(outcome.title)") + "\n"
            + "    expected: \(outcome.expected)\n"
            + "    found:    \(outcome.found)\n"
    }

    func success(_ outcome: CheckOutcome) -> String {
        style.apply(.green, to: "✓ \(outcome.title)") + style.apply(.dim, to: " — \(outcome.found)") + "\n"
    }

    /// One look of a watch on one line, drawn over the look before it (it starts with a carriage
    /// return and fills the line): `  look 3, every 5 s: ✓ node3 answers  ✗ its name is node3`, cut
    /// with `…` where the screen ends.
    func watchLine(_ outcomes: [CheckOutcome], look: Int, seconds: Int) -> String {
        let width = max(20, markdown.width) - 2
        let marks = outcomes.map { outcome in
            let title = VisibleText.of(outcome.title)
            return outcome.passed ? style.apply(.green, to: "✓ " + title) : style.apply(.red, to: "✗ " + title)
        }
        let text = style.apply(.dim, to: "  look \(look), every \(seconds) s:") + " " + marks.joined(separator: "  ")
        let lines = ScreenWrap.lines(of: text, width: width - 1, hang: 0)
        let line = lines[0] + (lines.count > 1 ? "…" : "")
        return "\r" + line + String(repeating: " ", count: max(0, width - ScreenWrap.columns(of: line)))
    }

    func hints(_ texts: [String]) -> String {
        guard !texts.isEmpty else { return style.apply(.dim, to: "This step has no hints.") + "\n" }
        return texts.map { markdown.render("**Hint:** " + $0) }.joined()
    }

    func help() -> String {
        let width = SessionCommand.catalog.map(\.usage.count).max() ?? 0
        return SessionCommand.catalog.map { "  " + style.apply(.bold, to: $0.usage.padding(toLength: width, withPad: " ", startingAt: 0)) + "  \($0.summary)\n" }.joined()
    }

    /// `status`: how many of the counted steps are behind the learner, then each counted step
    /// (numbered as the session's header numbers it) with its mark and each item's; an item the step
    /// will not apply to is `–`. The steps of choices this run did not make are not listed: one line
    /// says how many.
    func status(_ state: SessionState, values: StepValues) -> String {
        let counted = values.countedSteps(current: state.stepIndex)
        var lines: [String] = []
        var settled = 0
        for (number, index) in counted.enumerated() {
            let step = lesson.steps[index]
            let loopItems = values.items(of: step).compactMap { $0 }
            let statuses = loopItems.isEmpty ? [state.status(step.id)] : loopItems.map { item in
                let status = state.status(step.id, item: item.key)
                return status == .pending && !values.mayApply(step, to: item) ? .notApplicable : status
            }
            let overall = Self.overall(statuses)
            if overall.isSettled { settled += 1 }
            let here = index == state.stepIndex ? style.apply(.bold, to: "→") : " "
            var line = "\(here) \(overall.mark) \(number + 1). \(step.title) [\(step.id)]"
            if !loopItems.isEmpty {
                line += "  " + zip(loopItems, statuses).map { "\($0.label) \($1.mark)" }.joined(separator: " ")
            }
            lines.append(line)
        }
        var text = "\(settled) of \(counted.count) steps behind you (done, skipped or not needed).\n" + lines.joined(separator: "\n") + "\n"
        let hidden = lesson.steps.count - counted.count
        if hidden > 0 {
            text += style.apply(.dim, to: "Not listed: \(hidden) step\(hidden == 1 ? "" : "s") for choices this run did not make.") + "\n"
        }
        return text + style.apply(.dim, to: StepStatus.legend) + "\n"
    }

    /// A step's mark from its items' statuses: settled, the best of done, skipped, not applicable;
    /// otherwise the most urgent of failed, running, pending.
    static func overall(_ statuses: [StepStatus]) -> StepStatus {
        let order: [StepStatus] = statuses.allSatisfy(\.isSettled) ? [.done, .skipped, .notApplicable] : [.failed, .running, .pending]
        return order.first { statuses.contains($0) } ?? order.last!
    }

    func variables(_ inputs: [String: InputValue]) -> String {
        var text = ""
        for input in lesson.inputs {
            switch inputs[input.name] {
            case nil:
                text += "  \(input.name) = " + style.apply(.dim, to: "(not set yet)") + "\n"
            case .text(let value)?:
                text += "  \(input.name) = \(VisibleText.of(value))\n"
            case .secret(let secret)?:
                text += "  \(input.name) = \(secret)\n"
            case .records(let records)?:
                text += "  \(input.name):\n"
                for (index, record) in records.enumerated() {
                    text += "    \(index + 1). " + input.fields.map { "\($0.name)=\(VisibleText.of(record[$0.name] ?? "?"))" }.joined(separator: " ") + "\n"
                }
            }
        }
        return text
    }
}
