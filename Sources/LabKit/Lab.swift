import LabModel

/// A lab: the top-level element of a lab file.
///
/// ```swift
/// import LabKit
///
/// let lab = Lab("calico-ipip-crosssubnet") {
///     Registry(mirror: "192.168.2.100:5000", insecure: true)
///     Cluster("clab-calico-ipip-crosssubnet", image: "kindest/node:v1.23.4") {
///         Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
///     }
///     Gateway("gw0", vyos: "1.2.8") {
///         Masquerade(source: "10.1.0.0/16", outbound: "eth0")
///     }
///     Rack("rack0", subnet: "10.1.5.0/24") {
///         Node(.controlPlane, address: "10.1.5.10")
///         Node(.worker, address: "10.1.5.11")
///     }
/// }
/// ```
public struct Lab: Sendable {
    /// The serialized description that labgen resolves and renders.
    public let spec: LabSpec

    public init(
        _ name: String,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @LabBuilder _ content: () -> [LabComponent]
    ) {
        var spec = LabSpec(name: name, location: Written(fileID, line, column).location)
        for component in content() {
            switch component.kind {
            case .registry(let registry): spec.registries.append(registry)
            case .cluster(let cluster): spec.clusters.append(cluster)
            case .gateway(let gateway): spec.gateways.append(gateway)
            case .rack(let rack): spec.racks.append(rack)
            case .nodePool(let pool): spec.nodePools.append(pool)
            case .transit(let transit): spec.transits.append(transit)
            case .topology(let topology): spec.topologies.append(topology)
            case .link(let link): spec.links.append(link)
            case .linkPool(let pool): spec.linkPools.append(pool)
            case .host(let host): spec.hosts.append(host)
            }
        }
        self.spec = spec
        LabRegistry.register(spec)
    }
}

/// One element of a `Lab { ... }` body. Built by `LabBuilder`; not created directly.
public struct LabComponent: Sendable {
    enum Kind: Sendable {
        case registry(RegistrySpec)
        case cluster(ClusterSpec)
        case gateway(GatewaySpec)
        case rack(RackSpec)
        case nodePool(NodePoolSpec)
        case transit(TransitSpec)
        case topology(TopologySpec)
        case link(LinkSpec)
        case linkPool(LinkPoolSpec)
        case host(HostSpec)
    }

    let kind: Kind
}

/// Elements that may appear directly inside `Lab { ... }`.
public protocol LabElement {
    var labComponent: LabComponent { get }
}
