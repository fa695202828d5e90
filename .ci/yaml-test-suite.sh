#!/bin/sh
# Runs the LabFormats YAML reader over the public YAML test suite in ../shared/yaml-test-suite.
# Fails when a case is misread or an invalid case is accepted (see Sources/Tools/labgen-yaml-suite).
set -eu
cd "$(dirname "$0")/.."
SUITE="${YAML_TEST_SUITE:-../shared/yaml-test-suite}"
if [ ! -d "$SUITE" ]; then
    echo "yaml-test-suite: skipped ($SUITE does not exist)"
    exit 0
fi
exec swift run -c debug labgen-yaml-suite "$SUITE" "$@"
