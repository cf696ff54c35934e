/// Shell functions for the card reader: attach a card image as a disk with its partitions, detach
/// it again, and wait until no loop device holds a card (the reader and a node's boot both wait, so
/// a card is never attached twice).
///
/// `losetup --partscan` alone makes no partition nodes on a machine without udev, so `attach_card`
/// asks the kernel for the partitions (`partx`) and makes `/dev/loopNpK` where the kernel's own device
/// file system did not (a node it made follows the partition); `detach_card` removes those nodes and
/// the loop device, and only while the device still holds the card it was given: a loop device's
/// number goes to the next card attached anywhere on this computer, another lab's too.
enum CardDeviceScript {
    static let functions = #"""
    # wait_until_free CARD: waits (up to 30 s) until no loop device holds CARD. A card must never be
    # attached twice: two loop devices over one file would mount one file system twice.
    wait_until_free() {
        local tries=0
        while [ -n "$(losetup -j "$1")" ]; do
            tries=$((tries + 1))
            if [ "$tries" -gt 300 ]; then echo "the card $1 is still in use: $(losetup -j "$1")" >&2; return 1; fi
            sleep 0.1
        done
    }

    # attach_card CARD: attaches CARD as a loop device with its partitions; prints the device.
    attach_card() {
        local dev name part node
        wait_until_free "$1" || return 1
        dev=$(losetup --find --show --partscan -- "$1") || return 1
        name=${dev#/dev/}
        [ -e "/sys/class/block/${name}p1" ] || partx -a "$dev" 2>/dev/null || true
        for part in /sys/class/block/"${name}"p*; do
            [ -e "$part/dev" ] || continue
            node=/dev/${part##*/}
            [ -b "$node" ] && [ "$(stat -c '%t:%T' "$node")" = "$(awk -F: '{ printf "%x:%x", $1, $2 }' "$part/dev")" ] && continue
            rm -f "$node"
            mknod "$node" b $(tr ':' ' ' < "$part/dev")
        done
        printf '%s\n' "$dev"
    }

    # detach_card DEVICE CARD: removes the partition nodes attach_card made and the loop device, if
    # DEVICE still holds CARD (otherwise it is out already, and DEVICE may be another card's now).
    detach_card() {
        local name node back
        back=$(losetup -n -O BACK-FILE "$1" 2>/dev/null)
        [ "${back% (deleted)}" = "$(realpath -m -- "$2")" ] || return 0
        name=${1#/dev/}
        for node in /dev/"${name}"p*; do
            [ -b "$node" ] && rm -f "$node"
        done
        partx -d "$1" 2>/dev/null
        losetup -d "$1"
    }

    """#
}
