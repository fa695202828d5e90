import LabModel

extension Verification {
    // MARK: - LG031

    /// The calico-node patch's `CALICO_IPV4POOL_*` against the IPPool calico-node creates from them
    /// (`default-ipv4-ippool`).
    mutating func checkPoolEnvironment() {
        guard let pool = facts.pools.first(where: { !$0.fromEnvironment && $0.name == "default-ipv4-ippool" }) else {
            return
        }
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
                    error(
                        RuleID.poolEnvironment,
                        "\(name)=\(value.value) makes calico-node create pool 'default-ipv4-ippool' with \(value.value), "
                            + "but the IPPool file has \(expected)",
                        at: value.location,
                        notes: [Diagnostic.Note("the IPPool's value", at: location ?? pool.location)])
                }
            }
        }
    }
}
