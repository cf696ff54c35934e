import Foundation
import Lessons
import Wizard
import WizardSystem

/// What changes when a lesson runs in the practice lab (`start LESSON --lab`): the inputs come from the
/// lab, console and `on=lab` blocks are done by the lab, and the lab's card reader stands in for the
/// SD card reader.
public enum LabSession {
    /// The lab's values for the inputs a cluster lesson declares, by their kind:
    /// a `cidr` input is the lab's subnet; `gateway` this computer's lab address; a list with an address
    /// field the lab's nodes (its name field nodeK, its address field .(10+K), `role` master for node1,
    /// `netconf` the flavour's network stack); `user` pi, and the sudo password pi's unless a learner
    /// types it (`learnerTypesSecrets`: at a terminal, sudo's password is asked as on a Pi); a
    /// `block-device` input the lab's reader; `image` a file in the lab's folder. What the lesson
    /// detects on the nodes (its network stack) is left to the lesson.
    public static func inputs(for lesson: Lesson, lab: Lab, learnerTypesSecrets: Bool = false) -> [String: InputValue] {
        let layout = lab.layout
        var values: [String: InputValue] = [:]
        for input in lesson.inputs {
            switch (input.name, input.type) {
            case (_, .cidr): values[input.name] = .text(layout.subnet.description)
            case ("gateway", .ipv4): values[input.name] = .text(layout.hostAddress.description)
            case ("user", _): values[input.name] = .text(LabLayout.nodeUser)
            case (_, .secret) where input.isSudoPassword: if !learnerTypesSecrets { values[input.name] = .text(LabLayout.nodePassword) }
            case (_, .blockDevice): values[input.name] = .text(layout.reader)
            case ("image", _): values[input.name] = .text(layout.image)
            case (_, .list) where input.addressField != nil:
                values[input.name] = .records((1...layout.nodeCount).map { number in
                    var record: [String: String] = [:]
                    for field in input.fields {
                        switch field.name {
                        case input.addressField: record[field.name] = layout.address(of: number).description
                        case input.nameField: record[field.name] = layout.nodeName(number)
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
        for number in 1...lab.layout.nodeCount { options.standInCards[lab.layout.card(number)] = "\(lab.layout.nodeName(number))'s card" }
        if options.unattended { options.confirmedDevices.insert(lab.layout.reader) }
    }

    /// The runner: console blocks at the lab's consoles; a lesson's `piwizard lab …` commands run this
    /// same piwizard, in this lab (on `PATH`, and `PIWIZARD_LAB`, for those commands only); when
    /// unattended, ssh on the nodes asks the lab's `askpass` for passwords and new host keys (checked
    /// against the keys the lab knows).
    public static func runner(lab: Lab, unattended: Bool, environment: [String: String]) -> LabCommandRunner {
        var builder = CommandLineBuilder()
        let folder = (lab.piwizard as NSString).deletingLastPathComponent
        builder.localEnvironment = [
            "PATH": folder + ":" + (environment["PATH"] ?? "/usr/bin:/bin"),
            "PIWIZARD_LAB": lab.layout.name,
        ]
        if unattended {
            builder.remoteEnvironment = [
                "SSH_ASKPASS": LabLayout.insideSharedFolder + "/bin/askpass",
                "SSH_ASKPASS_REQUIRE": "force",
            ]
        }
        return LabCommandRunner(base: LiveCommandRunner(builder: builder), piwizard: lab.piwizard, labName: lab.layout.name)
    }
}
