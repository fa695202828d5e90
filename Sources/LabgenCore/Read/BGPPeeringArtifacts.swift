import LabFormats
import LabModel

/// The row of `ArtifactTable` for the nodes' BGP peerings with the routers: Calico `BGPPeer`,
/// `BGPConfiguration` and `Node` (projectcalico.org/v3, crd.projectcalico.org/v1), Cilium
/// `CiliumBGPPeeringPolicy` and `CiliumBGPClusterConfig`, in YAML files, multi-document manifests and
/// `kubectl apply -f -` heredocs of scripts, and `kubectl annotate node X projectcalico.org/ASNumber=N`.
/// Read, never written by this row.
enum BGPPeeringArtifacts {
    static let entry = ArtifactEntry(
        kind: .bgpPeering,
        detectScript: { !$0.bgpManifests.isEmpty || !$0.nodeASAnnotations.isEmpty },
        detectDocument: { CalicoBGPReader.isBGPDocument($0) || CiliumBGPReader.isBGPDocument($0) },
        readScript: { facts, _, script in facts.addBGPManifests(of: script) },
        readDocument: { facts, _, document, origin in facts.readBGPPeering(document, origin: origin) })
}

extension ArtifactDiscovery.Kind {
    public static let bgpPeering = Self(rawValue: "Calico or Cilium BGP resources")
}
