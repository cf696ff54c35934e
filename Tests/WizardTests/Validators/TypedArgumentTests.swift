import Lessons
import Testing
@testable import Wizard

/// Validators take typed arguments: an address or a subnet is parsed once, where the arguments are
/// read (a refusal names the argument and the rule), and lint refuses an input of another type
/// written as the whole argument before any session fills it in.
@Suite struct TypedArgumentTests {
    static func lesson(_ arguments: String, validator: String = "same-subnet") -> String {
        """
        ---
        id: typed
        title: Typed
        summary: Validator arguments and the inputs written into them.
        inputs:
          subnet: { type: cidr, default: 10.9.0.0/24 }
          gateway: { type: ipv4, default: 10.9.0.254 }
          user: { type: username, default: pi }
          note: { type: string, default: anything }
          nodes:
            type: list
            fields:
              hostname: { type: hostname }
              ip: { type: ipv4 }
            default:
              - { hostname: n1, ip: 10.9.0.1 }
        ---
        ## Check {#check foreach=nodes as=node}

        ```yaml {check validator=\(validator)}
        \(arguments)
        ```
        """
    }

    static func findings(_ arguments: String, validator: String = "same-subnet") -> [String] {
        let (_, diagnostics) = LessonLinter.lint(lesson(arguments, validator: validator), file: "typed.md", validators: ValidatorRegistry.specs)
        return diagnostics.filter { $0.severity == .error }.map(\.message)
    }

    @Test func anInputOfTheArgumentsTypeOrFreeTextPasses() {
        #expect(Self.findings("ip: \"{{node.ip}}\"\nsubnet: \"{{subnet}}\"\ngateway: \"{{gateway}}\"").isEmpty)
        #expect(Self.findings("ip: \"{{note}}\"\nsubnet: \"{{subnet}}\"").isEmpty, "free text is checked when it is filled in")
        #expect(Self.findings("ip: \"10.9.0.{{node.hostname}}\"\nsubnet: \"{{subnet}}\"").isEmpty, "a template with more text is checked when it is filled in")
        #expect(Self.findings("host: \"{{node.hostname}}\"\nexpected: \"{{node.hostname}}\"", validator: "hostname-is").isEmpty)
    }

    @Test func anInputOfAnotherTypeIsRefusedNamingBoth() {
        #expect(Self.findings("ip: \"{{node.hostname}}\"\nsubnet: \"{{subnet}}\"")
                == ["validator 'same-subnet': argument 'ip': it takes an IPv4 address, but {{node.hostname}} is a hostname (declare it as the kind the argument takes, or give another input)"])
        #expect(Self.findings("ip: \"{{node.ip}}\"\nsubnet: \"{{gateway}}\"").first?.contains("argument 'subnet': it takes a subnet such as 192.168.1.0/24, but {{gateway}} is an ipv4") == true)
        #expect(Self.findings("host: \"{{user}}\"\nexpected: n1", validator: "hostname-is").first?.contains("argument 'host': it takes a host name or address, but {{user}} is a username") == true)
        #expect(Self.findings("host: \"{{node.ip}}\"\nexpected: n1\nport: \"{{node.hostname}}\"", validator: "hostname-is").first?
            .contains("argument 'port': it takes a whole number from 1 to 65535, but {{node.hostname}} is a hostname") == true)
    }

    @Test func aWrittenValueIsCheckedByTheArgumentsKind() {
        #expect(Self.findings("ip: 10.9.0.300\nsubnet: \"{{subnet}}\"").first?.hasPrefix("validator 'same-subnet': argument 'ip': '10.9.0.300'") == true)
        #expect(Self.findings("ip: \"{{node.ip}}\"\nsubnet: 10.9.0.0/33").first?.hasPrefix("validator 'same-subnet': argument 'subnet': '10.9.0.0/33'") == true)
    }

    @Test func theValidatorReceivesParsedValues() throws {
        let validator = try SameSubnetValidator(ValidatorArguments(["ip": "10.9.0.7", "subnet": "10.9.0.0/24", "gateway": "10.9.0.254"], spec: SameSubnetValidator.spec))
        #expect(validator.ip == IPv4Address("10.9.0.7"))
        #expect(validator.subnet == IPv4Network("10.9.0.0/24"))
        #expect(validator.gateway == IPv4Address("10.9.0.254"))
        let refusal = #expect(throws: ValidatorError.self) {
            try SameSubnetValidator(ValidatorArguments(["ip": "10.9.0.x", "subnet": "10.9.0.0/24"], spec: SameSubnetValidator.spec))
        }
        #expect(refusal?.description == "argument 'ip': '10.9.0.x' is not an IPv4 address (four numbers 0-255 joined by dots, e.g. 192.168.1.10)")
        let outcome = try validator.check(ValidatorContext(run: { _, _ in CommandResult(exitStatus: 0, output: "", duration: 0) }, sshUser: "pi", timeout: 1))
        #expect(outcome.passed)
        let gateway = try SameSubnetValidator(ValidatorArguments(["ip": "10.9.0.254", "subnet": "10.9.0.0/24", "gateway": "10.9.0.254"], spec: SameSubnetValidator.spec))
        #expect(try !gateway.check(ValidatorContext(run: { _, _ in CommandResult(exitStatus: 0, output: "", duration: 0) }, sshUser: "pi", timeout: 1)).passed)
    }
}
