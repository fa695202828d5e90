import LabModel

/// Calico's pod pools: CIDR, block size, encapsulation, node selector (or the rack it is pinned
/// to) and name, each inside the cluster's pod subnet; at least one enabled.
struct PoolsPass: ResolverPass {
    let cluster: ResolvedCluster?

    func run(_ context: inout ResolveContext) -> [PodPoolPlan] {
        guard let cluster else { return [] }
        let written = cluster.spec.pools
        var pools: [PodPoolPlan] = []
        var names = Claims<String>(check: .duplicateName)
        for (index, pool) in written.enumerated() {
            guard let checked = check(pool, &context) else { continue }
            let name =
                pool.name
                ?? (pool.rack.map { "\($0)-ippool" }
                    ?? (index == 0 ? Conventions.calicoFirstPoolName : "ippool-\(index)"))
            if !Names.isKindClusterName(name) {
                context.diagnostics.error(
                    .invalidName, "pool name '\(name.debugEscaped)' must be a DNS subdomain", at: pool.location)
                continue
            }
            let unique = names.claim(name, at: pool.location, into: &context.diagnostics) { _ in
                ("two pod pools are named '\(name)'", "the first is here")
            }
            if !unique { continue }
            if let podSubnet = cluster.podSubnet, !pool.disabled, !podSubnet.contains(checked.cidr) {
                context.diagnostics.error(
                    .poolOverlap, "pod pool \(checked.cidr) is not inside the cluster's pod subnet \(podSubnet)",
                    at: pool.location, notes: [.init("the cluster is declared here", at: cluster.spec.location)])
            }
            pools.append(
                PodPoolPlan(
                    name: name, cidr: checked.cidr, blockSize: checked.blockSize, ipipMode: pool.ipipMode,
                    vxlanMode: pool.vxlanMode, natOutgoing: pool.natOutgoing, nodeSelector: checked.selector,
                    disabled: pool.disabled, location: pool.location))
        }
        if !written.isEmpty, written.allSatisfy(\.disabled) {
            context.diagnostics.error(
                .noEnabledPool,
                "every pod pool of cluster '\(cluster.spec.name.debugEscaped)' is disabled: Calico assigns pod "
                    + "addresses only from enabled pools, so no pod would start; "
                    + "enable one (remove disabled: true) or add an enabled PodPool",
                at: written[0].location, notes: [.init("the cluster is declared here", at: cluster.spec.location)])
        }
        return pools
    }

    /// A pool's checked CIDR, block size and node selector; nil when one is refused.
    private func check(
        _ pool: PodPoolSpec, _ context: inout ResolveContext
    ) -> (cidr: IPv4Prefix, blockSize: Int, selector: String)? {
        guard let cidr = ValueParsing.prefix(pool.cidr, what: "pod pool", at: pool.location, into: &context.diagnostics)
        else { return nil }
        let blockSize = pool.blockSize ?? Conventions.calicoBlockSize
        if !Conventions.calicoBlockSizes.contains(blockSize) {
            context.diagnostics.error(
                .poolSmallerThanBlock, "block size \(blockSize) is outside Calico's 20...32 for IPv4", at: pool.location
            )
            return nil
        }
        if cidr.length > blockSize {
            context.diagnostics.error(
                .poolSmallerThanBlock,
                "pod pool \(cidr) is smaller than one block of /\(blockSize); use "
                    + "a block size of at least \(cidr.length) or a larger pool",
                at: pool.location)
            return nil
        }
        if pool.ipipMode.isEnabled && pool.vxlanMode.isEnabled {
            context.diagnostics.error(
                .conflictingEncapsulation,
                "pod pool \(cidr) enables both IPIP (\(pool.ipipMode.rawValue)) "
                    + "and VXLAN (\(pool.vxlanMode.rawValue)); Calico allows one",
                at: pool.location)
            return nil
        }
        guard let selector = selector(of: pool, cidr: cidr, &context) else { return nil }
        return (cidr, blockSize, selector)
    }

    /// The pool's node selector: written, `rack == "<rack>"` for a pinned pool, else `all()`;
    /// parsed with Calico's grammar. Comparing `rack` with a rack the lab lacks is a warning.
    private func selector(of pool: PodPoolSpec, cidr: IPv4Prefix, _ context: inout ResolveContext) -> String? {
        let racks = context.spec.racks.map(\.name)
        let rackNames = Set(racks)
        var selector = pool.nodeSelector ?? "all()"
        if let rack = pool.rack {
            if !rackNames.contains(rack) {
                context.diagnostics.error(
                    .unknownGateway,
                    "pod pool \(cidr) is pinned to rack '\(rack.debugEscaped)', which the lab does not declare",
                    at: pool.location)
                return nil
            }
            if pool.nodeSelector != nil {
                context.diagnostics.error(
                    .misplacedElement, "a pod pool takes either rack: or nodeSelector:, not both", at: pool.location)
                return nil
            }
            selector = "rack == \"\(rack)\""
        }
        if selector.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            context.diagnostics.error(
                .invalidName, "node selector '\(selector.debugEscaped)' contains control characters", at: pool.location)
            return nil
        }
        do {
            let expression = try CalicoSelector.parse(selector)
            let unknown = expression.valuesRequired(for: "rack").filter { !rackNames.contains($0) }
            if let first = unknown.first {
                context.diagnostics.warning(
                    .selectorMatchesNoRack,
                    "node selector '\(selector.debugEscaped)' compares the rack label with '\(first.debugEscaped)', "
                        + "but the lab has no such rack (racks: "
                        + "\(racks.isEmpty ? "none" : racks.joined(separator: ", ")))",
                    at: pool.location)
            }
        } catch {
            context.diagnostics.error(
                .invalidSelector, "node selector '\(selector.debugEscaped)' is not a Calico selector: \(error)",
                at: pool.location)
            return nil
        }
        return selector
    }
}
