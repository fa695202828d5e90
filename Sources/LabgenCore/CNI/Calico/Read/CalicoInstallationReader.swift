import LabFormats
import LabModel

/// Reads the Tigera operator's `operator.tigera.io/v1` `Installation` into the same facts as an
/// IPPool and the calico-node environment: each `calicoNetwork.ipPools` entry is a pool (its
/// `encapsulation` split into IPIP and VXLAN modes), and `nodeAddressAutodetectionV4` is the
/// autodetection method. So LG007, LG008 and LG017 check an operator install like a manifest one;
/// LG030 checks what only the Installation has.
public enum CalicoInstallationReader {
    public static func isInstallation(_ document: YAMLNode) -> Bool {
        document["kind"]?.scalarText == "Installation"
            && (document["apiVersion"]?.scalarText ?? "").hasPrefix("operator.tigera.io/")
    }

    /// `encapsulation` -> (ipipMode, vxlanMode).
    static let encapsulations: [String: (String, String)] = [
        "IPIP": ("Always", "Never"), "IPIPCrossSubnet": ("CrossSubnet", "Never"),
        "VXLAN": ("Never", "Always"), "VXLANCrossSubnet": ("Never", "CrossSubnet"), "None": ("Never", "Never"),
    ]

    public static func read(
        _ document: YAMLNode, origin: TextOrigin, diagnostics: inout DiagnosticList
    ) -> (pools: [IPPoolFacts], node: CalicoNodeFacts) {
        let id = RuleID.calicoInstallation
        if let name = document["metadata"]?["name"], name.scalarText != "default" {
            diagnostics.error(
                id,
                "the Tigera operator reads only the Installation named 'default', not '\(name.scalarText ?? "")'",
                at: origin.location(name))
        }
        let spec = document["spec"]
        if let registry = spec?["registry"], let text = registry.scalarText, !text.isEmpty, text != "UseDefault",
            !text.hasSuffix("/")
        {
            diagnostics.error(
                id, "spec.registry '\(text)' must end with '/' (the operator puts the image path right after it)",
                at: origin.location(registry))
        }
        let network = spec?["calicoNetwork"]
        var pools: [IPPoolFacts] = []
        if let list = network?["ipPools"] {
            if case .sequence(let items) = list.content {
                for (index, item) in items.enumerated() {
                    pools.append(pool(item, index: index, origin: origin, diagnostics: &diagnostics))
                }
            }
        } else {
            // No ipPools: the operator creates one IPIP pool from kubeadm's pod subnet.
            var pool = IPPoolFacts(
                file: origin.file, name: Conventions.calicoFirstPoolName, cidr: nil, blockSize: nil, ipipMode: nil,
                vxlanMode: nil,
                disabled: false, fromEnvironment: true, location: origin.location(network ?? spec ?? document))
            pool.ipipMode = Located("Always", at: pool.location)
            pools.append(pool)
        }
        return (
            pools,
            autodetection(
                network?["nodeAddressAutodetectionV4"], origin: origin, context: document, diagnostics: &diagnostics)
        )
    }

    static func pool(_ item: YAMLNode, index: Int, origin: TextOrigin, diagnostics: inout DiagnosticList) -> IPPoolFacts
    {
        let location = origin.location(item)
        var pool = IPPoolFacts(
            file: origin.file,
            name: item["name"]?.scalarText ?? (index == 0 ? Conventions.calicoFirstPoolName : "ipPools[\(index)]"),
            cidr: nil, blockSize: nil, ipipMode: nil, vxlanMode: nil,
            disabled: item["disableNewAllocations"]?.value == .bool(true), fromEnvironment: false, location: location)
        // The operator's default for natOutgoing is Enabled; nodeSelector defaults to all().
        pool.natOutgoing = (item["natOutgoing"]?.scalarText ?? "Enabled") == "Enabled"
        if let selector = item["nodeSelector"], let text = selector.scalarText {
            pool.nodeSelector = Located(text, at: origin.location(selector))
        }
        if let node = item["cidr"], let text = node.scalarText {
            if let prefix = IPv4Prefix(text) {
                pool.cidr = Located(prefix, at: origin.location(node))
            } else if !text.contains(":") {
                diagnostics.error(
                    RuleID.podSubnet, "ipPools cidr '\(text)' is not an IPv4 CIDR", at: origin.location(node))
            }
        } else {
            diagnostics.error(
                RuleID.podSubnet, "calicoNetwork.ipPools entry \(index) has no cidr", at: location)
        }
        if let node = item["blockSize"] {
            if case .int(let value) = node.value {
                pool.blockSize = Located(value, at: origin.location(node))
            } else {
                diagnostics.error(
                    RuleID.podSubnet, "ipPools blockSize must be an integer", at: origin.location(node))
            }
        }
        // The operator's default encapsulation is IPIP.
        let encapsulation = item["encapsulation"]
        let text = encapsulation?.scalarText ?? "IPIP"
        let modeLocation = encapsulation.map { origin.location($0) } ?? location
        if let (ipip, vxlan) = encapsulations[text] {
            pool.ipipMode = Located(ipip, at: modeLocation)
            pool.vxlanMode = Located(vxlan, at: modeLocation)
        } else {
            diagnostics.error(
                RuleID.encapsulation,
                "unknown encapsulation '\(text)'; the operator knows IPIP, IPIPCrossSubnet, VXLAN, VXLANCrossSubnet and None",
                at: modeLocation)
        }
        if let nat = item["natOutgoing"], !["Enabled", "Disabled"].contains(nat.scalarText ?? "") {
            diagnostics.error(
                RuleID.calicoInstallation,
                "natOutgoing is Enabled or Disabled in an Installation, not '\(nat.scalarText ?? "")'",
                at: origin.location(nat))
        }
        return pool
    }

    /// `nodeAddressAutodetectionV4` as calico-node's `IP_AUTODETECTION_METHOD` (`cidr=a,b`, `interface=...`).
    static func autodetection(
        _ node: YAMLNode?, origin: TextOrigin, context: YAMLNode, diagnostics: inout DiagnosticList
    ) -> CalicoNodeFacts {
        var methods: [Located<String>] = []
        if let node {
            if case .sequence(let cidrs)? = node["cidrs"]?.content, !cidrs.isEmpty {
                let text = cidrs.compactMap(\.scalarText).joined(separator: ",")
                methods.append(Located("cidr=" + text, at: origin.location(node["cidrs"]!)))
            }
            for (key, prefix) in [
                ("interface", "interface="), ("skipInterface", "skip-interface="), ("canReach", "can-reach="),
            ] {
                if let value = node[key], let text = value.scalarText, !text.isEmpty {
                    methods.append(Located(prefix + text, at: origin.location(value)))
                }
            }
            if let value = node["firstFound"], value.value == .bool(true) {
                methods.append(Located(Conventions.calicoAutodetection, at: origin.location(value)))
            }
            if let value = node["kubernetes"], value.scalarText == "NodeInternalIP" {
                methods.append(Located("kubernetes-internal-ip", at: origin.location(value)))
            }
            if methods.count > 1 {
                diagnostics.error(
                    RuleID.calicoInstallation,
                    "nodeAddressAutodetectionV4 sets \(methods.count) methods; the operator accepts exactly one",
                    at: methods[1].location, notes: [Diagnostic.Note("the first", at: methods[0].location)])
            }
        }
        return CalicoNodeFacts(
            file: origin.file, autodetection: methods.first, location: origin.location(node ?? context))
    }
}
