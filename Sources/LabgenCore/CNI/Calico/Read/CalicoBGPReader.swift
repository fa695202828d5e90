import LabFormats
import LabModel

/// Reads Calico's BGP resources (`projectcalico.org/v3`, and the CRDs `crd.projectcalico.org/v1`
/// that the Kubernetes datastore keeps): `BGPPeer`, `BGPConfiguration`, and the AS number of a `Node`.
public enum CalicoBGPReader {
    static let kinds: Set<String> = ["BGPPeer", "BGPConfiguration", "Node"]

    static func isCalico(_ document: YAMLNode) -> Bool {
        let api = document["apiVersion"]?.scalarText ?? ""
        return api.hasPrefix("projectcalico.org/") || api.hasPrefix("crd.projectcalico.org/")
    }

    /// The documents of `document` (itself, or the items of a `List`).
    static func resources(_ document: YAMLNode) -> [YAMLNode] {
        if case .sequence(let items)? = document["items"]?.content { return items.flatMap(resources) }
        return [document]
    }

    public static func isBGPDocument(_ document: YAMLNode) -> Bool {
        resources(document).contains {
            isCalico($0) && kinds.contains($0["kind"]?.scalarText ?? "") && $0["spec"] != nil
        }
    }

    static func located(_ node: YAMLNode?, _ origin: TextOrigin) -> Located<String>? {
        guard let node, let text = node.scalarText, node.value != .null else { return nil }
        return Located(text, at: origin.location(node))
    }

    public static func read(_ document: YAMLNode, origin: TextOrigin, into facts: inout LabFacts) {
        for resource in resources(document) where isCalico(resource) {
            let spec = resource["spec"]
            let name = resource["metadata"]?["name"]?.scalarText ?? "(unnamed)"
            switch resource["kind"]?.scalarText {
            case "BGPPeer":
                guard spec?["peerSelector"] == nil else { continue }  // a peering between nodes
                var peer = NodeBGPPeerFacts(
                    source: .calicoBGPPeer, file: origin.file, name: name, location: origin.location(resource))
                peer.peerAddress = located(spec?["peerIP"], origin)
                peer.peerAS = located(spec?["asNumber"], origin)
                peer.localAS = located(spec?["localASNumber"], origin)
                peer.node = located(spec?["node"], origin)
                peer.calicoSelector = located(spec?["nodeSelector"], origin)
                facts.nodeBGPPeers.append(peer)
            case "BGPConfiguration":
                var configuration = CalicoBGPConfigurationFacts(
                    file: origin.file, name: name, location: origin.location(resource))
                configuration.asNumber = located(spec?["asNumber"], origin)
                if let mesh = spec?["nodeToNodeMeshEnabled"], case .bool(let value) = mesh.value {
                    configuration.nodeToNodeMesh = Located(value, at: origin.location(mesh))
                }
                facts.calicoBGPConfigurations.append(configuration)
            case "Node":
                if let asNumber = located(spec?["bgp"]?["asNumber"], origin) { facts.nodeASNumbers[name] = asNumber }
            default:
                continue
            }
        }
    }
}
