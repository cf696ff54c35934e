import Foundation
import Lessons
import Wizard

/// Small lessons for driving the session, parsed for real.
enum TestLessons {
    static let cluster = """
    ---
    id: mini-cluster
    title: Mini cluster
    summary: Three steps, a loop and a branch.
    hosts: { login: user }
    inputs:
      subnet: { type: cidr, default: 10.9.0.0/24 }
      gateway: { type: ipv4, same-subnet-as: subnet, default: 10.9.0.254 }
      nodes:
        type: list
        min: 1
        fields:
          hostname: { type: hostname, unique: true }
          ip: { type: ipv4, unique: true, same-subnet-as: subnet, distinct-from: gateway }
          netconf: { type: choice, choices: [dhcpcd, interfaces], detect: "detect-netconf" }
        default:
          - { hostname: n1, ip: 10.9.0.1, netconf: dhcpcd }
          - { hostname: n2, ip: 10.9.0.2, netconf: interfaces }
      user: { type: string, default: pi }
      image: { type: path, default: /tmp/x.img }
    ---
    # Mini cluster

    ## Prepare {#prepare}

    Make the folder.

    ```sh {run}
    mkdir -p /tmp/mini && touch {{image}}
    ```

    ```sh {check}
    test -f {{image}}
    ```

    > **Hint:** Is /tmp writable?

    ## Name each node {#name foreach=nodes as=node}

    ```sh {run on=node}
    set-name {{node.hostname}}
    ```

    ```yaml {check validator=hostname-is}
    host: "{{node.ip}}"
    expected: "{{node.hostname}}"
    ```

    > **Hint:** A forgotten name causes a conflict.

    ## With dhcpcd {#dhcpcd foreach=nodes as=node when="node.netconf == dhcpcd"}

    ```sh {run on=node}
    configure-dhcpcd {{node.ip}}/{{subnet.prefix}}
    ```

    ```sh {check on=node output=ok}
    verify-dhcpcd
    ```

    > **Hint:** Check /etc/dhcpcd.conf.

    ## With interfaces {#interfaces foreach=nodes as=node when="node.netconf == interfaces"}

    ```sh {show on=console}
    sudo nano /etc/network/interfaces
    ```

    ```sh {check on=node}
    verify-interfaces
    ```

    > **Hint:** Check /etc/network/interfaces.
    """

    static let card = """
    ---
    id: card
    title: Card
    summary: A destructive step.
    inputs:
      card: { type: block-device }
      image: { type: path, default: /tmp/x.img }
    ---
    ## Write the card {#write}

    ```yaml {precondition validator=block-device}
    device: "{{card}}"
    removable: true
    unmounted: true
    not-system: true
    ```

    ```sh {run destructive}
    dd if={{image}} of={{card}} bs=4M conv=fsync
    ```

    ```sh {check}
    cmp-card {{card}}
    ```

    > **Hint:** Unmount it first.

    > **Hint:** Unmount its partitions: `sudo umount {{card}}?*`.
    """

    /// lsblk output with an SD card reader (sdb) and the system disk (sda).
    static let lsblkWithCard = """
    {
       "blockdevices": [
          {"name":"sda", "path":"/dev/sda", "size":512110190592, "rm":false, "hotplug":false, "type":"disk", "mountpoint":null, "model":"Samsung SSD 860", "tran":"sata",
             "children": [
                {"name":"sda1", "path":"/dev/sda1", "size":536870912, "rm":false, "hotplug":false, "type":"part", "mountpoint":"/boot/efi", "model":null, "tran":null},
                {"name":"sda2", "path":"/dev/sda2", "size":511571156992, "rm":false, "hotplug":false, "type":"part", "mountpoint":"/", "model":null, "tran":null}
             ]
          },
          {"name":"sdb", "path":"/dev/sdb", "size":31914983424, "rm":true, "hotplug":true, "type":"disk", "mountpoint":null, "model":"SD Card Reader", "tran":"usb",
             "children": [
                {"name":"sdb1", "path":"/dev/sdb1", "size":268435456, "rm":true, "hotplug":true, "type":"part", "mountpoint":null, "model":null, "tran":null},
                {"name":"sdb2", "path":"/dev/sdb2", "size":31642353664, "rm":true, "hotplug":true, "type":"part", "mountpoint":null, "model":null, "tran":null}
             ]
          }
       ]
    }
    """

    static func load(_ text: String, id: String) throws -> LoadedLesson {
        let (lesson, diagnostics) = LessonLinter.lint(text, file: "\(id).md", validators: ValidatorRegistry.specs)
        if diagnostics.hasErrors { throw LessonLibraryError.invalid(path: "\(id).md", diagnostics: diagnostics) }
        return LoadedLesson(lesson: lesson, url: URL(fileURLWithPath: "/lessons/\(id).md"), warnings: diagnostics)
    }
}
