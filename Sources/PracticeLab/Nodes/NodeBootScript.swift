/// The power supply of one lab node, a bash script that `lab power on` starts: it plays the part of
/// the Pi's hardware, and the card's own system does the rest.
///
/// It attaches the node's card as a disk with its partitions (`CardDeviceScript`; once per power-on,
/// reboots included, and never while another loop device holds the card), mounts its root partition,
/// copies the FAT boot partition's files to a folder the node sees read-only at `/boot/firmware` (this kernel cannot mount
/// FAT), and boots the card with `systemd-nspawn --boot` inside the node's network namespace: the
/// card's systemd sets the name, its network stack brings up `eth0`, its sshd starts with its host
/// keys. When the node's system is running it publishes the node's host key for the lab's `askpass`
/// and says `up GENERATION`. A reboot inside the node (nspawn exits 133) reads the card again; a
/// power-off (or `SIGTERM` to this script, which asks the node's systemd to power off) ends it.
/// Its state goes to `nodes/NODE/state`: `booting`, `up GENERATION`, `stopping`, `off` or
/// `failed: REASON`.
enum NodeBootScript {
    static let text = #"""
    #!/bin/bash
    # piwizard practice lab: the power supply of one node. Written by `piwizard lab up`; do not edit.
    # Arguments: NODE CARD RUN-FOLDER NETWORK-NAMESPACE
    set -u
    node=$1 card=$2 run=$3 netns=$4
    dir="$run/nodes/$node"
    root="$dir/root"
    log="$dir/boot.log"

    """# + CardDeviceScript.functions + #"""
    set_state() { printf '%s\n' "$*" > "$dir/state.new" && mv -f "$dir/state.new" "$dir/state"; }

    # This script runs in a private copy of this computer's mount namespace, made when the node was
    # switched on. Drop the copies of what is mounted in /mnt or /media (a card being made a node's own
    # in the reader): a running node must not keep another card's file system alive, or the card could
    # not be mounted read-only again to be checked, nor be written safely.
    findmnt -rn -o TARGET | grep -E '^/(mnt|media)/' | sort -r | while read -r target; do umount -l "$target" 2>/dev/null; done

    publish_host_key() {
        rm -f "$run/shared/hostkeys/$node"
        if [ -n "$1" ] && [ -f "$root/etc/ssh/ssh_host_ed25519_key.pub" ]; then
            printf '%s %s\n' "$1" "$(cut -d' ' -f1,2 "$root/etc/ssh/ssh_host_ed25519_key.pub")" > "$run/shared/hostkeys/$node"
        fi
        (
            flock 9
            cat "$run"/shared/hostkeys/node* 2>/dev/null > "$run/known_hosts.new"
            mv -f "$run/known_hosts.new" "$run/known_hosts"
        ) 9>"$run/known_hosts.lock"
    }

    # A cgroup of its own for this node, below the one its power supply started in, in every cgroup
    # hierarchy systemd uses (cgroup v2; and name=systemd on a hybrid tree). With --keep-unit (there is
    # no systemd-machined here) nspawn puts the node's cgroups below the cgroup it runs in: nodes that
    # shared one would manage each other's processes (a session on one node never ending on another).
    # Their paths go to nodes/NODE/cgroups; lab down removes them.
    own_cgroup() {
        local name="piwizard-$(basename "$run")-$node" mount match path
        : > "$dir/cgroups"
        for mount in /sys/fs/cgroup/unified /sys/fs/cgroup/systemd /sys/fs/cgroup; do
            [ -f "$mount/cgroup.procs" ] || continue
            if [ "$mount" = /sys/fs/cgroup/systemd ]; then match='$2 == "name=systemd"'; else match='$1 == 0'; fi
            path=$(awk -F: "$match { print \$3 }" /proc/self/cgroup)
            path="$mount${path%/}/$name"
            mkdir -p "$path" && echo $$ > "$path/cgroup.procs" && echo "$path" >> "$dir/cgroups" || fail "no cgroup of its own: $path"
        done
    }

    # The card stays attached while the node is on, reboots included: a reboot mounts the same disk
    # again, so a file system the last boot's namespaces still hold is the same one, never a second.
    attach() {
        dev=$(attach_card "$card" 2>>"$log") || fail "the card could not be attached: $(tail -n 1 "$log")"
        echo "$dev" > "$dir/card.dev"
    }

    # Releases what a boot set up: the mounts and the published key.
    release() {
        publish_host_key ''
        rm -f "$dir/leader.pid" "$dir/nspawn.pid"
        umount -R "$root" 2>/dev/null || umount -R -l "$root" 2>/dev/null
    }

    # Releases the boot and the card.
    power_down() {
        release
        if [ -n "${dev:-}" ]; then detach_card "$dev" "$card" 2>>"$log"; fi
        rm -f "$dir/card.dev"
    }

    fail() {
        power_down
        set_state "failed: $*"
        rm -f "$dir/supervisor.pid"
        exit 1
    }

    node_address() { ip -n "$netns" -4 -o addr show dev eth0 2>/dev/null | awk '{print $4}' | cut -d/ -f1 | head -n 1; }

    stop=0
    trap 'stop=1; [ -n "${nspawn:-}" ] && kill -TERM "$nspawn" 2>/dev/null' TERM INT HUP

    boot() {
        set_state booting
        # A Pi that starts has no address yet: nothing of an earlier run stays on eth0 (a network
        # namespace outlives its node, and NetworkManager would take an address it finds as "external").
        ip -n "$netns" addr flush dev eth0 2>>"$log" || true
        [ -b "${dev}p2" ] || fail "the card holds no system this node can start (it has no partitions)"
        mkdir -p "$root"
        mount "${dev}p2" "$root" 2>>"$log" || fail "the card holds no system this node can start (its root partition does not mount)"
        [ -e "$root/sbin/init" ] || fail "the card holds no system this node can start (no /sbin/init on its root partition)"
        rm -rf "$dir/firmware" && mkdir -p "$dir/firmware"
        if [ -b "${dev}p1" ]; then mcopy -s -n -m -i "${dev}p1" '::*' "$dir/firmware/" 2>>"$log" || true; fi
        # A fresh container UUID per boot: otherwise nspawn passes the card's machine id, and
        # systemd-machine-id-setup on a clone would bring the master's id back from it (a Pi has no
        # such source and makes a random one).
        # The node's systemd gets the unified cgroup tree (cgroup v2, as on a Pi) also where this
        # machine's is hybrid.
        SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 SYSTEMD_NSPAWN_API_VFS_WRITABLE=network systemd-nspawn --quiet --directory="$root" --boot --register=no --keep-unit \
            --machine="$node" --uuid="$(cat /proc/sys/kernel/random/uuid)" --network-namespace-path="/run/netns/$netns" --capability=CAP_NET_ADMIN,CAP_NET_RAW \
            --resolv-conf=off --timezone=off --link-journal=no --console=read-only \
            --bind-ro="$dir/firmware:/boot/firmware" --bind-ro="$run/shared:/run/piwizard-lab" \
            </dev/null >"$dir/console.log" 2>&1 &
        nspawn=$!
        echo "$nspawn" > "$dir/nspawn.pid"
        leader=''
        for _ in $(seq 1 1800); do
            kill -0 "$nspawn" 2>/dev/null || break
            # The node's PID 1 is the child of nspawn that lives in a PID namespace of its own (nspawn's
            # first child only sets it up and ends).
            if [ -z "$leader" ] || ! kill -0 "$leader" 2>/dev/null; then
                leader=''
                for child in $(cat "/proc/$nspawn/task/$nspawn/children" 2>/dev/null); do
                    if [ "$(readlink "/proc/$child/ns/pid" 2>/dev/null)" != "$(readlink /proc/$$/ns/pid)" ]; then leader=$child; fi
                done
                [ -n "$leader" ] && echo "$leader" > "$dir/leader.pid"
            fi
            if [ -n "$leader" ]; then
                case $(nsenter -t "$leader" -a systemctl is-system-running 2>/dev/null) in
                running|degraded) break ;;
                esac
            fi
            sleep 0.1
        done
        if ! kill -0 "$nspawn" 2>/dev/null; then
            wait "$nspawn"
            fail "the system on the card stopped while starting: $(tail -n 3 "$dir/console.log" | tr '\n' ' ')"
        fi
        # The network stack may set the address a while after the system reports running (dhcpcd
        # probes a static address for several seconds first); the node is up, and its host key known,
        # once it has one. Unplugged (no carrier), or refused an address in use, it gets none.
        address=''
        for i in $(seq 1 200); do
            address=$(node_address)
            [ -n "$address" ] && break
            if [ "$i" -gt 20 ] && ip -n "$netns" link show dev eth0 2>/dev/null | grep -q NO-CARRIER; then break; fi
            sleep 0.1
        done
        publish_host_key "$address"
        generation=$(( $(cat "$dir/generation" 2>/dev/null || echo 0) + 1 ))
        echo "$generation" > "$dir/generation"
        set_state "up $generation"
    }

    echo $$ > "$dir/supervisor.pid"
    : > "$log"
    own_cgroup
    set_state booting
    attach
    while :; do
        boot
        # While the node runs, its published host key follows its address (a cable plugged in later).
        while kill -0 "$nspawn" 2>/dev/null; do
            now=$(node_address)
            if [ "$now" != "$address" ]; then address=$now; publish_host_key "$address"; fi
            sleep 1 & wait $!
        done
        wait "$nspawn"
        status=$?
        set_state stopping
        # A Pi that stopped answers nothing, not even ping: its address goes with its system.
        ip -n "$netns" addr flush dev eth0 2>>"$log" || true
        release
        # 133: the node's system asked for a reboot.
        if [ "$status" = 133 ] && [ "$stop" = 0 ]; then continue; fi
        power_down
        set_state off
        rm -f "$dir/supervisor.pid"
        exit 0
    done
    """#
}
