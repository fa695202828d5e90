import LabFormats
import LabModel

/// The containerlab topology: gateways (VyOS in a `linux` node), one `bridge` node per rack
/// (and the transit bridge between the gateways of a multi-gateway lab), one server per kind
/// node that joins the node's network namespace, and the links.
enum ContainerlabRenderer {
    static func render(_ plan: LabPlan) -> Artifact? {
        guard let topology = plan.topology else { return nil }
        var nodes: [YAMLPair] = []
        for gateway in plan.gateways {
            nodes.append(
                YAMLPair(
                    key: gateway.name,
                    value: .mapping([
                        YAMLPair(key: "kind", value: .string("linux")),
                        YAMLPair(key: "image", value: .string(gateway.image)),
                        YAMLPair(key: "cmd", value: .string("/sbin/init")),
                        YAMLPair(
                            key: "binds",
                            value: .sequence([
                                .string("/lib/modules:/lib/modules"),
                                .string(
                                    "./\(ArtifactPaths.vyosBoot(gateway: gateway.name)):\(ArtifactPaths.vyosConfigMount)"
                                ),
                            ])),
                    ])))
        }
        for bridge in BridgeScriptRenderer.bridges(plan) {
            nodes.append(YAMLPair(key: bridge, value: .mapping([YAMLPair(key: "kind", value: .string("bridge"))])))
        }
        var links: [YAMLValue] = []
        func link(_ a: String, _ b: String) -> YAMLValue {
            var fields = [YAMLPair(key: "endpoints", value: .sequence([.string(a), .string(b)], style: .flow))]
            if let mtu = topology.mtu { fields.append(YAMLPair(key: "mtu", value: .int(mtu))) }
            return .mapping(fields)
        }
        for node in plan.nodes {
            guard let attachment = node.attachment else { continue }
            var exec: [YAMLValue] = [.string("ip addr add \(attachment.address) dev \(attachment.interface)")]
            if let gateway = attachment.defaultGateway {
                exec.append(.string("ip route replace default via \(gateway)"))
            }
            nodes.append(
                YAMLPair(
                    key: attachment.server,
                    value: .mapping([
                        YAMLPair(key: "kind", value: .string("linux")),
                        YAMLPair(key: "image", value: .string(attachment.serverImage)),
                        YAMLPair(key: "network-mode", value: .string("container:\(node.name)")),
                        YAMLPair(key: "exec", value: .sequence(exec)),
                    ])))
            links.append(
                link("\(attachment.bridge):\(attachment.bridgePort)", "\(attachment.server):\(attachment.interface)"))
        }
        nodes += FabricContainerlab.hostNodes(plan)
        for gateway in plan.gateways {
            for interface in gateway.interfaces {
                if let bridge = interface.bridge, let port = interface.bridgePort {
                    links.append(link("\(gateway.name):\(interface.name)", "\(bridge):\(port)"))
                } else if let peer = interface.peer,
                    case (true, let mtu) = FabricContainerlab.linkFrom(gateway.name, interface, in: plan)
                {
                    links.append(
                        FabricContainerlab.link(
                            "\(gateway.name):\(interface.name)", "\(peer.node):\(peer.interface)", mtu: mtu,
                            topologyMTU: topology.mtu))
                }
            }
        }
        let document: YAMLValue = .mapping([
            YAMLPair(key: "name", value: .string(topology.name)),
            YAMLPair(
                key: "topology",
                value: .mapping([
                    YAMLPair(key: "nodes", value: .mapping(nodes)),
                    YAMLPair(key: "links", value: .sequence(links)),
                ])),
        ])
        return Artifact(
            path: ArtifactPaths.containerlab(topology: topology.name), kind: .containerlab,
            contents: YAMLWriter.write(document))
    }
}
