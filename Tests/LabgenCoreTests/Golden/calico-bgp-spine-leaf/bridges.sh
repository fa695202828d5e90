#!/bin/sh
# Host bridges of lab 'calico-bgp-spine-leaf', for containerlab's bridge nodes.
# Usage: ./bridges.sh [up|down]   (run before 'containerlab deploy' / after 'destroy')
#
# up    creates each bridge below that does not exist yet, marks it as this lab's by setting
#       its interface alias to the mark below, and sets it up. A bridge of the same name that
#       up did not create is used as it is: not marked, not changed. Running up again is harmless.
# down  deletes only the bridges that carry this lab's mark, and leaves everything else alone.
set -eu
mark='labgen:calico-bgp-spine-leaf'

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
        ip link set dev "$1" mtu 1500 up
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
    bridge_up 'br-pool0'
    bridge_up 'br-pool1'
    ;;
down)
    bridge_down 'br-pool0'
    bridge_down 'br-pool1'
    ;;
*)
    echo "usage: $0 [up|down]" >&2
    exit 2
    ;;
esac
