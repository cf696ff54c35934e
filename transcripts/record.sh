#!/usr/bin/env bash
# Re-records the sessions in this folder with the built binary (run `swift build` first).
# The test suite replays every .cast file here (Tests/WizardTests/RecordedTranscriptTests.swift):
# after an intended change to a lesson or to the engine, re-record and review the diff.
# Each session is driven through standard input (plain lines, as a script drives piwizard), with a
# private state folder; commands run for real (the tour writes only under /tmp/piwizard-tour).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$PWD/.build/debug/piwizard"
out="$PWD/transcripts"
work=$(mktemp -d)
trap 'rm -rf "$work" /tmp/piwizard-tour' EXIT

session() { # NAME ARGS... ; lines on stdin (with OFFLINE=1: in a network namespace with no network)
    local name=$1; shift
    local offline=()
    [[ ${OFFLINE:-0} = 1 ]] && offline=(unshare --net --)
    rm -rf "$work/state"
    "${offline[@]}" "$bin" "$@" --state-dir "$work/state" --width 80 >/dev/null 2>&1 || true
    mv "$(ls -t "$work"/state/transcripts/*.cast | head -n 1)" "$out/$name.cast"
}

# The tour: a failed check, why and hint, a fix with edit, a step done by hand, a loop, a branch, a
# destructive tidy-up confirmed.
rm -rf /tmp/piwizard-tour
{
    printf '\n\n\nrun\nwhy\nhint\nedit\n'
    printf '%s\n' "printf 'Hello, %s!\\n' friend > /tmp/piwizard-tour/hello.txt"
    printf 'run\n'
    sleep 2; date > /tmp/piwizard-tour/by-hand.txt
    printf 'done\n'
    printf '\n\n\n\n'              # fruits: how many (3), then the three default records
    printf '\n\n\n'                 # basket: apple, pear, plum
    printf '\n\n'                    # shell-style (printf), then run the summary
    printf 'status\nrun\ny\n'       # tidy up: a destructive command, confirmed
} | session tour-clean start tour

# The tour killed with SIGKILL in the middle of a step, then resumed from its saved progress.
rm -rf /tmp/piwizard-tour
rm -rf "$work/state"
{ printf '\n\n\n'; sleep 5; } | "$bin" start tour --state-dir "$work/state" --width 80 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do
    grep -qs '"m","greet"' "$work"/state/transcripts/*.cast && break
    sleep 0.05
done
sleep 0.2
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
mv "$(ls -t "$work"/state/transcripts/*.cast | head -n 1)" "$out/tour-killed.cast"
{
    printf 'skip\nskip\n'            # greet, by-hand
    printf '\n\n\n\n\n\n\n'           # fruits (4 lines), basket (3 runs)
    printf '\n\n'                    # shell-style, summary
    printf 'skip\n'                  # tidy up: keep the files
} | "$bin" resume tour --state-dir "$work/state" --width 80 >/dev/null 2>&1 || true
mv "$(ls -t "$work"/state/transcripts/*.cast | head -n 1)" "$out/tour-resumed.cast"

# expand-cluster: a duplicate hostname and a duplicate IP are refused at once, then fixed, before
# anything runs on a card or a node (the first step, on the master, needs the nodes). The session
# looks for the master at 192.168.1.101, which is no address of ours: it runs in a network namespace
# of its own with no network, so no packet leaves this computer (and the look fails at once).
if [[ $(id -u) -eq 0 ]]; then
{
    printf '\n\n'                              # subnet default, 4 nodes
    printf 'raspi1 192.168.1.101 master\n'
    printf 'raspi1 192.168.1.102 worker\n'       # duplicate hostname
    printf 'raspi2 192.168.1.101 worker\n'       # duplicate IP
    printf 'raspi2 192.168.1.102 worker\n'
    printf 'raspi3 192.168.1.103 worker\n'
    printf 'raspi4 192.168.1.104 worker\n'
    printf '\n\n'                              # user, key: the defaults
    printf 'vars\nquit\n'
} | OFFLINE=1 session expand-cluster-duplicates start expand-cluster
else
    echo "not root: expand-cluster-duplicates.cast (no network for its session) kept as it is" >&2
fi

# expand-cluster in the practice lab, unattended: the clean run of the whole lesson (needs root: the
# lab makes namespaces and mounts cards). A lab of its own, brought up by --lab and removed after.
if [[ $(id -u) -eq 0 ]]; then
    export PIWIZARD_LAB=rec PIWIZARD_LAB_SUBNET=10.77.210.0/24
    "$bin" lab down >/dev/null
    session expand-cluster-lab start expand-cluster --lab --yes
    "$bin" lab down >/dev/null
    unset PIWIZARD_LAB PIWIZARD_LAB_SUBNET
else
    echo "not root: expand-cluster-lab.cast (the practice lab) kept as it is" >&2
fi

echo "recorded: $(ls "$out"/*.cast | xargs -n1 basename | tr '\n' ' ')"
