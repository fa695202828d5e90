#!/bin/sh
# Host bridges of lab 'cilium-vxlan', for containerlab's bridge nodes.
# Usage: ./bridges.sh [up|down]   (run before 'containerlab deploy' / after 'destroy')
set -eu
BRIDGES='br-pool0 br-pool1'

case "${1:-up}" in
up)
    for br in $BRIDGES; do
        ip link show "$br" >/dev/null 2>&1 || ip link add name "$br" type bridge
        ip link set dev "$br" mtu 1500 up
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
