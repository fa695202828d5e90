import LabFormats
import LabModel

/// Reads a kind `Cluster` config (`kind.x-k8s.io/v1alpha4`) strictly, like kind does: unknown
/// fields and wrong types are `LG015` errors. Embedded kubeadm patches and containerd TOML patches
/// are read too, with positions in the kind config.
public enum KindConfigReader {
    public static func read(_ text: String, file: String, diagnostics: inout DiagnosticList) -> KindFacts? {
        let origin = TextOrigin(file: file)
        do {
            let documents = try YAMLReader.read(text)
            guard let document = documents.first(where: { isKindConfig($0) }) else { return nil }
            return read(document, origin: origin, diagnostics: &diagnostics)
        } catch {
            diagnostics.error(
                RuleID.unreadable, "kind config does not parse: \(error.message)", at: origin.location(error.position))
            return nil
        }
    }

    /// Whether a document is a kind config: `apiVersion: kind.x-k8s.io/...`, or `kind: Cluster`
    /// without an apiVersion (kind refuses that; the reader says so).
    public static func isKindConfig(_ document: YAMLNode) -> Bool {
        if document["apiVersion"]?.scalarText?.hasPrefix("kind.x-k8s.io/") == true { return true }
        return document["apiVersion"] == nil && document["kind"]?.scalarText == "Cluster"
    }

    public static func read(_ document: YAMLNode, origin: TextOrigin, diagnostics: inout DiagnosticList) -> KindFacts {
        KnownSchemas.kindCluster.check(document, origin: origin, what: "the kind config", into: &diagnostics)
        var facts = KindFacts(
            file: origin.file, name: nil, nodes: [], patches: [], podSubnet: nil, serviceSubnet: nil,
            kubeProxyMode: nil,
            disableDefaultCNI: nil, mirrors: [], location: origin.location(document))
        if document["apiVersion"] == nil {
            diagnostics.error(
                RuleID.strictDecoding,
                "the kind config has no apiVersion; kind needs apiVersion: \(Conventions.kindAPIVersion)",
                at: origin.location(document))
        }
        if let apiVersion = document["apiVersion"], apiVersion.scalarText != Conventions.kindAPIVersion {
            diagnostics.error(
                RuleID.strictDecoding,
                "unknown kind config apiVersion '\(apiVersion.scalarText ?? "")'; kind reads \(Conventions.kindAPIVersion)",
                at: origin.location(apiVersion))
        }
        if let kind = document["kind"], kind.scalarText != "Cluster" {
            diagnostics.error(
                RuleID.strictDecoding, "kind config has kind '\(kind.scalarText ?? "")'; kind expects 'Cluster'",
                at: origin.location(kind))
        }
        if let name = document["name"], let text = name.scalarText {
            facts.name = Located(text, at: origin.location(name))
        }
        if let networking = document["networking"] {
            facts.podSubnet = prefix(networking["podSubnet"], "podSubnet", origin, &diagnostics)
            facts.serviceSubnet = prefix(networking["serviceSubnet"], "serviceSubnet", origin, &diagnostics)
            if let mode = networking["kubeProxyMode"], let text = mode.scalarText {
                facts.kubeProxyMode = Located(text, at: origin.location(mode))
            }
            if let cni = networking["disableDefaultCNI"], case .bool(let value) = cni.value {
                facts.disableDefaultCNI = Located(value, at: origin.location(cni))
            }
        }
        facts.patches = patches(document["kubeadmConfigPatches"], origin, &diagnostics)
        if case .sequence(let nodes)? = document["nodes"]?.content {
            for node in nodes {
                guard case .mapping = node.content else { continue }
                let roleNode = node["role"]
                let role = roleNode?.scalarText ?? "control-plane"
                if role != "control-plane" && role != "worker" {
                    diagnostics.error(
                        RuleID.strictDecoding, "unknown node role '\(role)'; kind knows 'control-plane' and 'worker'",
                        at: origin.location(roleNode ?? node))
                }
                let image = node["image"].flatMap { n in n.scalarText.map { Located($0, at: origin.location(n)) } }
                facts.nodes.append(
                    KindNodeFacts(
                        role: Located(role, at: origin.location(roleNode ?? node)), image: image,
                        patches: patches(node["kubeadmConfigPatches"], origin, &diagnostics),
                        location: origin.location(node)))
            }
        }
        if case .sequence(let items)? = document["containerdConfigPatches"]?.content {
            for item in items {
                guard let text = item.scalarText else { continue }
                facts.mirrors += ContainerdPatchReader.mirrors(
                    text, origin: origin.nested(item), diagnostics: &diagnostics)
            }
        }
        return facts
    }

    static func prefix(_ node: YAMLNode?, _ field: String, _ origin: TextOrigin, _ diagnostics: inout DiagnosticList)
        -> Located<IPv4Prefix>?
    {
        guard let node, let text = node.scalarText, node.value != .null else { return nil }
        // kind accepts a comma-separated dual-stack pair; labgen checks the IPv4 one.
        for (index, part) in text.split(separator: ",").enumerated() {
            let trimmed = part.labTrimming(" ")
            if let prefix = IPv4Prefix(trimmed) {
                return Located(prefix, at: origin.location(node, offset: index == 0 ? 0 : 1))
            }
        }
        // An IPv6-only cluster (ipFamily: ipv6): valid, and nothing labgen checks.
        if text.split(separator: ",").allSatisfy({ $0.contains(":") }) { return nil }
        diagnostics.error(RuleID.strictDecoding, "\(field) '\(text)' is not an IPv4 CIDR", at: origin.location(node))
        return nil
    }

    static func patches(_ node: YAMLNode?, _ origin: TextOrigin, _ diagnostics: inout DiagnosticList)
        -> [KubeadmPatchFacts]
    {
        guard case .sequence(let items)? = node?.content else { return [] }
        var result: [KubeadmPatchFacts] = []
        for item in items {
            guard let text = item.scalarText else { continue }
            result += KubeadmPatchReader.read(text, origin: origin.nested(item), diagnostics: &diagnostics)
        }
        return result
    }
}
