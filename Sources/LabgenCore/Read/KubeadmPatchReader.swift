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
                asciiNodeIP(text)
                ?? text.split(separator: ",").first { !$0.contains(":") }.map { String($0).labTrimming(" ") } ?? text
            if let address = IPv4Address(ipv4) {
                facts.nodeIP = Located(address, at: origin.location(ipNode))
            } else if !text.contains(":") {
                diagnostics.error(
                    RuleID.strictDecoding, "node-ip '\(text)' is not an IPv4 address", at: origin.location(ipNode))
            }
        }
        if let labelsNode = args["node-labels"], let text = labelsNode.scalarText {
            if let labels = asciiLabels(text) {
                for (key, value, offset) in labels {
                    facts.nodeLabels.append(
                        Located(NodeLabel(key: key, value: value), at: origin.location(labelsNode, offset: offset)))
                }
                return facts
            }
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

    /// The bytes of `text` when it is ASCII without "\r": there every Character is one byte, so splitting on
    /// "," or "=" and counting scalars can work on bytes (as `split` on Characters would, without its cost).
    private static func asciiBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> R? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            return body(bytes)
        } ?? nil
    }

    /// For an ASCII node-ip: its first comma-separated piece without ":", trimmed of blanks, else the
    /// whole text (what the Character-based expression in `read` gives); nil for other texts.
    private static func asciiNodeIP(_ text: String) -> String? {
        asciiBytes(text) { bytes -> String in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
                // `split` omits empty pieces.
                if end > start && !bytes[start..<end].contains(UInt8(ascii: ":")) {
                    var from = start
                    var to = end
                    while from < to && bytes[from] == UInt8(ascii: " ") { from += 1 }
                    while to > from && bytes[to - 1] == UInt8(ascii: " ") { to -= 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
                }
                start = end + 1
            }
            return text
        }
    }

    /// For ASCII node-labels: each `key=value` item (items without "=" skipped) with the offset of the
    /// item in the text, as the Character-based loop in `read` finds them; nil for other texts.
    private static func asciiLabels(_ text: String) -> [(String, String, Int)]? {
        asciiBytes(text) { bytes -> [(String, String, Int)] in
            var result: [(String, String, Int)] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
                if let equals = bytes[start..<end].firstIndex(of: UInt8(ascii: "=")) {
                    let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<equals]), as: UTF8.self)
                    let value = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[(equals + 1)..<end]), as: UTF8.self)
                    result.append((key, value, start))
                }
                start = end + 1
            }
            return result
        }
    }
}
