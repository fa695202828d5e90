#!/usr/bin/env python3
"""Compares labgen's output for the reference lab with the hand-written originals, as data.

Both sides are parsed (YAML, the TOML of containerd patches, VyOS config trees); key order,
quoting and blank lines do not matter. The deliberate corrections listed in README.md
("Deliberate corrections") are applied to labgen's side before comparing, so any other
difference fails the check. Usage: compare-references.py SHARED_REFERENCE_DIR OUT_DIR
"""
import re
import sys
import tomllib
from pathlib import Path

import yaml

REF, OUT = Path(sys.argv[1]), Path(sys.argv[2])
LAB = REF / "calico-ipip-crosssubnet"
STATES = {
    # state: (lab folder in out/, original files, kind cluster name the originals pass to kind, topology name)
    "2022": ("calico-ipip-crosssubnet-2022", LAB / "calico/2-kind-calico-ipip-crosssubnet",
             LAB / "_extracted/calico/2-kind-calico-ipip-crosssubnet/kind-config.yaml", "clab-calico-ipip-crosssubnet"),
    "current": ("calico-ipip-crosssubnet", LAB / "LabasCode/calico/02-calico-ipip-crosssubnet",
                LAB / "_extracted/LabasCode/calico/02-calico-ipip-crosssubnet/kind-config.yaml", "calico-ipip-crosssubnet"),
}
failures = []


def check(what, ours, theirs):
    if ours != theirs:
        failures.append(f"{what}:\n  labgen:   {ours!r}\n  original: {theirs!r}")
    else:
        print(f"ok  {what}")


def kind_data(text, drop_corrections):
    doc = yaml.safe_load(text)
    if drop_corrections:
        # Correction 1: the cluster name is in the config (the originals pass --name to kind).
        doc.pop("name", None)
    for node in doc.get("nodes", []):
        if drop_corrections:
            # Correction 2: the node image is in the config (the originals pass --image to kind).
            node.pop("image", None)
        node["kubeadmConfigPatches"] = [yaml.safe_load(p) for p in node.get("kubeadmConfigPatches", [])]
    doc["containerdConfigPatches"] = [tomllib.loads(p) for p in doc.get("containerdConfigPatches", [])]
    return doc


def vyos_tree(text):
    """A config.boot as nested lists of (words, children), comments dropped (line based)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    stack, current = [], []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        words = [w[1:-1] if w.startswith('"') else w for w in re.findall(r'"(?:[^"\\]|\\.)*"|[^\s{}]+', line)]
        if line.endswith("{"):
            node = (tuple(words), [])
            current.append(node)
            stack.append(current)
            current = node[1]
        elif line == "}":
            current = stack.pop()
        else:
            current.append((tuple(words), None))
    return current


def tree_without(tree, path):
    """Drops the leaf at `path` (a tuple of words) from a vyos_tree."""
    out = []
    for words, children in tree:
        if children is None and words[:len(path)] == path:
            continue
        out.append((words, tree_without(children, path) if children is not None else None))
    return out


for state, (lab, folder, kind_file, cluster) in STATES.items():
    out = OUT / lab
    # kind
    ours = kind_data((out / "kind.yaml").read_text(), True)
    theirs = kind_data(kind_file.read_text(), False)
    check(f"{state}: kind config", ours, theirs)
    ours_name = yaml.safe_load((out / "kind.yaml").read_text())["name"]
    check(f"{state}: kind cluster name (originals: kind create cluster --name)", ours_name, cluster)
    # containerlab
    ours_clab = yaml.safe_load(next(out.glob("*.clab.yaml")).read_text())
    theirs_clab = yaml.safe_load((folder / "clab.yaml").read_text())
    for name, node in theirs_clab["topology"]["nodes"].items():
        mode = node.get("network-mode", "")
        if mode.startswith("container:") and not mode.startswith("container:" + cluster + "-"):
            # Correction 3: full kind container names (containerlab >= late 2023 no longer prefixes).
            node["network-mode"] = "container:" + cluster + "-" + mode[len("container:"):]
    check(f"{state}: containerlab topology", ours_clab, theirs_clab)
    # VyOS config.boot
    ours_boot = (out / "startup-conf/gw0-boot.cfg").read_text()
    theirs_boot = (folder / "startup-conf/gw0-boot.cfg").read_text()
    # Correction 4: the host-name is the gateway's name (the 2022 original kept VyOS's default 'vyos').
    check(f"{state}: gw0 host-name", [w for w, c in vyos_tree(ours_boot)[-1][1] if w[0] == "host-name"], [("host-name", "gw0")])
    check(f"{state}: gw0 config.boot (host-name aside)",
          tree_without(vyos_tree(ours_boot), ("host-name",)), tree_without(vyos_tree(theirs_boot), ("host-name",)))
    set_file = folder / "startup-conf/gw0.cfg"
    if set_file.exists():
        # The original set file is what a person types: it leaves out lines whose values are VyOS's
        # defaults (duplex/speed/smp-affinity auto, time-zone UTC). labgen's is the whole config.
        strip = lambda t: set(l for l in t.splitlines() if l.startswith("set ") and "host-name" not in l)
        ours_set, theirs_set = strip((out / "startup-conf/gw0.cfg").read_text()), strip(set_file.read_text())
        check(f"{state}: every original set command is in labgen's (host-name aside)", sorted(theirs_set - ours_set), [])
        defaults = re.compile(r" (duplex|speed|smp-affinity) 'auto'$| time-zone 'UTC'$")
        check(f"{state}: labgen's extra set commands are VyOS defaults only",
              sorted(l for l in ours_set - theirs_set if not defaults.search(l)), [])
    # Calico: the originals set the pool through calico-node's environment in calico.yaml.
    calico = (LAB / "calico/2-kind-calico-ipip-crosssubnet/calico.yaml").read_text()
    env = dict(re.findall(r'- name: (CALICO_IPV4POOL_\w+)\n\s+value: "?([^"\n]+)"?', calico))
    pool = yaml.safe_load((out / "calico/ippool.yaml").read_text())["spec"]
    check(f"{state}: Calico pool ipipMode (CALICO_IPV4POOL_IPIP)", pool["ipipMode"], env["CALICO_IPV4POOL_IPIP"])
    check(f"{state}: Calico pool vxlanMode (CALICO_IPV4POOL_VXLAN)", pool["vxlanMode"], env["CALICO_IPV4POOL_VXLAN"])
    check(f"{state}: Calico pool cidr (kubeadm podSubnet)", pool["cidr"], theirs["networking"]["podSubnet"])

if failures:
    print("\nlabgen's output differs from the originals beyond the deliberate corrections:\n" + "\n".join(failures))
    sys.exit(1)
print("\nlabgen reproduces both states of the reference lab (deliberate corrections aside)")
