#!/bin/sh
# Builds one libFuzzer target: Fuzz/build.sh yaml|vyos-boot|vyos-set|toml -> Fuzz/.build/<target>
# The reader sources are compiled straight into the fuzzer (no SwiftPM), with ASan and libFuzzer.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
formats="$here/../Sources/LabFormats"
target=$1
case "$target" in
    yaml) sources="$formats/YAML/*.swift" ;;
    vyos-boot | vyos-set) sources="$formats/VyOS/*.swift" ;;
    toml) sources="$formats/TOML/*.swift" ;;
    *) echo "unknown target '$target' (yaml, vyos-boot, vyos-set, toml)" >&2; exit 2 ;;
esac
mkdir -p "$here/.build"
# shellcheck disable=SC2086
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name LabFormatsFuzz \
    "$here/$target/main.swift" "$formats/Common/"*.swift $sources \
    -o "$here/.build/$target"
