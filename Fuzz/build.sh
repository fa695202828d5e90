#!/bin/sh
# Builds one libFuzzer target: Fuzz/build.sh yaml|vyos-boot|vyos-set|toml|artifacts -> Fuzz/.build/<target>
# The reader sources are compiled straight into the fuzzer (no SwiftPM), with ASan and libFuzzer.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
formats="$here/../Sources/LabFormats"
target=$1
if [ "$target" = artifacts ]; then
    # The artifact readers and the verifier of LabgenCore, over LabModel and LabFormats built as
    # instrumented modules first.
    core="$here/../Sources/LabgenCore"
    mods="$here/.build/modules"
    mkdir -p "$mods"
    for module in LabModel LabFormats; do
        # shellcheck disable=SC2046
        swiftc -sanitize=fuzzer,address -parse-as-library -O -g -wmo -module-name $module \
            -emit-module -emit-module-path "$mods/$module.swiftmodule" -c -o "$mods/$module.o" \
            $(find "$here/../Sources/$module" -name '*.swift' | sort)
    done
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name ArtifactsFuzz -I "$mods" \
        "$here/artifacts/main.swift" "$core"/Read/*.swift "$core"/Verify/*.swift "$core/Resolve/Names.swift" \
        "$core"/Support/TextSearch.swift "$core"/Support/Parallel.swift "$mods/LabModel.o" "$mods/LabFormats.o" \
        -o "$here/.build/artifacts"
    exit 0
fi
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
