#!/bin/sh
# Compares out/ for the two routed-fabric reproductions with their hand-written originals in
# ../shared/real-labs, as data (corrections listed in README.md aside).
set -eu
cd "$(dirname "$0")/.."
if [ ! -d ../shared/real-labs/labs ]; then echo "compare-fabric-references: skipped (no ../shared/real-labs)"; exit 0; fi
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
exec python3 .ci/compare-fabric-references.py ../shared/real-labs/labs out
