import Lessons
import Wizard
import WizardSystem

/// What changes when a lesson runs in the practice lab (`start LESSON --lab`): the inputs come from the
/// lab, console and `on=lab` blocks are done by the lab, and the lab's card reader stands in for the
/// SD card reader.
public enum LabSession {
    /// The lab's values for the inputs a cluster lesson declares, by their kind:
    /// a `cidr` input is the lab's subnet; `gateway` this computer's lab address; a list with an `ip`
    /// field the lab's nodes (`hostname` nodeK, `ip` .(10+K), `role` master for node1, `netconf`
    /// the flavour's network stack); `user` pi; a `block-device` input the lab's reader; `image`
    /// a file in the lab's folder.
    public static func inputs(for lesson: Lesson, lab: Lab) -> [String: InputValue] {
        let layout = lab.layout
        var values: [String: InputValue] = [:]
        for input in lesson.inputs {
            switch (input.name, input.type) {
            case (_, .cidr): values[input.name] = .text(layout.subnet.description)
            case ("gateway", .ipv4): values[input.name] = .text(layout.hostAddress.description)
            case ("user", _): values[input.name] = .text(LabLayout.nodeUser)
            case (_, .blockDevice): values[input.name] = .text(layout.reader)
            case ("image", _): values[input.name] = .text(layout.image)
            case (_, .list) where input.field(named: "ip") != nil:
                values[input.name] = .records((1...layout.nodeCount).map { number in
                    var record: [String: String] = [:]
                    for field in input.fields {
                        switch field.name {
                        case "hostname": record["hostname"] = layout.nodeName(number)
                        case "ip": record["ip"] = layout.address(of: number).description
                        case "role": record["role"] = number == 1 ? "master" : "worker"
                        case "netconf": record["netconf"] = lab.flavour.netconf
                        default: break
                        }
                    }
                    return record
                })
            default: break
            }
        }
        return values
    }

    /// The session's options in the lab: the lab does the hands' work, its reader counts as a removable
    /// card reader (confirmed for unattended runs: it only ever holds a lab card).
    public static func configure(_ options: inout SessionOptions, lab: Lab) {
        options.practiceLab = true
        options.labName = lab.layout.name
        options.standInDevices.insert(lab.layout.reader)
        if options.unattended { options.confirmedDevices.insert(lab.layout.reader) }
    }

    /// The runner: console blocks at the lab's consoles; when unattended, ssh on the nodes asks the lab's
    /// `askpass` for passwords and new host keys (checked against the keys the lab knows).
    public static func runner(lab: Lab, unattended: Bool) -> LabCommandRunner {
        var builder = CommandLineBuilder()
        if unattended {
            builder.remoteEnvironment = [
                "SSH_ASKPASS": LabLayout.insideSharedFolder + "/bin/askpass",
                "SSH_ASKPASS_REQUIRE": "force",
            ]
        }
        return LabCommandRunner(base: LiveCommandRunner(builder: builder), piwizard: lab.piwizard, labName: lab.layout.name)
    }
}
