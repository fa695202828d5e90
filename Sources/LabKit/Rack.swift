import LabModel

/// A rack: a Linux bridge, its subnet, its gateway address and its nodes.
public struct Rack: LabElement, Sendable {
    let spec: RackSpec

    /// - Parameters:
    ///   - name: the rack name; nodes get the label `rack=<name>`.
    ///   - subnet: the rack subnet; when nil it is taken from the lab's `NodePool`.
    ///   - prefixLength: the size of the subnet taken from the node pool (default: the pool's `rackPrefix`).
    ///   - gateway: the gateway's address on the rack; defaults to the subnet's first host.
    ///   - bridge: the host bridge; defaults to `br-pool<n>` in rack order.
    ///   - router: the name of the Gateway that routes this rack; defaults to the only one.
    ///   - firstHost: the host number of the first allocated node address (default 10).
    ///   - slot: takes the subnet at this position of the node pool, counted from 0 in subnets of
    ///     the rack's size (`slot: 5` of `NodePool("10.1.0.0/16", rackPrefix: 24)` is `10.1.5.0/24`),
    ///     instead of the next free one. Racks without a slot skip it, wherever it is written.
    ///   - asn: the AS number of the rack's nodes when the CNI peers BGP with the rack's router (a
    ///     `Router` with an AS, the rack's leaf); defaults to the router's AS (iBGP).
    public init(
        _ name: String, subnet: String? = nil, prefixLength: Int? = nil, gateway: String? = nil,
        bridge: String? = nil, router: String? = nil, firstHost: Int? = nil, slot: Int? = nil, asn: Int? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @RackBuilder _ content: () -> [NodeSpec]
    ) {
        var spec = RackSpec(
            name: name, subnet: subnet, prefixLength: prefixLength, gatewayAddress: gateway, gateway: router,
            bridge: bridge, firstHost: firstHost, slot: slot, location: Written(fileID, line, column).location)
        spec.nodes = content()
        spec.asn = asn
        self.spec = spec
    }

    public var labComponent: LabComponent { LabComponent(kind: .rack(spec)) }
}

/// A lab-wide pool from which racks without a subnet take theirs, in order.
///
/// ```swift
/// NodePool("10.1.0.0/16", rackPrefix: 24)
/// Rack("rack0") { Node(.controlPlane) }    // 10.1.0.0/24: gateway 10.1.0.1, node 10.1.0.10
/// Rack("rack1") { Node(.worker) }          // 10.1.1.0/24
/// ```
public struct NodePool: LabElement, Sendable {
    let spec: NodePoolSpec

    /// - Parameters:
    ///   - cidr: the pool, for example `10.1.0.0/16`; it is also the default masquerade source.
    ///   - rackPrefix: the prefix length of each rack's subnet (default 24).
    public init(
        _ cidr: String, rackPrefix: Int = 24,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = NodePoolSpec(cidr: cidr, rackPrefix: rackPrefix, location: Written(fileID, line, column).location)
    }

    public var labComponent: LabComponent { LabComponent(kind: .nodePool(spec)) }
}

/// A kind node. Inside a Rack it is wired into the rack by a containerlab server that joins
/// its network namespace; inside a Cluster (kind-only labs) it is just a kind node.
public struct Node: Sendable {
    let spec: NodeSpec

    /// - Parameters:
    ///   - role: `.controlPlane` or `.worker`.
    ///   - address: the node's address on the rack; allocated from the rack subnet when nil.
    ///   - server: the containerlab server's name; defaults to `server<n>` in lab order.
    ///   - serverImage: overrides the topology's server image for this node.
    ///   - labels: extra Kubernetes node labels (the rack label is added).
    public init(
        _ role: NodeRole, address: String? = nil, server: String? = nil, serverImage: String? = nil,
        labels: KeyValuePairs<String, String> = [:],
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        var spec = NodeSpec(
            role: role, address: address, server: server, serverImage: serverImage,
            location: Written(fileID, line, column).location)
        spec.labels = labels.map { Label($0.key, $0.value) }
        self.spec = spec
    }
}
