import LabFormats
import LabModel

/// Reads kubeadm `InitConfiguration`/`JoinConfiguration` patches, standalone or embedded in kind's
/// `kubeadmConfigPatches`, strictly (unknown fields are `LG015` errors).
public enum KubeadmPatchReader {
    public static let kinds: Set<String> = ["InitConfiguration", "JoinConfiguration"]

    /// Reads every document of a patch text. `origin` maps the text's positions into its file.
    public static func read(_ text: String, origin: TextOrigin, diagnostics: inout DiagnosticList)
        -> [KubeadmPatchFacts]
    {
        let documents: [YAMLNode]
        do {
            documents = try YAMLReader.read(text)
        } catch {
            diagnostics.error(
                RuleID.unreadable, "kubeadm patch does not parse: \(error.message)", at: origin.location(error.position)
            )
            return []
        }
        return documents.compactMap { read($0, origin: origin, diagnostics: &diagnostics) }
    }

    /// Reads one parsed document; nil (and no diagnostic) for other kinds such as `ClusterConfiguration`.
    public static func read(_ document: YAMLNode, origin: TextOrigin, diagnostics: inout DiagnosticList)
        -> KubeadmPatchFacts?
    {
        guard let kindNode = document["kind"], let kind = kindNode.scalarText, kinds.contains(kind) else { return nil }
        let schema = kind == "InitConfiguration" ? KnownSchemas.initConfiguration : KnownSchemas.joinConfiguration
        schema.check(document, origin: origin, what: "a kubeadm patch", into: &diagnostics)
        var facts = KubeadmPatchFacts(
            kind: Located(kind, at: origin.location(kindNode)), nodeIP: nil, nodeLabels: [],
            location: origin.location(document))
        if let nameNode = document["nodeRegistration"]?["name"], let name = nameNode.scalarText {
            facts.nodeName = Located(name, at: origin.location(nameNode))
        }
        guard let args = document["nodeRegistration"]?["kubeletExtraArgs"] else { return facts }
        if let ipNode = args["node-ip"], let text = ipNode.scalarText {
            // Dual stack: `10.1.5.11,2001:db8::11`; labgen checks the IPv4 one.
            let ipv4 =
                text.split(separator: ",").first { !$0.contains(":") }.map { String($0).labTrimming(" ") } ?? text
            if let address = IPv4Address(ipv4) {
                facts.nodeIP = Located(address, at: origin.location(ipNode))
            } else if !text.contains(":") {
                diagnostics.error(
                    RuleID.strictDecoding, "node-ip '\(text)' is not an IPv4 address", at: origin.location(ipNode))
            }
        }
        if let labelsNode = args["node-labels"], let text = labelsNode.scalarText {
            var offset = 0
            for item in text.split(separator: ",", omittingEmptySubsequences: false) {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2 {
                    facts.nodeLabels.append(
                        Located(
                            NodeLabel(key: String(parts[0]), value: String(parts[1])),
                            at: origin.location(labelsNode, offset: offset)))
                }
                offset += item.unicodeScalars.count + 1
            }
        }
        return facts
    }
}
