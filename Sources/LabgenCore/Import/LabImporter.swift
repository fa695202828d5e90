import LabFormats
import LabModel

/// The result of `labgen import`: the lab model read from a hand-written lab, or the list of
/// what labgen's model cannot express (then nothing is written).
public struct ImportResult: Sendable {
    public var spec: LabSpec?
    /// Constructs the model cannot express, at their file:line.
    public var refusals: [Diagnostic] = []
    /// labgen's deliberate corrections of the original that `labgen build` of the import applies.
    public var corrections: [String] = []
    /// What was read but is not part of the lab (files no gateway mounts, ...).
    public var notes: [Diagnostic] = []
}

/// Reads a hand-written lab's facts (the same discovery as `labgen verify`) into a `LabSpec`,
/// then builds that spec in memory and compares the rendered artifacts with the originals:
/// whatever the rendering does not reproduce is refused with its position.
public enum LabImporter {
    /// The diagnostic ID of an import refusal.
    public static let refusalID: DiagnosticID = "LG070"
    static let refusalSummary = "a construct of a hand-written lab that labgen's model cannot express"
    static let refusalExplanation = """
        'labgen import' builds the model it read in memory and compares what labgen would write with the lab's own \
        files, as data. Every kind node, containerlab node, exec command, link, VyOS setting and Calico pool that the \
        rendering does not reproduce is listed at its file:line: BGP or OSPF on a gateway, vif sub-interfaces, VyOS \
        bridges, node kinds other than VyOS gateways, rack bridges and the servers of kind nodes, exec commands other \
        than the node's address and default route, a second kind cluster, nodes without a rack= label. Nothing is \
        written: an import never drops a construct silently. Keep such a lab hand-written, or remove the construct \
        and add it to the generated lab by other means.
        """
    static let at = SourceLocation(file: "lab.swift", line: 1, column: 1)

    public static func importLab(_ facts: LabFacts, name: String? = nil) -> ImportResult {
        var result = ImportResult()
        func refuse(_ message: String, _ location: SourceLocation?) {
            result.refusals.append(.error(refusalID, message, at: location))
        }
        for problem in facts.readDiagnostics where problem.severity == .error { result.refusals.append(problem) }
        guard let kind = facts.kind else {
            refuse(
                "no kind cluster in this lab (no kind config file, 'kind create cluster' heredoc or --kind): labgen's "
                    + "model is a lab around one kind cluster", nil)
            return result
        }
        for other in facts.otherKindConfigs {
            refuse("a further kind cluster: labgen's model has one kind cluster per lab", other.location)
        }
        let clusterName = kind.name?.value ?? facts.clusterName ?? "kind"
        if facts.clusterName == nil, kind.name == nil, facts.clab != nil {
            result.corrections.append(
                "the kind cluster name is not written in the original (kind's default 'kind' is assumed; "
                    + "pass --cluster-name when the lab ran 'kind create cluster --name')")
        }
        // The registry mirror (one, with its own host as endpoint).
        var registry: RegistrySpec?
        for mirror in kind.mirrors {
            let endpoints = mirror.endpoints.map(\.value)
            if registry == nil, endpoints == ["http://\(mirror.host)"] || endpoints == ["https://\(mirror.host)"] {
                registry = RegistrySpec(mirror: mirror.host, insecure: endpoints[0].hasPrefix("http://"), location: at)
            } else {
                refuse(
                    "containerd mirror of '\(mirror.host)' to \(endpoints.joined(separator: ", ")): labgen writes one mirror, "
                        + "of a registry to itself", mirror.location)
            }
        }
        let mirror = registry?.mirror
        // The node image: in the config, or on kind's command line in the script.
        let nodeImages = Set(kind.nodes.compactMap(\.image?.value))
        var image: String? = nodeImages.first
        if nodeImages.count > 1 {
            refuse(
                "kind nodes with different images (\(nodeImages.sorted().joined(separator: ", "))): labgen has one node image",
                kind.nodes.first { $0.image != nil }?.image?.location)
        }
        if image == nil {
            image =
                facts.images.first { !$0.pulledInCluster && $0.reference.location.file == kind.file }?.reference.value
        }
        if nodeImages.isEmpty, let image {
            result.corrections.append(
                "the node image (\(image)) is written in kind.yaml (the original passes --image to kind)")
        }
        if image == nil, !kind.nodes.isEmpty {
            result.corrections.append(
                "the original names no node image: the imported lab uses labgen's default node image")
        }
        if kind.name == nil, facts.clusterName != nil {
            result.corrections.append(
                "the kind cluster name is written in kind.yaml (the original passes --name to kind)")
        }
        var cluster = ClusterSpec(
            name: clusterName, image: image, podSubnet: kind.podSubnet?.value.description,
            serviceSubnet: kind.serviceSubnet?.value.description,
            disableDefaultCNI: kind.disableDefaultCNI?.value ?? false,
            kubeProxyMode: kind.kubeProxyMode?.value, location: at)
        for patch in kind.patches {
            refuse(
                "a cluster-wide kubeadm patch (\(patch.kind.value)): labgen writes the node patches only",
                patch.location)
        }
        importPools(facts, kind: kind, into: &cluster, result: &result)

        var spec = LabSpec(name: name ?? facts.clab?.name?.value ?? clusterName, location: at)
        if let registry { spec.registries.append(registry) }
        let nodes = importNodes(facts, kind: kind, cluster: clusterName, result: &result)
        if let clab = facts.clab {
            importTopology(clab, facts: facts, nodes: nodes, mirror: mirror, into: &spec, result: &result)
        } else {
            cluster.nodes = nodes.map(\.spec)
        }
        spec.clusters.append(cluster)
        // The rendering compared with the original lists the rest of what is not reproduced (also when
        // the reading above refused something, so that the list is whole); one refusal per position.
        let structural = result.refusals
        var compared = ImportResult()
        ImportComparison.compare(spec, with: facts, result: &compared)
        let taken = Set(structural.compactMap(\.location))
        result.notes += compared.notes
        result.refusals += compared.refusals.filter { $0.location.map { !taken.contains($0) } ?? structural.isEmpty }
        result.refusals.sort { ($0.location ?? at) < ($1.location ?? at) }
        if result.refusals.isEmpty { result.spec = spec }
        return result
    }

    /// A kind node with what the topology says about it.
    struct ImportedNode {
        var spec: NodeSpec
        var kindNode: KindNodeFacts
        var rack: Located<String>?
        var server: ClabNodeFacts?
        var address: ExecAddress?
        var defaultRoute: Located<IPv4Address>?
    }

    static func importNodes(_ facts: LabFacts, kind: KindFacts, cluster: String, result: inout ImportResult)
        -> [ImportedNode]
    {
        let containers = Names.kindContainerNames(cluster: cluster, roleNames: kind.nodes.map(\.role.value))
        var shortNames = false
        var nodes: [ImportedNode] = []
        for (index, kindNode) in kind.nodes.enumerated() {
            guard let role = NodeRole(rawValue: kindNode.role.value) else {
                result.refusals.append(
                    .error(
                        refusalID, "kind node role '\(kindNode.role.value)': labgen has control-plane and worker nodes",
                        at: kindNode.role.location))
                continue
            }
            var spec = NodeSpec(role: role, address: nil, server: nil, serverImage: nil, location: at)
            var rack: Located<String>?
            var nodeIP: Located<IPv4Address>?
            for patch in kindNode.patches {
                if nodeIP == nil { nodeIP = patch.nodeIP }
                for label in patch.nodeLabels {
                    if label.value.key == "rack", rack == nil {
                        rack = Located(label.value.value, at: label.location)
                    } else if !spec.labels.contains(where: { $0.key == label.value.key }) {
                        spec.labels.append(Label(label.value.key, label.value.value))
                    }
                }
            }
            var node = ImportedNode(spec: spec, kindNode: kindNode, rack: rack)
            let container = containers[index]
            let short = String(container.dropFirst(cluster.count + 1))
            node.server = facts.clab?.nodes.first { $0.networkMode?.value == "container:\(container)" }
            if node.server == nil,
                let server = facts.clab?.nodes.first(where: { $0.networkMode?.value == "container:\(short)" })
            {
                node.server = server
                shortNames = true
            }
            if let server = node.server {
                node.spec.server = server.name.value
                node.address = server.addresses.first
                node.defaultRoute = server.defaultRoutes.first
                node.spec.address = node.address?.address.address.description
            } else if let nodeIP {
                node.spec.address = nodeIP.value.description
            }
            if facts.clab != nil, node.server == nil {
                result.refusals.append(
                    .error(
                        refusalID,
                        "kind node \(index + 1) (\(container)) has no containerlab server joining it: "
                            + "labgen wires every node of a lab with racks into its rack", at: kindNode.location))
            }
            nodes.append(node)
        }
        if shortNames {
            result.corrections.append(
                "network-mode names the full kind container (container:\(cluster)-...); the original used the short "
                    + "names older containerlab releases prefixed")
        }
        return nodes
    }
}
