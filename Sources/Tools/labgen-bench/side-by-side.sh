#!/usr/bin/env bash
# side-by-side.sh: netlab and labgen on the same-size topology, whole processes, one run each.
#
# usage: Sources/Tools/labgen-bench/side-by-side.sh [--sizes 100x4,1000x20,5000x100]
#            [--labgen PATH] [--netlab PATH] [--work DIR] [--keep]
#
# A size is HOSTSxSEGMENTS: HOSTS hosts in SEGMENTS layer-2 segments behind one VyOS gateway.
#   netlab:  topology.yml with HOSTS `linux` nodes and one `vyos` node, a multi-access link per
#            segment (the gateway and that segment's hosts), provider clab, a /16 management pool;
#            timed: `netlab create` in a fresh folder (offline: it only writes files).
#   labgen:  (built with --static-swift-stdlib unless --labgen is given)
#            lab.swift with one Gateway (VyOS 1.4.9), SEGMENTS racks allocated from a NodePool,
#            HOSTS kind nodes (the first the control plane); compiled once beforehand (an untimed
#            `labgen build lab.swift` fills the compile cache), then timed: `labgen build lab.swift
#            --output <fresh folder>`, process start to exit, build, verification and write included.
# Both outputs go below --work (default: a new folder in ${TMPDIR:-/tmp}; use a folder on the disk
# you want to measure). Prints one table row per size: hosts, segments, netlab s, labgen s, ratio.
# One run per size and no warm-up beyond the compile: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../../.."

sizes="100x4,1000x20,5000x100"
labgen=""
netlab="${NETLAB:-netlab}"
work=""
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --labgen) labgen="$2"; shift 2 ;;
        --netlab) netlab="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n "2,18p" "$0"; exit 0 ;;
        *) echo "side-by-side: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$labgen" ]; then
    # As the README says to build an installed labgen: the standard library linked in (starts in
    # about 5 ms instead of 13).
    swift build -c release --static-swift-stdlib --product labgen >/dev/null
    labgen="$(swift build -c release --static-swift-stdlib --show-bin-path)/labgen"
fi
command -v "$netlab" >/dev/null || { echo "side-by-side: '$netlab' not found (pip install networklab)" >&2; exit 2; }
if [ -z "$work" ]; then work="$(mktemp -d "${TMPDIR:-/tmp}/labgen-sbs.XXXXXX")"; else mkdir -p "$work"; fi
if [ "$keep" = 0 ]; then trap 'rm -rf "$work"' EXIT; fi

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }

netlab_topology() { # hosts segments
    local hosts=$1 segments=$2 h
    echo "provider: clab"
    echo "defaults.device: linux"
    # netlab's VyOS container binds the host's /lib/modules, and `netlab create` stops when the
    # path does not exist (as on machines without kernel modules installed): no binds for the test.
    echo "defaults.devices.vyos.clab.node.binds: []"
    # The default management pool is a /24: room for 250-odd nodes.
    echo "addressing.mgmt.ipv4: 10.128.0.0/16"
    # netlab numbers nodes up to MAX_NODE_ID (150 by default) and stops beyond it.
    echo "defaults.const.MAX_NODE_ID: $((hosts + 10))"
    echo "nodes:"
    echo "  gw:"
    echo "    device: vyos"
    for ((h = 1; h <= hosts; h++)); do echo "  h$h:"; done
    echo "links:"
    for ((s = 0; s < segments; s++)); do
        printf -- "- [ gw"
        for ((h = s + 1; h <= hosts; h += segments)); do printf ", h%d" "$h"; done
        echo " ]"
    done
}

labgen_lab() { # hosts segments name
    local hosts=$1 segments=$2 name=$3
    cat <<SWIFT
import LabKit

let hosts = $hosts
let segments = $segments

let lab = Lab("$name") {
    NodePool("10.0.0.0/8", rackPrefix: 24)
    Cluster("$name", image: "kindest/node:v1.27.3", podSubnet: "172.16.0.0/12") {
        Calico(pool: PodPool("172.16.0.0/12", ipip: .crossSubnet, natOutgoing: true))
    }
    Gateway("gw0", vyos: "1.4.9")
    for s in 0..<segments {
        Rack("seg\\(s)", bridge: "sb\\(s)") {
            for h in stride(from: s, to: hosts, by: segments) {
                if h == 0 { Node(.controlPlane) } else { Node(.worker) }
            }
        }
    }
}
SWIFT
}

printf '%-7s %-9s %10s %10s %8s\n' hosts segments "netlab s" "labgen s" ratio
printf '%-7s %-9s %10s %10s %8s\n' ------- --------- ---------- ---------- --------
for size in ${sizes//,/ }; do
    hosts=${size%x*}
    segments=${size#*x}
    dir="$work/$size"
    mkdir -p "$dir/netlab" "$dir/labgen"
    netlab_topology "$hosts" "$segments" > "$dir/netlab/topology.yml"
    labgen_lab "$hosts" "$segments" "sbs-$hosts" > "$dir/labgen/lab.swift"

    start=$(now)
    if ! (cd "$dir/netlab" && "$netlab" create topology.yml > create.log 2>&1); then
        echo "side-by-side: netlab create failed at $size (see $dir/netlab/create.log):" >&2
        tail -20 "$dir/netlab/create.log" >&2
        keep=1; exit 1
    fi
    netlab_s=$(elapsed "$start" "$(now)")

    # Compile once (fills the cache), untimed; then the timed build into a fresh folder.
    "$labgen" build "$dir/labgen/lab.swift" --output "$dir/labgen/warm" --quiet > /dev/null
    start=$(now)
    "$labgen" build "$dir/labgen/lab.swift" --output "$dir/labgen/out" --quiet > /dev/null
    labgen_s=$(elapsed "$start" "$(now)")

    ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / max(float(sys.argv[2]), 1e-6):.0f}x')" "$netlab_s" "$labgen_s")
    printf '%-7s %-9s %10s %10s %8s\n' "$hosts" "$segments" "$netlab_s" "$labgen_s" "$ratio"
done
