import LabFormats
import LabModel

/// Reads Cilium's BGP control plane resources: `CiliumBGPPeeringPolicy` (`cilium.io/v2alpha1`, Cilium 1.12
/// to 1.15; deprecated later) with `virtualRouters[].localASN` and `neighbors[].peerAddress`/`peerASN`, and
/// its successor `CiliumBGPClusterConfig` (`cilium.io/v2alpha1` from 1.16, `cilium.io/v2` from 1.18) with
/// `bgpInstances[].localASN` and `peers[].peerAddress`/`peerASN` (the `CiliumBGPPeerConfig` a peer refers
/// to holds timers and families, no addresses).
public enum CiliumBGPReader {
    static let kinds: Set<String> = ["CiliumBGPPeeringPolicy", "CiliumBGPClusterConfig"]

    public static func isBGPDocument(_ document: YAMLNode) -> Bool {
        CalicoBGPReader.resources(document).contains {
            ($0["apiVersion"]?.scalarText ?? "").hasPrefix("cilium.io/") && kinds.contains($0["kind"]?.scalarText ?? "")
        }
    }

    public static func read(_ document: YAMLNode, origin: TextOrigin, into facts: inout LabFacts) {
        for resource in CalicoBGPReader.resources(document) {
            guard (resource["apiVersion"]?.scalarText ?? "").hasPrefix("cilium.io/"),
                let kind = resource["kind"]?.scalarText, kinds.contains(kind), let spec = resource["spec"]
            else { continue }
            let source: NodeBGPPeerFacts.Source =
                kind == "CiliumBGPPeeringPolicy" ? .ciliumPeeringPolicy : .ciliumClusterConfig
            let name = resource["metadata"]?["name"]?.scalarText ?? "(unnamed)"
            var labels: [String: String]?
            var unreadable = false
            if let selector = spec["nodeSelector"] {
                labels = [:]
                if case .mapping(let pairs)? = selector["matchLabels"]?.content {
                    for pair in pairs {
                        if let key = pair.key.scalarText, let value = pair.value.scalarText { labels?[key] = value }
                    }
                }
                if selector["matchExpressions"] != nil { unreadable = true }
            }
            let (routers, peersKey) =
                source == .ciliumPeeringPolicy ? ("virtualRouters", "neighbors") : ("bgpInstances", "peers")
            guard case .sequence(let instances)? = spec[routers]?.content else { continue }
            for instance in instances {
                let localAS = CalicoBGPReader.located(instance["localASN"], origin)
                guard case .sequence(let peers)? = instance[peersKey]?.content else { continue }
                for peer in peers {
                    var facts_ = NodeBGPPeerFacts(
                        source: source, file: origin.file, name: name, location: origin.location(peer))
                    facts_.peerAddress = CalicoBGPReader.located(peer["peerAddress"], origin)
                    facts_.peerAS = CalicoBGPReader.located(peer["peerASN"], origin)
                    facts_.localAS = localAS
                    facts_.matchLabels = labels
                    facts_.selectorUnreadable = unreadable
                    facts.nodeBGPPeers.append(facts_)
                }
            }
        }
    }
}
