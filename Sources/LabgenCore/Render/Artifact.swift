import LabModel

/// One generated file of a lab, with its path relative to the lab's output folder.
public struct Artifact: Hashable, Sendable {
    /// What the file is, for readers and for messages.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case kindConfig = "kind config"
        case kubeadmPatch = "kubeadm patch"
        case containerlab = "containerlab topology"
        case vyosBoot = "VyOS config.boot"
        case vyosCommands = "VyOS set commands"
        case calicoPools = "Calico IPPool"
        case calicoNodePatch = "calico-node patch"
        case calicoInstallation = "Calico Installation"
        case flannelConfig = "kube-flannel ConfigMap"
        case ciliumValues = "Cilium Helm values"
        case ciliumBGP = "Cilium BGP resources"
        case calicoBGP = "Calico BGP resources"
        case bridgeScript = "bridge script"
        case labScript = "lab script"
        case labModel = "lab model"
        case topologyMarkdown = "topology picture (Mermaid)"
        case topologySVG = "topology picture (SVG)"

        /// labgen's own records and pictures: not artifacts a lab runs with, not read back by `verify`.
        public var isRecordOrPicture: Bool { self == .labModel || self == .topologyMarkdown || self == .topologySVG }
    }

    public var path: String
    public var kind: Kind
    public var contents: String
    /// Whether the file should be executable (the bridge script, the lab script).
    public var executable: Bool

    public init(path: String, kind: Kind, contents: String, executable: Bool = false) {
        self.path = path
        self.kind = kind
        self.contents = contents
        self.executable = executable
    }
}

/// All the artifacts of one lab, in a fixed order.
public struct RenderedLab: Sendable {
    public var name: String
    public var artifacts: [Artifact]
    /// The lab's source (`templates/labs/<file>.swift`, or a lab file's path relative to the folder
    /// that holds the output folder), recorded in the manifest so that a build of another source
    /// does not silently replace this lab's folder.
    public var source: String?

    public init(name: String, artifacts: [Artifact], source: String? = nil) {
        self.name = name
        self.artifacts = artifacts
        self.source = source
    }

    public func artifact(at path: String) -> Artifact? { artifacts.first { $0.path == path } }
}

/// The conventional file names of a lab's artifacts (documented in the README).
public enum ArtifactPaths {
    public static let kindConfig = "kind.yaml"
    /// A node's standalone kubeadm patch (`Cluster(..., kubeadmPatches: .perNode)`).
    public static func kubeadmPatch(node: String) -> String { "kubeadm/\(node).yaml" }
    /// Every node's standalone kubeadm patch, one document each (the default).
    public static let kubeadmPatches = "kubeadm.yaml"
    public static func containerlab(topology: String) -> String { "\(topology).clab.yaml" }
    public static func vyosBoot(gateway: String) -> String { "startup-conf/\(gateway)-boot.cfg" }
    public static func vyosCommands(gateway: String) -> String { "startup-conf/\(gateway).cfg" }
    public static let calicoPools = "calico/ippool.yaml"
    public static let calicoNodePatch = "calico/calico-node-patch.yaml"
    public static let calicoInstallation = "calico/installation.yaml"
    /// kube-flannel's `kube-flannel-cfg` ConfigMap with the lab's net-conf.json.
    public static let flannelConfig = "flannel/net-conf.yaml"
    /// Helm values for the cilium/cilium chart.
    public static let ciliumValues = "cilium/values.yaml"
    /// Cilium's BGP control plane resources (`kubectl apply -f`), one document each.
    public static let ciliumBGP = "cilium/bgp.yaml"
    /// Calico's BGPConfiguration and BGPPeers (`calicoctl apply -f`), one document each.
    public static let calicoBGP = "calico/bgp.yaml"
    /// The Tigera operator's `APIServer`, which serves calico/bgp.yaml's projectcalico.org/v3 resources.
    public static let calicoAPIServer = "calico/apiserver.yaml"
    public static let bridgeScript = "bridges.sh"
    /// `lab.sh up|down|status`: the bring-up sequence of `labgen up` as a POSIX shell script.
    public static let labScript = "lab.sh"
    public static let labModel = "lab.json"
    /// The lab's picture: a Mermaid flowchart in Markdown (GitHub renders it), and the same as SVG.
    public static let topologyMarkdown = "topology.md"
    public static let topologySVG = "topology.svg"
    /// Where the VyOS config is mounted inside the gateway container.
    public static let vyosConfigMount = "/opt/vyatta/etc/config/config.boot"
}
