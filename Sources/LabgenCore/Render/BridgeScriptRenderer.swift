import LabModel

/// bridges.sh: creates the host bridges that containerlab's `kind: bridge` nodes need
/// (containerlab does not create them), and removes them with `down`. Idempotent both ways.
///
/// The script touches only what it created: `up` marks each bridge it creates with the interface
/// alias `labgen:<lab>`, and `down` deletes a bridge only when it carries that mark. A link of
/// the same name that `up` did not create is left as it is (not marked, not changed).
///
/// Every bridge is named literally, single-quoted, in its own `bridge_up`/`bridge_down` line:
/// no variable is ever expanded unquoted, so no name can be split or globbed. Bridge names are
/// checked at the DSL line (containerlab's name grammar, Linux interface names, no `ip` keywords,
/// no `%`), and every `ip` command names the device after `dev` or `name`.
enum BridgeScriptRenderer {
    /// Every host bridge of the lab: the rack bridges in rack order, then the transit bridge.
    static func bridges(_ plan: LabPlan) -> [String] {
        plan.racks.map(\.bridge) + (plan.transit.map { [$0.bridge] } ?? [])
    }

    /// The alias `up` gives the bridges it creates.
    static func mark(_ plan: LabPlan) -> String { "labgen:\(plan.name)" }

    static func render(_ plan: LabPlan) -> Artifact? {
        guard plan.topology != nil, !bridges(plan).isEmpty else { return nil }
        let mtu = plan.topology?.mtu.map { " mtu \($0)" } ?? ""
        let ups = bridges(plan).map { "    bridge_up \(shellQuoted($0))" }.joined(separator: "\n")
        let downs = bridges(plan).map { "    bridge_down \(shellQuoted($0))" }.joined(separator: "\n")
        let text = """
            #!/bin/sh
            # Host bridges of lab '\(plan.name)', for containerlab's bridge nodes.
            # Usage: ./bridges.sh [up|down]   (run before 'containerlab deploy' / after 'destroy')
            #
            # up    creates each bridge below that does not exist yet, marks it as this lab's by setting
            #       its interface alias to the mark below, and sets it up. A bridge of the same name that
            #       up did not create is used as it is: not marked, not changed. Running up again is harmless.
            # down  deletes only the bridges that carry this lab's mark, and leaves everything else alone.
            set -eu
            mark=\(shellQuoted(mark(plan)))

            # The alias of link $1 (empty when it has none or does not exist).
            link_alias() {
                ip link show dev "$1" 2>/dev/null | sed -n 's/^ *alias //p'
            }

            bridge_up() {
                if ! ip link show dev "$1" >/dev/null 2>&1; then
                    ip link add name "$1" type bridge
                    ip link set dev "$1" alias "$mark"
                fi
                if [ "$(link_alias "$1")" = "$mark" ]; then
                    ip link set dev "$1"\(mtu) up
                elif [ -n "$(ip link show dev "$1" type bridge 2>/dev/null)" ]; then
                    echo "bridges.sh: bridge $1 was not created by this script; using it as it is" >&2
                else
                    echo "bridges.sh: $1 exists and is not a bridge; remove it or rename the lab's bridge" >&2
                    exit 1
                fi
            }

            bridge_down() {
                if [ "$(link_alias "$1")" = "$mark" ]; then
                    ip link delete dev "$1"
                elif ip link show dev "$1" >/dev/null 2>&1; then
                    echo "bridges.sh: $1 was not created by this script; left as it is" >&2
                fi
            }

            case "${1:-up}" in
            up)
            \(ups)
                ;;
            down)
            \(downs)
                ;;
            *)
                echo "usage: $0 [up|down]" >&2
                exit 2
                ;;
            esac

            """
        return Artifact(path: ArtifactPaths.bridgeScript, kind: .bridgeScript, contents: text, executable: true)
    }

    /// `'…'` with every `'` written as `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
