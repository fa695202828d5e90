import LabFormats
import LabModel

/// Reads a containerlab topology: nodes (kind, image, `network-mode`, binds, and the
/// `ip addr add A/L dev IF` / `ip route replace|add default via GW` commands of `exec`) and links.
public enum ContainerlabReader {
    public static func read(_ text: String, file: String, diagnostics: inout DiagnosticList) -> ClabFacts? {
        let origin = TextOrigin(file: file)
        do {
            guard let document = try YAMLReader.read(text).first(where: isTopology) else { return nil }
            return read(document, origin: origin, diagnostics: &diagnostics)
        } catch {
            diagnostics.error(
                RuleID.unreadable, "containerlab topology does not parse: \(error.message)",
                at: origin.location(error.position))
            return nil
        }
    }

    /// Whether a document is a containerlab topology: `name:` and a `topology:` mapping.
    public static func isTopology(_ document: YAMLNode) -> Bool {
        guard document["name"]?.scalarText != nil, case .mapping? = document["topology"]?.content else { return false }
        return true
    }

    public static func read(_ document: YAMLNode, origin: TextOrigin, diagnostics: inout DiagnosticList) -> ClabFacts {
        var facts = ClabFacts(file: origin.file, name: nil, nodes: [], links: [])
        if let name = document["name"], let text = name.scalarText {
            facts.name = Located(text, at: origin.location(name))
        }
        let topology = document["topology"]
        if case .mapping(let pairs)? = topology?["nodes"]?.content {
            for pair in pairs {
                facts.nodes.append(node(pair, origin: origin, diagnostics: &diagnostics))
            }
        }
        if case .sequence(let items)? = topology?["links"]?.content {
            for item in items {
                var link = ClabLinkFacts(endpoints: [], mtu: nil, location: origin.location(item))
                // The extended form: `endpoints: [{node: a, interface: eth1}, ...]` or one `endpoint:`.
                var mappings: [YAMLNode] = []
                if let single = item["endpoint"] { mappings.append(single) }
                if case .sequence(let endpoints)? = item["endpoints"]?.content {
                    mappings += endpoints.filter { $0.scalarText == nil }
                }
                for mapping in mappings {
                    guard let node = mapping["node"]?.scalarText else { continue }
                    let interface = mapping["interface"]?.scalarText ?? ""
                    link.endpoints.append(
                        ClabEndpoint(node: node, interface: interface, location: origin.location(mapping)))
                }
                if case .sequence(let endpoints)? = item["endpoints"]?.content {
                    for endpoint in endpoints {
                        guard let text = endpoint.scalarText else { continue }
                        let parts = nodeAndInterface(text)
                        guard parts.count == 2 else {
                            diagnostics.error(
                                RuleID.linkEndpoints, "link endpoint '\(text)' is not 'node:interface'",
                                at: origin.location(endpoint))
                            continue
                        }
                        link.endpoints.append(
                            ClabEndpoint(
                                node: String(parts[0]), interface: String(parts[1]), location: origin.location(endpoint)
                            ))
                    }
                }
                if let mtu = item["mtu"] {
                    if case .int(let value) = mtu.value {
                        link.mtu = Located(value, at: origin.location(mtu))
                    } else {
                        diagnostics.error(RuleID.mtu, "link mtu must be an integer", at: origin.location(mtu))
                    }
                }
                facts.links.append(link)
            }
        }
        return facts
    }

    /// `text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)`; for ASCII text on its
    /// bytes (there a Character is a byte, or "\r\n", which holds no ":").
    static func nodeAndInterface(_ text: String) -> [Substring] {
        let colon =
            text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                return .some(bytes.firstIndex(of: UInt8(ascii: ":")))
            } ?? nil
        guard let colon else { return text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false) }
        guard let colon else { return [Substring(text)] }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: colon)
        return [text[..<index], text[text.utf8.index(after: index)...]]
    }

    static func node(_ pair: YAMLNodePair, origin: TextOrigin, diagnostics: inout DiagnosticList) -> ClabNodeFacts {
        let body = pair.value
        func scalar(_ key: String) -> Located<String>? {
            guard let node = body[key], let text = node.scalarText, node.value != .null else { return nil }
            return Located(text, at: origin.location(node))
        }
        var facts = ClabNodeFacts(
            name: Located(pair.key.scalarText ?? "", at: origin.location(pair.key)), kind: scalar("kind"),
            image: scalar("image"),
            networkMode: scalar("network-mode"), binds: [], addresses: [], defaultRoutes: [])
        if case .sequence(let binds)? = body["binds"]?.content {
            facts.binds = binds.compactMap { n in n.scalarText.map { Located($0, at: origin.location(n)) } }
        }
        if case .sequence(let commands)? = body["exec"]?.content {
            for command in commands {
                guard let text = command.scalarText else { continue }
                facts.exec.append(Located(text, at: origin.location(command)))
                ExecCommandReader.parse(text, node: command, origin: origin, into: &facts, diagnostics: &diagnostics)
            }
        }
        return facts
    }
}
