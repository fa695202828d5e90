import LabFormats
import LabModel

extension LabImporter {
    /// Calico pools from IPPool documents or calico-node's environment; the manifest install
    /// when the lab set its pool through calico-node's environment.
    static func importPools(
        _ facts: LabFacts, kind: KindFacts, into cluster: inout ClusterSpec, result: inout ImportResult
    ) {
        var fromEnvironment = false
        for (index, pool) in facts.pools.enumerated() {
            guard
                let cidr = pool.cidr?.value ?? kind.podSubnet?.value
                    ?? (pool.fromEnvironment ? KindFacts.defaultPodSubnet : nil)
            else {
                result.refusals.append(
                    .error(refusalID, "Calico pool '\(pool.name)' without a cidr", at: pool.location))
                continue
            }
            guard let ipip = EncapsulationMode(rawValue: pool.ipip), let vxlan = EncapsulationMode(rawValue: pool.vxlan)
            else {
                result.refusals.append(
                    .error(
                        refusalID,
                        "Calico pool '\(pool.name)': encapsulation \(pool.ipip)/\(pool.vxlan) is not one of Always, "
                            + "CrossSubnet, Never", at: pool.ipipMode?.location ?? pool.location))
                continue
            }
            fromEnvironment = fromEnvironment || pool.fromEnvironment
            let defaultName = index == 0 ? Conventions.calicoFirstPoolName : nil
            cluster.pools.append(
                PodPoolSpec(
                    name: pool.name == defaultName ? nil : pool.name, cidr: cidr.description,
                    blockSize: pool.effectiveBlockSize == Conventions.calicoBlockSize ? nil : pool.effectiveBlockSize,
                    ipipMode: ipip, vxlanMode: vxlan, natOutgoing: pool.natOutgoing,
                    nodeSelector: pool.nodeSelector?.value == "all()" ? nil : pool.nodeSelector?.value, rack: nil,
                    disabled: pool.disabled, location: at))
        }
        // A calico-node patch that sets CALICO_IPV4POOL_*: the manifest install (as labgen writes it).
        let patched = facts.calicoNode.contains { !$0.poolEnvironment.isEmpty }
        guard fromEnvironment || patched, !cluster.pools.isEmpty else { return }
        // The release of the manifest: the tag of its calico/node image.
        let version = facts.images.lazy.filter(\.pulledInCluster).compactMap { image -> String? in
            let text = image.reference.value
            guard let colon = text.lastIndex(of: ":"), text[..<colon].hasSuffix("calico/node") else { return nil }
            return String(text[text.index(after: colon)...])
        }.first
        cluster.calicoInstalls.append(CalicoInstallSpec(mode: .manifest, version: version, manifest: nil, location: at))
        guard fromEnvironment else { return }
        result.corrections.append(
            "a Calico IPPool file and a calico-node patch are written; the original sets the pool through calico-node's "
                + "environment in its copy of calico.yaml (labgen applies Calico's calico.yaml"
                + (version.map { " of \($0)" } ?? "") + ")")
    }
}
