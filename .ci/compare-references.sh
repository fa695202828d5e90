#!/bin/sh
# Compares out/ for the reference lab with the hand-written originals in ../shared, as data.
set -eu
cd "$(dirname "$0")/.."
if [ ! -d ../shared/reference ]; then echo "compare-references: skipped (no ../shared/reference)"; exit 0; fi
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
exec python3 .ci/compare-references.py ../shared/reference out
