import LabModel

extension LabFacts {
    /// Cilium's values as installed: each install command with the values files it names, and the
    /// values files no command names. An install command's `--set` values override the values files
    /// it names (`-f cilium/values.yaml`), as Helm merges them; a values file an install command
    /// names is checked once, through it.
    public var ciliumInstalls: [CiliumFacts] {
        var used = Set<String>()
        var result: [CiliumFacts] = []
        for script in cilium where !script.valuesFiles.isEmpty {
            var merged = script
            for name in script.valuesFiles {
                let wanted = LabFacts.normalize(name)
                guard
                    let file = cilium.first(where: {
                        $0.valuesFiles.isEmpty
                            && (LabFacts.normalize($0.file) == wanted || $0.file.hasSuffix("/" + wanted))
                    })
                else { continue }
                used.insert(file.file)
                merged.values = file.values.merging(merged.values) { _, set in set }
            }
            result.append(merged)
        }
        return result + cilium.filter { $0.valuesFiles.isEmpty && !used.contains($0.file) }
    }
}

// What Cilium's rules (LG043-LG046) share.
extension LabView {
    /// `routingMode`, or the chart's older `tunnel` value (before 1.14: `disabled` = native routing).
    func ciliumRoutingMode(_ cilium: CiliumFacts) -> Located<String>? {
        if let mode = cilium.value("routingMode") { return mode }
        guard let tunnel = cilium.value("tunnel") else { return nil }
        return Located(tunnel.value == "disabled" ? "native" : "tunnel", at: tunnel.location)
    }

    /// The pod CIDRs: cluster-pool's list, else kind's podSubnet (ipam.mode kubernetes).
    func ciliumPodCIDRs(_ cilium: CiliumFacts) -> [Located<IPv4Prefix>] {
        if cilium.value("ipam.mode")?.value == "cluster-pool" {
            guard let list = cilium.value("ipam.operator.clusterPoolIPv4PodCIDRList") else { return [] }
            return list.value.split(separator: ",").compactMap { IPv4Prefix(String($0)) }.map {
                Located($0, at: list.location)
            }
        }
        return podSubnet.map { [$0] } ?? []
    }
}
