#!/usr/bin/env bash
# Builds LabKit's DocC catalogue (Sources/LabKit/LabKit.docc) for real, without swift-docc-plugin:
# the symbol graph of the built LabKit module (swift symbolgraph-extract), then `docc convert`.
# Fails on a warning about the catalogue: any warning in LabKit.docc (a broken ``symbol`` or
# <doc:article> link, a malformed topic group), and a link that does not resolve anywhere,
# also in LabKit's doc comments. Other doc-comment warnings (undocumented parameters) are printed only.
# DOCC_OUTPUT=folder keeps the rendered documentation archive there.
set -euo pipefail
cd "$(dirname "$0")/.."

docc="$(command -v docc || true)"
if [ -z "$docc" ]; then docc="$(dirname "$(readlink -f "$(command -v swift)")")/docc"; fi
if [ ! -x "$docc" ]; then echo "docc not found (it ships with the Swift toolchain)"; exit 1; fi

swift build --target LabKit
bin="$(swift build --show-bin-path)"
triple="$(swift -print-target-info | sed -n 's/.*"triple": "\(.*\)".*/\1/p' | head -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/symbols"
swift symbolgraph-extract -module-name LabKit -I "$bin/Modules" -target "$triple" \
    -minimum-access-level public -output-dir "$work/symbols"

output="${DOCC_OUTPUT:-$work/LabKit.doccarchive}"
"$docc" convert Sources/LabKit/LabKit.docc --additional-symbol-graph-dir "$work/symbols" \
    --fallback-display-name LabKit --fallback-bundle-identifier labgen.LabKit \
    --output-path "$output" --ide-console-output >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }

# One line per diagnostic: path:line:column: warning: message.
grep -E ': (warning|error): ' "$work/log" >"$work/diagnostics" || true
grep -E 'LabKit\.docc/|: error: |doesn.t exist at|can.t be resolved|isn.t unambiguous|ambiguous' \
    "$work/diagnostics" >"$work/catalogue" || true
others=$(grep -cvxF -f "$work/catalogue" "$work/diagnostics" || true)
echo "docc: $(wc -l <"$work/diagnostics") diagnostics, $others about doc comments only (not checked)"
if [ -s "$work/catalogue" ]; then
    echo "docc warnings about the LabKit catalogue:"
    cat "$work/catalogue"
    exit 1
fi
echo "LabKit.docc: no warnings; documentation archive: $output"
