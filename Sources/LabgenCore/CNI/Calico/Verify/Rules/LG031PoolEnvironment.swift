import LabModel

extension RuleID {
    public static let poolEnvironment: DiagnosticID = "LG031"
}

enum PoolEnvironmentRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.poolEnvironment, summary: "a calico-node patch's CALICO_IPV4POOL_* agree with the IPPool file",
        explanation: """
            In a manifest install the first pool is created by calico-node from its environment
            (CALICO_IPV4POOL_CIDR, _BLOCK_SIZE, _IPIP, _VXLAN, _NAT_OUTGOING), set by the calico-node patch; the
            IPPool file (default-ipv4-ippool) describes the same pool for calicoctl and for readers. When they
            differ, the running pool is the patch's, not the one the lab documents: a different cidr breaks
            LG007 in the running cluster, a different encapsulation changes what the lab demonstrates.
            """, severity: .error)

    /// The calico-node patch's `CALICO_IPV4POOL_*` against the IPPool calico-node creates from them
    /// (`default-ipv4-ippool`).
    static func check(_ lab: LabView) -> [Diagnostic] {
        let facts = lab.facts
        guard let pool = facts.pools.first(where: { !$0.fromEnvironment && $0.name == Conventions.calicoFirstPoolName })
        else {
            return []
        }
        var diagnostics = DiagnosticList()
        for node in facts.calicoNode where !node.poolEnvironment.isEmpty {
            let environment = node.poolEnvironment
            let pairs: [(String, Located<String>?, String?, SourceLocation?)] = [
                (
                    "CALICO_IPV4POOL_CIDR", environment["CALICO_IPV4POOL_CIDR"], pool.cidr?.value.description,
                    pool.cidr?.location
                ),
                (
                    "CALICO_IPV4POOL_BLOCK_SIZE", environment["CALICO_IPV4POOL_BLOCK_SIZE"],
                    String(pool.effectiveBlockSize), pool.blockSize?.location
                ),
                ("CALICO_IPV4POOL_IPIP", environment["CALICO_IPV4POOL_IPIP"], pool.ipip, pool.ipipMode?.location),
                ("CALICO_IPV4POOL_VXLAN", environment["CALICO_IPV4POOL_VXLAN"], pool.vxlan, pool.vxlanMode?.location),
            ]
            for (name, value, expected, location) in pairs {
                guard let value, let expected else { continue }
                // Compare prefixes as prefixes (10.244.0.0/16 written any way).
                let same =
                    name == "CALICO_IPV4POOL_CIDR"
                    ? IPv4Prefix(value.value)?.description == expected : value.value == expected
                if !same {
                    diagnostics.error(
                        RuleID.poolEnvironment,
                        "\(name)=\(value.value) makes calico-node create pool 'default-ipv4-ippool' with "
                            + "\(value.value), "
                            + "but the IPPool file has \(expected)",
                        at: value.location,
                        notes: [Diagnostic.Note("the IPPool's value", at: location ?? pool.location)])
                }
            }
        }
        return diagnostics.all
    }
}
