import LabFormats
import LabModel

/// calico/bgp.yaml: Calico's BGP with the racks' routers (`projectcalico.org/v3`, served by Calico's API
/// server), as the items of one `v1` `List`: `BGPConfiguration` `default` with the node-to-node mesh off
/// and the default AS, and one
/// `BGPPeer` per rack, selecting the rack's nodes (`rack == "<rack>"`) and peering with the rack's
/// router at its rack address in its AS. Nodes whose rack has another AS get it from the
/// `projectcalico.org/ASNumber` node annotation (`labgen up`, lab.sh: `kubectl annotate node`).
enum CalicoBGPRenderer {
    static func render(_ plan: LabPlan) -> Artifact? {
        guard let calico = plan.cluster?.calico, let bgp = calico.bgp else { return nil }
        let routers = Dictionary(plan.gateways.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var documents: [YAMLValue] = [
            resource(
                "BGPConfiguration", "default",
                spec: [
                    YAMLPair(key: "nodeToNodeMeshEnabled", value: .bool(false)),
                    YAMLPair(key: "asNumber", value: .int(bgp.asNumber)),
                ])
        ]
        for rack in plan.racks {
            guard let name = rack.gateway, let router = routers[name], let routerBGP = router.bgp,
                let address = rack.gatewayAddress
            else { continue }
            documents.append(
                resource(
                    "BGPPeer", "\(rack.name)-\(router.name)",
                    spec: [
                        YAMLPair(key: "nodeSelector", value: .string("rack == \"\(rack.name)\"")),
                        YAMLPair(key: "peerIP", value: .string(address.description)),
                        YAMLPair(key: "asNumber", value: .int(routerBGP.asn)),
                    ]))
        }
        let header =
            "# Calico BGP for lab \(plan.name): each rack's nodes peer with its router, no node-to-node mesh.\n"
            + "# kubectl apply -f calico/bgp.yaml (projectcalico.org/v3 is served by Calico's API server)\n"
        // One `v1` `List`, as `kubectl get -o yaml` writes several resources: kubectl applies each item.
        let list: YAMLValue = .mapping([
            YAMLPair(key: "apiVersion", value: .string("v1")),
            YAMLPair(key: "kind", value: .string("List")),
            YAMLPair(key: "items", value: .sequence(documents)),
        ])
        return Artifact(path: ArtifactPaths.calicoBGP, kind: .calicoBGP, contents: header + YAMLWriter.write(list))
    }

    /// calico/apiserver.yaml: the operator's `APIServer` `default`, so that Calico's API server serves the
    /// projectcalico.org/v3 resources of calico/bgp.yaml (Calico's own custom-resources.yaml has it too).
    static func apiServer(_ plan: LabPlan) -> Artifact? {
        guard let calico = plan.cluster?.calico, calico.bgp != nil, calico.install?.mode == .operator else {
            return nil
        }
        let document: YAMLValue = .mapping([
            YAMLPair(key: "apiVersion", value: .string("operator.tigera.io/v1")),
            YAMLPair(key: "kind", value: .string("APIServer")),
            YAMLPair(key: "metadata", value: .mapping([YAMLPair(key: "name", value: .string("default"))])),
            YAMLPair(key: "spec", value: .mapping([])),
        ])
        return Artifact(
            path: ArtifactPaths.calicoAPIServer, kind: .calicoAPIServer, contents: YAMLWriter.write(document))
    }

    /// Each node whose rack's AS differs from the default, with that AS (`projectcalico.org/ASNumber`).
    static func nodeAS(_ plan: LabPlan) -> [(node: String, asn: Int)] {
        guard let bgp = plan.cluster?.calico?.bgp else { return [] }
        return plan.racks.flatMap { rack in
            rack.asn.map { asn in asn == bgp.asNumber ? [] : rack.nodeNames.map { ($0, asn) } } ?? []
        }
    }

    static func resource(_ kind: String, _ name: String, spec: [YAMLPair]) -> YAMLValue {
        .mapping([
            YAMLPair(key: "apiVersion", value: .string("projectcalico.org/v3")),
            YAMLPair(key: "kind", value: .string(kind)),
            YAMLPair(key: "metadata", value: .mapping([YAMLPair(key: "name", value: .string(name))])),
            YAMLPair(key: "spec", value: .mapping(spec)),
        ])
    }
}
