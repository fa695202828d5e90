#!/usr/bin/env bash
# End to end test of the package plugins on the consumer package in templates/package:
#   1. in a temporary copy (the repository stays clean), the build plugin writes out/, and it
#      equals the committed templates/package/out/;
#   2. the check plugin (no write permission) passes;
#   3. after a change of the model (one more node), the check plugin fails with a diff and
#      writes nothing; the build plugin then brings out/ up to date and the check passes again.
# Needs only the toolchain: the labgen dependency is this checkout (a path dependency).
# One scratch path serves every step, so labgen is compiled once.
# LABGEN_CONSUMER_SCRATCH=<folder> keeps and reuses that build folder between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd -P)"

work="$(mktemp -d "${TMPDIR:-/tmp}/labgen-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
package="$work/package"
scratch="${LABGEN_CONSUMER_SCRATCH:-$work/scratch}"

fail() { echo "consumer-package: FAILED: $*" >&2; exit 1; }
step() { printf -- '--- %s\n' "$*"; }
plugin() { swift package --package-path "$package" --scratch-path "$scratch" "$@"; }

# Copy the sources of the consumer package (not a local build folder), pointing its labgen
# dependency at this checkout by absolute path.
mkdir -p "$package"
(cd templates/package && tar -cf - --exclude=./.build --exclude='./.build-*' --exclude=./.swiftpm --exclude=./Package.resolved .) \
    | (cd "$package" && tar -xf -)
sed "s|path: \"../..\"|path: \"$repo\"|" templates/package/Package.swift > "$package/Package.swift"
grep -q "path: \"$repo\"" "$package/Package.swift" || fail "could not point Package.swift at $repo"
[ -d "$package/out" ] || fail "templates/package/out/ is not committed"
rm -rf "$package/out"

step "swift package --allow-writing-to-package-directory labgen build"
plugin --allow-writing-to-package-directory labgen build
[ -d "$package/out" ] || fail "the build plugin wrote no out/"
ls "$package/out"/*/.labgen-manifest > /dev/null 2>&1 || fail "out/ has no lab folder with a manifest"
diff -r templates/package/out "$package/out" || fail "out/ written by the plugin differs from the committed templates/package/out/;
    regenerate it: (cd templates/package && swift package --allow-writing-to-package-directory labgen build)"
echo "out/ equals the committed templates/package/out/"

step "swift package labgen-check (fresh)"
plugin labgen-check || fail "the check plugin fails on a fresh out/"

step "change the model: one more worker node"
main="$package/Sources/Labs/main.swift"
anchor='Node(.worker, address: "10.1.8.10", server: "server3")'
grep -qF "$anchor" "$main" || fail "the anchor line is not in Sources/Labs/main.swift"
awk -v anchor="$anchor" '{ print } index($0, anchor) { print "        Node(.worker, address: \"10.1.8.11\", server: \"server4\")" }' \
    "$main" > "$main.new" && mv "$main.new" "$main"
grep -q '10.1.8.11' "$main" || fail "the model change did not apply"

step "swift package labgen-check (stale: must fail with a diff)"
before="$(cd "$package/out" && find . -type f -exec cksum {} + | sort)"
set +e
plugin labgen-check > "$work/check.log" 2>&1
status=$?
set -e
cat "$work/check.log"
[ "$status" -ne 0 ] || fail "the check plugin passed on a stale out/"
grep -q '^+++ generated' "$work/check.log" || fail "the check printed no unified diff"
grep -q '10.1.8.11' "$work/check.log" || fail "the diff does not show the new node"
grep -q "run 'swift package --allow-writing-to-package-directory labgen build'" "$work/check.log" \
    || fail "the check does not say how to fix it"
after="$(cd "$package/out" && find . -type f -exec cksum {} + | sort)"
[ "$before" = "$after" ] || fail "the check plugin changed out/"
echo "the check plugin failed (status $status) with a diff, as it should"

step "rebuild with the plugin; the check passes again"
plugin --allow-writing-to-package-directory labgen build
plugin labgen-check || fail "the check plugin fails after rebuilding"

echo "consumer-package: OK"
