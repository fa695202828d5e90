#!/bin/sh
# Runs `labgen verify` on the hand-written reference originals in ../shared (both states of the
# Calico IPIP CrossSubnet lab). Fails when labgen reports an error; warnings are expected for the
# 2022 state (short network-mode container names). Skips when ../shared is missing.
set -eu
cd "$(dirname "$0")/.."
REF=../shared/reference/calico-ipip-crosssubnet
if [ ! -d "$REF" ]; then
    echo "verify-references: $REF is missing; skipped"
    exit 0
fi
LABGEN=${LABGEN:-}
if [ -z "$LABGEN" ]; then
    swift build --product labgen >/dev/null
    LABGEN="$(swift build --show-bin-path)/labgen"
fi
status=0
echo "== 2022 state (kind cluster name only on kind's command line)"
"$LABGEN" verify "$REF/calico/2-kind-calico-ipip-crosssubnet" \
    --kind "$REF/_extracted/calico/2-kind-calico-ipip-crosssubnet/kind-config.yaml" \
    --cluster-name clab-calico-ipip-crosssubnet || status=1
echo "== current state (LabasCode)"
"$LABGEN" verify "$REF/LabasCode/calico/02-calico-ipip-crosssubnet" \
    --kind "$REF/_extracted/LabasCode/calico/02-calico-ipip-crosssubnet/kind-config.yaml" \
    --cluster-name calico-ipip-crosssubnet || status=1
exit $status
