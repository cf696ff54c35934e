/// The init of one lab node, a bash script that `lab up` writes and every node runs.
///
/// It runs inside the node's own network, UTS and mount namespaces and plays the part of a Pi's boot:
/// it mounts the node's card, takes the name and the address the card gives (through
/// `piwizard lab boot-config`, which reads whichever network configuration the card has), makes the
/// card the root of the node's world (`/usr` comes read-only from this machine, `/etc`, `/home`,
/// `/root` and `/var` are the card's own) and starts the card's sshd. `SIGUSR1` restarts the node
/// (every process in its network namespace ends, the card is read again), `SIGTERM` switches it off.
/// Its state goes to `nodes/NODE/state`: `booting`, `up GENERATION`, `stopping`, `off` or
/// `failed: REASON`.
enum NodeInitScript {
    static let text = #"""
    #!/bin/bash
    # piwizard practice lab: the init of one node. Written by `piwizard lab up`; do not edit.
    # Arguments: NODE CARD RUN-FOLDER PIWIZARD
    set -u
    node=$1 card=$2 run=$3 piwizard=$4
    dir="$run/nodes/$node"
    root="$dir/root"
    own_netns=$(readlink /proc/$$/ns/net)

    set_state() { printf '%s\n' "$*" > "$dir/state.new" && mv -f "$dir/state.new" "$dir/state"; }

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

    boot() {
        set_state booting
        mkdir -p "$root"
        if ! mount -o loop "$card" "$root" 2>"$dir/boot.log"; then
            set_state "failed: the card holds no system this node can start (it does not mount)"
            return 1
        fi
        if [ ! -f "$root/etc/hostname" ] || [ ! -d "$root/usr" ]; then
            set_state "failed: the card has no /etc/hostname or no /usr: it is not a system card"
            return 1
        fi
        name=$(head -n 1 "$root/etc/hostname" | tr -d '[:space:]')
        hostname "${name:-localhost}" 2>>"$dir/boot.log" || hostname localhost
        printf '%s\n' "${name:-localhost}" > "$dir/hostname"
        address='' prefix=24 gateway='' source=''
        if settings=$("$piwizard" lab boot-config "$root" 2>>"$dir/boot.log"); then eval "$settings"; fi
        ip link set lo up
        ip link set eth0 up
        ip -4 addr flush dev eth0
        if [ -n "$address" ]; then ip addr add "$address/$prefix" dev eth0; fi
        if [ -n "$gateway" ]; then ip route replace default via "$gateway" dev eth0 2>>"$dir/boot.log" || true; fi
        printf '%s\n' "$address" > "$dir/address"
        mount --bind /usr "$root/usr" && mount -o remount,bind,ro "$root/usr"
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount --rbind /sys "$root/sys"
        mount -t tmpfs -o mode=755 lab-run "$root/run"
        mount -t tmpfs -o mode=1777 lab-tmp "$root/tmp"
        mkdir -p "$root/run/sshd" "$root/run/lock" "$root/run/piwizard-lab"
        mount --bind "$run/shared" "$root/run/piwizard-lab" && mount -o remount,bind,ro "$root/run/piwizard-lab"
        echo $$ > "$root/run/lab-init.pid"
        if ! chroot "$root" /usr/sbin/sshd 2>>"$dir/boot.log"; then
            echo "sshd did not start" >> "$dir/boot.log"
        fi
        publish_host_key "$address"
        generation=$(( $(cat "$dir/generation" 2>/dev/null || echo 0) + 1 ))
        echo "$generation" > "$dir/generation"
        set_state "up $generation"
    }

    # Ends every process in this node's network namespace but this one, as a power cut would.
    end_processes() {
        for signal in TERM KILL; do
            for entry in /proc/[0-9]*; do
                pid=${entry#/proc/}
                [ "$pid" = "$$" ] && continue
                [ "$(readlink "$entry/ns/net" 2>/dev/null)" = "$own_netns" ] || continue
                kill -s "$signal" "$pid" 2>/dev/null
            done
            [ "$signal" = TERM ] && sleep 0.3
        done
    }

    shutdown_node() {
        set_state stopping
        end_processes
        publish_host_key ''
        rm -f "$dir/address"
        umount -R "$root" 2>/dev/null || umount -R -l "$root" 2>/dev/null
        ip -4 addr flush dev eth0 2>/dev/null
    }

    # A boot that failed: release what it set up, keep its reason as the node's state, end.
    fail_boot() {
        reason=$(cat "$dir/state")
        shutdown_node
        set_state "$reason"
        rm -f "$dir/init.pid"
        exit 1
    }

    echo $$ > "$dir/init.pid"
    restart=0 stop=0
    trap 'restart=1' USR1
    trap 'stop=1' TERM INT HUP
    boot || fail_boot
    while :; do
        sleep 5 & wait $!
        if [ "$stop" = 1 ]; then
            shutdown_node
            set_state off
            rm -f "$dir/init.pid"
            exit 0
        fi
        if [ "$restart" = 1 ]; then
            restart=0
            shutdown_node
            boot || fail_boot
        fi
    done
    """#
}
