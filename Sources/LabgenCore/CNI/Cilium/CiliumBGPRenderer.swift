import LabFormats
import LabModel

/// cilium/bgp.yaml: Cilium's BGP control plane for the racks, in the API of the pinned release.
///
/// Up to 1.15 a `CiliumBGPPeeringPolicy` per rack (cilium.io/v2alpha1): the rack's nodes
/// (`nodeSelector.matchLabels.rack`), one virtual router with the rack's AS as `localASN`, the pod
/// CIDR exported, and the rack's router as the neighbour (`peerAddress` a /32, `peerASN` its AS).
/// From 1.16 on the same as a `CiliumBGPClusterConfig` per rack, one shared `CiliumBGPPeerConfig`
/// and a `CiliumBGPAdvertisement` of the pod CIDR (cilium.io/v2alpha1 in 1.16/1.17, v2 from 1.18).
enum CiliumBGPRenderer {
    static let peerConfigName = "labgen-rack-router"
    static let advertisementLabel = YAMLPair(key: "advertise", value: .string("labgen-bgp"))

    static func render(_ plan: LabPlan) -> Artifact? {
        guard let cilium = plan.cluster?.cilium, let bgp = cilium.bgp else { return nil }
        let routers = Dictionary(plan.gateways.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var documents: [YAMLValue] = []
        let peerings: [(rack: RackPlan, router: GatewayPlan, routerBGP: BGPRouterPlan, localAS: Int)] = plan.racks
            .compactMap {
                rack in
                guard let name = rack.gateway, let router = routers[name], let routerBGP = router.bgp,
                    let asn = rack.asn
                else {
                    return nil
                }
                return (rack, router, routerBGP, asn)
            }
        let header =
            "# Cilium \(cilium.version) BGP control plane for lab \(plan.name): "
            + "each rack's nodes peer with its router.\n"
            + "# kubectl apply -f cilium/bgp.yaml\n"
        for peering in peerings {
            guard let address = peering.rack.gatewayAddress else { continue }
            let selector = YAMLValue.mapping([
                YAMLPair(
                    key: "matchLabels", value: .mapping([YAMLPair(key: "rack", value: .string(peering.rack.name))]))
            ])
            switch bgp.api {
            case .peeringPolicy:
                var neighbor = [
                    YAMLPair(key: "peerAddress", value: .string("\(address)/32")),
                    YAMLPair(key: "peerASN", value: .int(peering.routerBGP.asn)),
                ]
                if let seconds = bgp.gracefulRestartSeconds { neighbor.append(gracefulRestart(seconds)) }
                var router = [YAMLPair(key: "localASN", value: .int(peering.localAS))]
                if bgp.announceServices { router.append(YAMLPair(key: "serviceSelector", value: everything)) }
                router.append(YAMLPair(key: "exportPodCIDR", value: .bool(true)))
                router.append(YAMLPair(key: "neighbors", value: .sequence([.mapping(neighbor)])))
                documents.append(
                    resource(
                        bgp.api.apiVersion, "CiliumBGPPeeringPolicy", peering.rack.name,
                        spec: [
                            YAMLPair(key: "nodeSelector", value: selector),
                            YAMLPair(key: "virtualRouters", value: .sequence([.mapping(router)])),
                        ]))
            case .clusterConfigV2Alpha1, .clusterConfigV2:
                let peer: YAMLValue = .mapping([
                    YAMLPair(key: "name", value: .string(peering.router.name)),
                    YAMLPair(key: "peerASN", value: .int(peering.routerBGP.asn)),
                    YAMLPair(key: "peerAddress", value: .string(address.description)),
                    YAMLPair(
                        key: "peerConfigRef", value: .mapping([YAMLPair(key: "name", value: .string(peerConfigName))])),
                ])
                let instance: YAMLValue = .mapping([
                    YAMLPair(key: "name", value: .string(peering.rack.name)),
                    YAMLPair(key: "localASN", value: .int(peering.localAS)),
                    YAMLPair(key: "peers", value: .sequence([peer])),
                ])
                documents.append(
                    resource(
                        bgp.api.apiVersion, "CiliumBGPClusterConfig", peering.rack.name,
                        spec: [
                            YAMLPair(key: "nodeSelector", value: selector),
                            YAMLPair(key: "bgpInstances", value: .sequence([instance])),
                        ]))
            }
        }
        if bgp.api != .peeringPolicy && !documents.isEmpty {
            var peerSpec: [YAMLPair] = []
            if let seconds = bgp.gracefulRestartSeconds { peerSpec.append(gracefulRestart(seconds)) }
            peerSpec.append(
                YAMLPair(
                    key: "families",
                    value: .sequence([
                        .mapping([
                            YAMLPair(key: "afi", value: .string("ipv4")),
                            YAMLPair(key: "safi", value: .string("unicast")),
                            YAMLPair(
                                key: "advertisements",
                                value: .mapping([YAMLPair(key: "matchLabels", value: .mapping([advertisementLabel]))])),
                        ])
                    ])))
            documents.append(resource(bgp.api.apiVersion, "CiliumBGPPeerConfig", peerConfigName, spec: peerSpec))
            var advertisements: [YAMLValue] = [
                .mapping([YAMLPair(key: "advertisementType", value: .string("PodCIDR"))])
            ]
            if bgp.announceServices {
                advertisements.append(
                    .mapping([
                        YAMLPair(key: "advertisementType", value: .string("Service")),
                        YAMLPair(
                            key: "service",
                            value: .mapping([YAMLPair(key: "addresses", value: .sequence([.string("LoadBalancerIP")]))])
                        ),
                        YAMLPair(key: "selector", value: everything),
                    ]))
            }
            documents.append(
                resource(
                    bgp.api.apiVersion, "CiliumBGPAdvertisement", "labgen-pod-cidr",
                    spec: [YAMLPair(key: "advertisements", value: .sequence(advertisements))],
                    labels: [advertisementLabel]))
        }
        guard !documents.isEmpty else { return nil }
        return Artifact(
            path: ArtifactPaths.ciliumBGP, kind: .ciliumBGP, contents: header + YAMLWriter.write(documents: documents))
    }

    /// Cilium's documented way to select every Service: a `NotIn` expression no Service matches.
    static let everything: YAMLValue = .mapping([
        YAMLPair(
            key: "matchExpressions",
            value: .sequence([
                .mapping([
                    YAMLPair(key: "key", value: .string("somekey")),
                    YAMLPair(key: "operator", value: .string("NotIn")),
                    YAMLPair(key: "values", value: .sequence([.string("never-used-value")])),
                ])
            ]))
    ])

    static func gracefulRestart(_ seconds: Int) -> YAMLPair {
        YAMLPair(
            key: "gracefulRestart",
            value: .mapping([
                YAMLPair(key: "enabled", value: .bool(true)), YAMLPair(key: "restartTimeSeconds", value: .int(seconds)),
            ]))
    }

    static func resource(
        _ apiVersion: String, _ kind: String, _ name: String, spec: [YAMLPair], labels: [YAMLPair] = []
    )
        -> YAMLValue
    {
        var metadata = [YAMLPair(key: "name", value: .string(name))]
        if !labels.isEmpty { metadata.append(YAMLPair(key: "labels", value: .mapping(labels))) }
        return .mapping([
            YAMLPair(key: "apiVersion", value: .string(apiVersion)),
            YAMLPair(key: "kind", value: .string(kind)),
            YAMLPair(key: "metadata", value: .mapping(metadata)),
            YAMLPair(key: "spec", value: .mapping(spec)),
        ])
    }
}
