#!/bin/sh
# Runs `labgen verify` on the twelve real hand-written labs of ../shared/real-labs (scripts, notes
# and all) and holds each result against ../shared/real-labs/expected.json with its check.py:
# one line per lab, then "N passed, M failed". Fails when a lab fails. Skips when ../shared is missing.
set -eu
cd "$(dirname "$0")/.."
REAL=../shared/real-labs
if [ ! -f "$REAL/check.py" ]; then
    echo "real-labs: $REAL/check.py is missing; skipped"
    exit 0
fi
LABGEN=${LABGEN:-}
if [ -z "$LABGEN" ]; then
    swift build --product labgen >/dev/null
    LABGEN="$(swift build --show-bin-path)/labgen"
fi
python3 "$REAL/check.py" "$LABGEN"
