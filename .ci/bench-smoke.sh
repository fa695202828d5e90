#!/bin/sh
# Runs labgen-bench at small sizes so that it cannot rot: it must build, build the synthetic
# labs without an error, and print its table and its JSON. Asserts nothing about timing.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product labgen-bench
BENCH="$(swift build -c release --show-bin-path)/labgen-bench"
"$BENCH" --sizes 1x4,10x20 --runs 1
"$BENCH" --json --sizes 1x4 --runs 1 | grep -q '"nodes" : 4'
echo "bench smoke: ok"
