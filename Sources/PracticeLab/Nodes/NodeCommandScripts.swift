/// The programs the lab shares with every node, in the folder each node sees read-only as
/// `/run/piwizard-lab/bin`.
///
/// `askpass` answers ssh's questions when a session runs unattended in the lab (`SSH_ASKPASS`): the
/// password of `pi`, and "yes" to a new host key only when it is the key the lab knows that node has
/// (the fingerprint a learner would compare at the node's console); any other key gets "no".
enum NodeCommandScripts {
    static let askpass = #"""
    #!/bin/sh
    # piwizard practice lab: answers ssh's questions for an unattended session (SSH_ASKPASS).
    prompt=$1
    case $prompt in
    *"continue connecting"*)
        host=$(printf '%s\n' "$prompt" | sed -n "s/^The authenticity of host '\([^ ']*\).*/\1/p" | head -n 1)
        shown=$(printf '%s\n' "$prompt" | grep -o 'SHA256:[A-Za-z0-9+/=]*' | head -n 1)
        for file in /run/piwizard-lab/hostkeys/node*; do
            [ -f "$file" ] || continue
            read -r address type key < "$file"
            [ "$address" = "$host" ] || continue
            known=$(printf '%s %s\n' "$type" "$key" | ssh-keygen -lf - | cut -d' ' -f2)
            if [ -n "$shown" ] && [ "$known" = "$shown" ]; then echo yes; exit 0; fi
        done
        echo "askpass: the key $shown of $host is not the one the lab knows; refused" >&2
        echo no ;;
    *assword*)
        echo raspberry ;;
    *)
        exit 1 ;;
    esac
    """#

    /// Name and text of every script.
    static let all: [(String, String)] = [
        ("askpass", askpass),
    ]
}
