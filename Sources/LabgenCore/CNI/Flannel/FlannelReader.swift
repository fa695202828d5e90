import Foundation
import LabFormats
import LabModel

/// kube-flannel's net-conf.json, from a `kube-flannel-cfg` ConfigMap: labgen's flannel/net-conf.yaml,
/// or the ConfigMap inside a (hand-edited) kube-flannel.yml.
public struct FlannelFacts: Hashable, Sendable {
    public var file: String
    public var network: Located<IPv4Prefix>?
    /// `Backend.Type` (`vxlan` when absent, as flanneld defaults).
    public var backendType: Located<String>?
    public var directRouting: Located<Bool>?
    /// The `net-conf.json` key.
    public var location: SourceLocation

    public var backend: String { backendType?.value ?? "vxlan" }
}

public enum FlannelReader {
    static let configMapName = "kube-flannel-cfg"

    public static func isFlannelConfig(_ document: YAMLNode) -> Bool {
        document["kind"]?.scalarText == "ConfigMap" && document["metadata"]?["name"]?.scalarText == configMapName
            && document["data"]?["net-conf.json"] != nil
    }

    public static func read(_ document: YAMLNode, origin: TextOrigin, diagnostics: inout DiagnosticList)
        -> FlannelFacts?
    {
        guard let node = document["data"]?["net-conf.json"], let text = node.scalarText else { return nil }
        var facts = FlannelFacts(file: origin.file, location: origin.location(node))
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            diagnostics.error(
                RuleID.unreadable, "net-conf.json of \(configMapName) is not a JSON object",
                at: origin.location(node))
            return facts
        }
        /// Where `"key"` is written in the JSON text (the first occurrence after `after`).
        func at(_ key: String, after: String? = nil) -> SourceLocation {
            var scalars = Array(text.unicodeScalars)
            var start = 0
            if let after, let found = find(Array("\"\(after)\"".unicodeScalars), in: scalars, from: 0) { start = found }
            guard let index = find(Array("\"\(key)\"".unicodeScalars), in: scalars, from: start) else {
                return origin.location(node)
            }
            scalars.removeAll()
            return origin.location(node, offset: index)
        }
        if let network = object["Network"] as? String {
            if let prefix = IPv4Prefix(network) {
                facts.network = Located(prefix, at: at("Network"))
            } else {
                diagnostics.error(
                    RuleID.flannelNetwork, "net-conf.json Network '\(network)' is not an IPv4 CIDR",
                    at: at("Network"))
            }
        } else {
            diagnostics.error(
                RuleID.flannelNetwork, "net-conf.json has no Network; flanneld does not start without it",
                at: origin.location(node))
        }
        if let backend = object["Backend"] as? [String: Any] {
            if let type = backend["Type"] as? String {
                facts.backendType = Located(type, at: at("Type", after: "Backend"))
            }
            if let direct = backend["DirectRouting"] as? Bool {
                facts.directRouting = Located(direct, at: at("DirectRouting", after: "Backend"))
            }
        }
        return facts
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
