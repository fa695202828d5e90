#!/usr/bin/env python3
"""Validates every out/*/calico/installation.yaml against the shared operator Installation schema.

Usage: validate-installations.py SCHEMA OUT_DIR. Needs PyYAML and jsonschema; says so clearly and
fails when either is missing (a skipped validation must not look like a passed one).
"""
import json
import sys
from pathlib import Path

try:
    import yaml
    import jsonschema
except ImportError as error:
    print(f"validate-installations: cannot run: {error} (install python3-yaml and python3-jsonschema)")
    sys.exit(1)

schema = json.loads(Path(sys.argv[1]).read_text())
files = sorted(Path(sys.argv[2]).glob("*/calico/installation.yaml"))
if not files:
    print("validate-installations: no calico/installation.yaml in out/ (no operator lab)")
    sys.exit(1)
failed = 0
for path in files:
    for document in yaml.safe_load_all(path.read_text()):
        errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(document), key=lambda e: list(e.path))
        for error in errors:
            print(f"{path}: {'/'.join(map(str, error.path)) or '(root)'}: {error.message}")
        failed += len(errors)
        # The operator reads only the Installation named 'default'.
        if document.get("metadata", {}).get("name") != "default":
            print(f"{path}: metadata.name is not 'default'")
            failed += 1
    if failed == 0:
        print(f"ok  {path}")
sys.exit(1 if failed else 0)
