import Foundation
import Lessons
import Testing

/// One schema reads every value from wherever it was given: its type, its records, the places the
/// lesson puts it and the rules relating it to other inputs; each refusal names the input, the source
/// and the rule.
@Suite struct InputSchemaTests {
    static let text = """
    ---
    id: schema
    title: Schema
    inputs:
      subnet: { type: cidr, default: 10.9.0.0/24 }
      gateway: { type: ipv4, same-subnet-as: subnet, default: 10.9.0.254 }
      greeting: { type: string, default: hello }
      nodes:
        type: list
        fields:
          name: { type: hostname, unique: true }
          ip: { type: ipv4, same-subnet-as: subnet, distinct-from: gateway }
          stack: { type: choice, choices: [a, b], detect: "cat /etc/stack" }
          kind: { type: choice, choices: [x, y] }
        default:
          - { name: n1, ip: 10.9.0.1, stack: auto, kind: x }
    ---
    # Schema

    ## Greet {#greet}

    ```sh {run}
    cat <<EOF
    {{greeting}}
    EOF
    ```
    """

    let lesson = LessonParser.parse(Self.text, file: "schema.md").lesson
    var schema: InputSchema { InputSchema(lesson: lesson) }
    var nodes: InputDeclaration { lesson.input(named: "nodes")! }

    func refusal(_ text: String, for name: String, from source: InputSource) -> String? {
        do throws(InputRefusal) {
            _ = try schema.read(text, as: lesson.input(named: name)!, from: source)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func everySourceIsNamedInItsRefusal() {
        let rule = "'10.9.0.08' has a leading zero in '08', which is ambiguous (some programs read 010 as octal 8); write 10.9.0.8"
        let sources: [(InputSource, String)] = [
            (.option, "--var gateway"), (.environment(variable: "PIWIZARD_VAR_GATEWAY"), "PIWIZARD_VAR_GATEWAY"),
            (.varsFile(path: "v.yaml", line: 3), "v.yaml:3: gateway"), (.prompt, "gateway"), (.set, "set gateway"),
            (.lab, "the practice lab's gateway"), (.savedRun, "the saved run's gateway"), (.transcript, "the transcript's gateway"),
            (.lessonDefault, "the default of gateway"),
        ]
        for (source, naming) in sources {
            #expect(refusal("10.9.0.08", for: "gateway", from: source) == "\(naming): \(rule)")
        }
    }

    @Test func aListIsReadFromItsLinesAndEachLineNeedsEveryField() throws {
        let value = try schema.read("n1 10.9.0.1 a x; n2 10.9.0.2 auto y", as: nodes, from: .option)
        #expect(value.records?.map { $0["stack"] } == ["a", "auto"])
        #expect(refusal("n1 10.9.0.1 a", for: "nodes", from: .option) == "--var nodes: each record needs 4 values (name ip stack kind), got 'n1 10.9.0.1 a'")
        #expect(RecordLine.line(of: value.records![1], as: nodes) == "n2 10.9.0.2 auto y")
    }

    @Test func autoWaitsForDetectionOnlyWhereAFieldDetects() {
        #expect(nodes.field(named: "stack")!.awaitsDetection("auto"))
        #expect(!nodes.field(named: "kind")!.awaitsDetection("auto"))
        #expect(!nodes.field(named: "stack")!.awaitsDetection("?"))
        #expect(refusal("n1 10.9.0.1 a auto", for: "nodes", from: .prompt) == "nodes: record 1 (n1): kind: 'auto' is not one of: x, y")
        #expect(refusal("n1 10.9.0.1 ? x", for: "nodes", from: .prompt) == "nodes: record 1 (n1): stack: '?' is not one of: a, b")
    }

    @Test func aValueOfTheWrongShapeIsRefused() {
        #expect(schema.problems(of: .records([]), as: lesson.input(named: "gateway")!).map(\.message) == ["this input takes one value (an ipv4), not a list of records"])
        #expect(schema.problems(of: InputValue.text("n1"), as: nodes).map(\.message) == ["a list needs records, not a single value"])
    }

    @Test func aValueItsPlaceCannotHoldIsRefusedOnlyWhenTheLessonsCommandsAreKnown() {
        let delimiter = refusal("EOF", for: "greeting", from: .set)
        #expect(delimiter?.hasPrefix("set greeting: it cannot go where step 'greet' puts {{greeting}}") == true, "\(delimiter ?? "accepted")")
        let frontMatterOnly = InputSchema(inputs: lesson.inputs)
        #expect(frontMatterOnly.problems(of: .text("EOF"), as: lesson.input(named: "greeting")!).isEmpty)
    }

    @Test func checkRefusesOnlyWhatWasGivenAndNamesItsSource() throws {
        var values: [String: InputValue] = ["subnet": .text("10.8.0.0/24")]
        // The saved subnet breaks the default gateway, but nobody gave it now: not refused.
        try schema.check(values, given: [:])
        #expect(throws: InputRefusal.self) { try schema.check(values, given: ["subnet": .savedRun]) }
        values["gateway"] = .text("10.8.0.1")
        values["nodes"] = .records([["name": "n1", "ip": "10.8.0.1", "stack": "auto", "kind": "x"]])
        do throws(InputRefusal) {
            try schema.check(values, given: ["nodes": .varsFile(path: "v.yaml", line: 4), "gateway": .lab, "subnet": .lab])
            Issue.record("a node at the gateway's address is refused")
        } catch {
            #expect(error.description == "v.yaml:4: nodes: refused, because nodes record 1 (n1): ip 10.8.0.1 is also gateway (ip must not be gateway)")
            #expect(error.problem.record == 0)
        }
    }

    @Test func aWholeSetOfValuesReportsItsOwnProblemsBeforeTheRules() {
        let broken: [String: InputValue] = ["gateway": .text("10.9.0.300"), "subnet": .text("10.8.0.0/24")]
        #expect(schema.problems(in: broken).map(\.input) == ["gateway"])
        let related: [String: InputValue] = ["gateway": .text("10.9.0.3"), "subnet": .text("10.8.0.0/24")]
        #expect(schema.problems(in: related).map(\.message) == ["gateway 10.9.0.3 is outside the subnet 10.8.0.0/24 (gateway must be in subnet)",
                                                                  "nodes record 1 (n1): ip 10.9.0.1 is outside the subnet 10.8.0.0/24 (ip must be in subnet)"])
    }
}

/// A secret's value is one type that shows, prints and encodes only as its stand-in.
@Suite struct SecretValueTests {
    @Test func aSecretNeverShowsOrEncodesAsItself() throws {
        let secret = SecretValue("CANARY-hunter2")
        let value = InputValue.secret(secret)
        for text in ["\(secret)", String(describing: secret), String(reflecting: secret), "\(value)", String(reflecting: value)] {
            #expect(!text.contains("CANARY"), "\(text)")
        }
        var dumped = ""
        dump(value, to: &dumped)
        #expect(!dumped.contains("CANARY"), "\(dumped)")
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(value) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(InputValue.self, from: Data(#"{"secret":{"_0":"x"}}"#.utf8)) }
        #expect(secret.reveal() == "CANARY-hunter2")
        #expect(value.text == nil, "a secret is not text")
    }

    @Test func aSecretInputsValueIsReadAsASecretFromEverySource() throws {
        let lesson = LessonParser.parse("""
        ---
        id: s
        title: S
        summary: S.
        inputs:
          password: { type: secret }
        ---
        ## Log in {#login}

        ```sh {run}
        login --password {{password}}
        ```
        """, file: "s.md").lesson
        let input = try #require(lesson.input(named: "password"))
        let schema = InputSchema(lesson: lesson)
        let value = try schema.read("pa ss", as: input, from: .environment(variable: "PIWIZARD_VAR_PASSWORD"))
        #expect(value == .secret(SecretValue("pa ss")))
        #expect(schema.problems(of: .text("pa ss"), as: input).map(\.message) == ["a secret's value is given as a secret, never as text"])
        let context = TemplateContext(inputs: ["password": value], lessonID: "s", lessonAssets: "/")
        #expect(context.words(for: TemplatePath(root: "password")) == ["••••••(password)"], "a template context never holds the value")
    }
}
