#!/bin/sh
# labgen import, then labgen build, on both states of the reference lab in ../shared: the built files
# must equal the hand-written originals as data (deliberate corrections aside), with the comparison of
# .ci/compare-references.py. Then imports every lab of ../shared/real-labs/labs and prints whether it
# imports or which constructs it refuses (a refusal is not a failure; a crash or a usage error is).
set -eu
cd "$(dirname "$0")/.."
REF=../shared/reference/calico-ipip-crosssubnet
if [ ! -d "$REF" ]; then echo "import-roundtrip: skipped (no $REF)"; exit 0; fi
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
LABGEN=${LABGEN:-}
if [ -z "$LABGEN" ]; then
    swift build --product labgen >/dev/null
    LABGEN="$(swift build --show-bin-path)/labgen"
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "== import: 2022 state"
"$LABGEN" import "$REF/calico/2-kind-calico-ipip-crosssubnet" \
    --kind "$REF/_extracted/calico/2-kind-calico-ipip-crosssubnet/kind-config.yaml" \
    --cluster-name clab-calico-ipip-crosssubnet --name calico-ipip-crosssubnet-2022 --output "$TMP/lab-2022.swift"
echo "== import: current state (LabasCode; its Calico pool is in the 2022 folder's calico.yaml, as compare-references reads it)"
"$LABGEN" import "$REF/LabasCode/calico/02-calico-ipip-crosssubnet" \
    --kind "$REF/_extracted/LabasCode/calico/02-calico-ipip-crosssubnet/kind-config.yaml" \
    --calico "$REF/calico/2-kind-calico-ipip-crosssubnet/calico.yaml" \
    --cluster-name calico-ipip-crosssubnet --name calico-ipip-crosssubnet --output "$TMP/lab-current.swift"
echo "== build the imported lab files"
(cd "$TMP" && "$LABGEN" build lab-2022.swift lab-current.swift --output "$TMP/out")
echo "== compare with the originals as data"
python3 .ci/compare-references.py ../shared/reference "$TMP/out"

REAL=../shared/real-labs
if [ -f "$REAL/expected.json" ]; then
    echo "== real labs (the labs of $REAL/expected.json)"
    for key in $(python3 -c 'import json,sys; print(" ".join(k for k in json.load(open(sys.argv[1])) if not k.startswith("_")))' "$REAL/expected.json"); do
        lab="$REAL/labs/$key"
        name=$(echo "$key" | tr '/' '_')
        status=0
        "$LABGEN" import "$lab" --output "$TMP/$name.swift" >"$TMP/$name.log" 2>&1 || status=$?
        if [ "$status" -eq 0 ]; then
            echo "-- $lab: imported"
            mkdir -p "$TMP/real-$name"
            (cd "$TMP" && "$LABGEN" build "$name.swift" --output "$TMP/real-$name" --quiet) || { echo "   build FAILED"; exit 1; }
        elif [ "$status" -eq 1 ]; then
            echo "-- $lab: refused"
            grep -E 'error:' "$TMP/$name.log" | sed 's/^/   /'
        else
            echo "-- $lab: usage/I-O problem (status $status)"; cat "$TMP/$name.log"; exit 1
        fi
    done
fi
