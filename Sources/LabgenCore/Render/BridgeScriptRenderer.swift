import LabModel

/// bridges.sh: creates the host bridges that containerlab's `kind: bridge` nodes need
/// (containerlab does not create them), and removes them with `down`. Idempotent both ways.
///
/// Bridge names are checked Linux interface names (no spaces, quotes or `/`), and are
/// single-quoted anyway.
enum BridgeScriptRenderer {
    /// Every host bridge of the lab: the rack bridges in rack order, then the transit bridge.
    static func bridges(_ plan: LabPlan) -> [String] {
        plan.racks.map(\.bridge) + (plan.transit.map { [$0.bridge] } ?? [])
    }

    static func render(_ plan: LabPlan) -> Artifact? {
        guard plan.topology != nil, !bridges(plan).isEmpty else { return nil }
        let bridges = bridges(plan).joined(separator: " ")
        let mtu = plan.topology?.mtu.map { " mtu \($0)" } ?? ""
        let text = """
            #!/bin/sh
            # Host bridges of lab '\(plan.name)', for containerlab's bridge nodes.
            # Usage: ./bridges.sh [up|down]   (run before 'containerlab deploy' / after 'destroy')
            set -eu
            BRIDGES=\(shellQuoted(bridges))

            case "${1:-up}" in
            up)
                for br in $BRIDGES; do
                    ip link show "$br" >/dev/null 2>&1 || ip link add name "$br" type bridge
                    ip link set dev "$br"\(mtu) up
                done
                ;;
            down)
                for br in $BRIDGES; do
                    if ip link show "$br" >/dev/null 2>&1; then ip link delete "$br" type bridge; fi
                done
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
