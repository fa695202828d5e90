#!/usr/bin/env python3
"""Compares labgen's routed-fabric reproductions with the hand-written originals, as data.

- out/cilium-bgp-control-plane vs cilium/cilium-1.14.0-rc.0/cilium-bgp-control-plane-features:
  kind config (from 1-setup-env.sh), containerlab topology, the four VyOS configs, the Cilium BGP
  peering policies (from 4-enable-svc-ann-feautres.sh) and the Cilium install flags.
- out/flannel-manual-host-gateway vs flannel/2-flannel-host-gw/3-manual-host-gateway: containerlab
  topology and the two VyOS configs.

Both sides are parsed; key order, quoting and comments do not matter. The deliberate corrections
listed in README.md ("Deliberate corrections", fabric reproductions) are applied before comparing,
each at its own line below, so any other difference fails. Usage: SCRIPT REAL_LABS_DIR OUT_DIR
"""
import copy
import re
import sys
from pathlib import Path

import yaml

LABS, OUT = Path(sys.argv[1]), Path(sys.argv[2])
failures = []


def check(what, ours, theirs):
    if ours != theirs:
        failures.append(f"{what}:\n  labgen:   {ours!r}\n  original: {theirs!r}")
    else:
        print(f"ok  {what}")


def vyos_tree(text):
    """A config.boot as nested lists of (words, children), comments dropped, quotes removed."""
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


def child(tree, *words):
    for w, c in tree:
        if w == tuple(words):
            return c
    return None


def without(tree, predicate, path=()):
    """The tree without the nodes (at any depth) for which predicate(path_of_words) is true."""
    out = []
    for words, children in tree:
        here = path + (words,)
        if predicate(here):
            continue
        out.append((words, without(children, predicate, here) if children is not None else None))
    return out


def heredoc(script, start):
    """The body of the first `<<EOF` heredoc on a line containing `start`."""
    lines = script.read_text().splitlines()
    for i, line in enumerate(lines):
        if start in line and "<<EOF" in line:
            body = []
            for l in lines[i + 1:]:
                if l.strip() == "EOF":
                    return "\n".join(body) + "\n"
                body.append(l)
    raise SystemExit(f"no heredoc '{start}' in {script}")


def kind_data(text, drop_corrections):
    doc = yaml.safe_load(text)
    if drop_corrections:
        # Correction: the cluster name and node image are in the config (the original passes --name, --image).
        doc.pop("name", None)
    for node in doc.get("nodes", []):
        if drop_corrections:
            node.pop("image", None)
        node["kubeadmConfigPatches"] = [yaml.safe_load(p) for p in node.get("kubeadmConfigPatches", [])]
    return doc


def links_as_set(clab):
    clab = copy.deepcopy(clab)
    clab["topology"]["links"] = sorted(clab["topology"]["links"], key=lambda l: l["endpoints"])
    return clab


# --- cilium-bgp-control-plane ---------------------------------------------------------------
orig = LABS / "cilium/cilium-1.14.0-rc.0/cilium-bgp-control-plane-features"
out = OUT / "cilium-bgp-control-plane"
setup = (orig / "1-setup-env.sh").read_text()
ours_kind = yaml.safe_load((out / "kind.yaml").read_text())
check("cilium-bgp: kind config", kind_data((out / "kind.yaml").read_text(), True),
      kind_data(heredoc(orig / "1-setup-env.sh", "kind create cluster"), False))
check("cilium-bgp: kind cluster name (original: --name)", ours_kind["name"], re.search(r"--name=(\S+)", setup)[1])
check("cilium-bgp: kind node image (original: --image)", sorted({n["image"] for n in ours_kind["nodes"]}),
      [re.search(r"--image=(\S+)", setup)[1]])

ours_clab = yaml.safe_load(next(out.glob("*.clab.yaml")).read_text())
theirs_clab = yaml.safe_load((orig / "clab.yaml").read_text())
# Correction: every link carries the routers' MTU 9000 (the original left containerlab's 9500).
check("cilium-bgp: every containerlab link has mtu 9000", sorted({l.get("mtu") for l in ours_clab["topology"]["links"]}), [9000])
for link in ours_clab["topology"]["links"]:
    link.pop("mtu", None)
check("cilium-bgp: containerlab topology (link mtu aside)", ours_clab, theirs_clab)

for router in ["spine0", "spine1", "leaf0", "leaf1"]:
    ours = vyos_tree((out / f"startup-conf/{router}-boot.cfg").read_text())
    theirs = vyos_tree((orig / f"startup-conf/{router}-boot.cfg").read_text())
    if router == "spine0":
        # Correction: spine0's interfaces have the fabric's mtu 9000 like every other router's
        # (the original left VyOS's 1500 facing the leaves' 9000).
        mtus = [c for w, c in child(ours, "interfaces") if w[0] == "ethernet"]
        check("cilium-bgp: spine0 interfaces have mtu 9000", [[w for w, _ in c if w[0] == "mtu"] for c in mtus],
              [[("mtu", "9000")]] * len(mtus))
        ours = without(ours, lambda p: p[0] == ("interfaces",) and p[-1][0] == "mtu")
    if router == "spine1":
        # Correction: spine1 has no router-id of its own; the original copied leaf1's 10.1.8.1.
        theirs = without(theirs, lambda p: p[-1] == ("router-id", "10.1.8.1"))
    if router == "leaf1":
        # Correction: leaf1 announces its own link subnets; the original announced leaf0's.
        fix = {("network", "10.1.10.0/24"): ("network", "10.1.34.0/24"), ("network", "10.1.12.0/24"): ("network", "10.1.11.0/24")}
        af = child(child(child(theirs, "protocols"), "bgp"), "address-family")
        unicast = child(af, "ipv4-unicast")
        unicast[:] = sorted([(fix.get(w, w), c) for w, c in unicast], key=lambda n: [int(x) for x in re.split(r"[./]", n[0][1])])
    # Correction: NAT's outbound interface in 1.4's release syntax `outbound-interface { name eth0 }` (vyos-1x
    # nat migration 5-to-6); the original was saved by a 2023 1.4 rolling build that still wrote the leaf.
    def block(tree):
        return [((w[0],), [(("name", w[1]), None)]) if w[0] == "outbound-interface" and len(w) == 2 and c is None
                else (w, block(c) if c is not None else None) for w, c in tree]
    theirs = block(theirs)
    check(f"cilium-bgp: {router} config.boot", ours, theirs)

# The Cilium BGP peering policies of 4-enable-svc-ann-feautres.sh.
theirs_policies = list(yaml.safe_load_all(heredoc(orig / "4-enable-svc-ann-feautres.sh", "kubectl apply")))
ours_policies = [d for d in yaml.safe_load_all((out / "cilium/bgp.yaml").read_text()) if d]
for doc in theirs_policies:
    for router in doc["spec"]["virtualRouters"]:
        # Correction: Cilium's documented select-every-Service expression (the original's 'wluo NotIn
        # [wluo]' also selects every Service but one labelled wluo=wluo).
        router["serviceSelector"] = {"matchExpressions": [{"key": "somekey", "operator": "NotIn", "values": ["never-used-value"]}]}
        for neighbor in router["neighbors"]:
            # Correction: peerAddress is the router's /32 (the original wrote the rack's /24; Cilium uses the address).
            neighbor["peerAddress"] = neighbor["peerAddress"].split("/")[0] + "/32"
check("cilium-bgp: CiliumBGPPeeringPolicy resources", ours_policies, theirs_policies)

install = (orig / "3-install-cilium-cni.sh").read_text()
flags = dict(re.findall(r"--set ([\w.]+)=(\S+)", install))
values = yaml.safe_load((out / "cilium/values.yaml").read_text())
check("cilium-bgp: Cilium chart version", re.search(r"--version (\S+)", install)[1],
      re.search(r"--version (\S+)", (out / "cilium/values.yaml").read_text())[1])
check("cilium-bgp: native routing (tunnel=disabled)", values["routingMode"], "native" if flags["tunnel"] == "disabled" else "tunnel")
check("cilium-bgp: ipam.mode", values["ipam"]["mode"], flags["ipam.mode"])
check("cilium-bgp: ipv4NativeRoutingCIDR", values["ipv4NativeRoutingCIDR"], flags["ipv4NativeRoutingCIDR"])
check("cilium-bgp: bgpControlPlane.enabled", str(values["bgpControlPlane"]["enabled"]).lower(), flags["bgpControlPlane.enabled"])
check("cilium-bgp: k8s.requireIPv4PodCIDR", str(values["k8s"]["requireIPv4PodCIDR"]).lower(), flags["k8s.requireIPv4PodCIDR"])

# --- flannel-manual-host-gateway ---------------------------------------------------------------
orig = LABS / "flannel/2-flannel-host-gw/3-manual-host-gateway"
out = OUT / "flannel-manual-host-gateway"
ours_clab = yaml.safe_load(next(out.glob("*.clab.yaml")).read_text())
theirs_clab = yaml.safe_load((orig / "clab.yaml").read_text())
# Link order has no meaning to containerlab: compared as a set.
check("host-gw: containerlab topology (links as a set)", links_as_set(ours_clab), links_as_set(theirs_clab))
for router in ["gw0", "gw1"]:
    ours = vyos_tree((out / f"startup-conf/{router}-boot.cfg").read_text())
    theirs = vyos_tree((orig / f"startup-conf/{router}-boot.cfg").read_text())
    for section in ["nat", "protocols"]:
        check(f"host-gw: {router} {section}", child(ours, section), child(theirs, section))
    # Correction: the stock parts are labgen's VyOS 1.4 stock (the 1.4 factory defaults it writes on
    # every 1.4 gateway: duplex/speed auto, no offload, its system section, no service ntp); the
    # original was saved by a 2024 1.4 rolling build with other defaults. Addresses are compared.
    addresses = lambda tree: [(w, [x for x, _ in c if x[0] in ("address", "mtu")]) for w, c in child(tree, "interfaces")]
    check(f"host-gw: {router} interface addresses", addresses(ours), addresses(theirs))
    host = lambda tree: [w for w, _ in child(tree, "system") if w[0] == "host-name"]
    check(f"host-gw: {router} host-name", host(ours), host(theirs))

if failures:
    print("\nlabgen's output differs from the originals beyond the deliberate corrections:\n" + "\n".join(failures))
    sys.exit(1)
print("\nlabgen reproduces both fabric labs (deliberate corrections aside)")
