#!/bin/sh
# Builds and runs every libFuzzer target for SECONDS each (default 60), one after the other.
#   Fuzz/run.sh [seconds] [target...]      targets: yaml vyos-boot vyos-set toml artifacts
# The corpus grows in Fuzz/.build/corpus/<target> (seeded from Fuzz/seeds/<target>); crashes are
# written as Fuzz/.build/crash-<target>-*; the summary line of each run is printed at the end.
set -u
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-yaml vyos-boot vyos-set toml artifacts}
status=0
summary=""
for target in $targets; do
    if [ "$target" = toml ] && ! ls "$here/../Sources/LabFormats/TOML/"*.swift >/dev/null 2>&1; then
        summary="$summary\n$target: skipped (no TOML reader sources yet)"
        continue
    fi
    "$here/build.sh" "$target" 2>&1 | grep -v 'ld.gold: warning' || true
    [ -x "$here/.build/$target" ] || { summary="$summary\n$target: build failed"; status=1; continue; }
    corpus="$here/.build/corpus/$target"
    mkdir -p "$corpus"
    log="$here/.build/$target.log"
    # Swift's lazily initialised globals (the schema tables of the artifact readers) are never
    # freed by design; LeakSanitizer reports them at exit, so leak detection is off.
    ASAN_OPTIONS=detect_leaks=0 "$here/.build/$target" "$corpus" "$here/seeds/$target" \
        -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$here/.build/crash-$target-" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    if [ $rc -ne 0 ]; then
        status=1
        summary="$summary\n$target: FAILED after ${runs:-?} executions (exit $rc), see $log"
    else
        summary="$summary\n$target: ${runs:-?} executions in ${seconds}s, no findings"
    fi
done
printf "$summary\n"
exit $status
