import LabFormats
import LabModel

/// Reads a VyOS configuration (config.boot of 1.2, 1.3, 1.4 or 1.5, or `set` commands) into interfaces
/// with their addresses and MTU, and source NAT rules.
public enum VyOSFactsReader {
    /// Whether a text looks like a VyOS config.boot: it parses, and its top level holds
    /// `interfaces` or `system`.
    public static func isBootConfig(_ text: String) -> Bool {
        guard text.containsBytes("{"), let config = try? VyOSReader.readBootConfig(text) else { return false }
        return config.nodes.contains { ["interfaces", "system"].contains($0.name) && $0.isBlock }
    }

    public static func read(_ text: String, file: String, diagnostics: inout DiagnosticList) -> VyOSFacts? {
        let origin = TextOrigin(file: file)
        let isSet = VyOSReader.isSetCommands(text)
        do {
            let config = isSet ? try VyOSReader.readSetCommands(text) : try VyOSReader.readBootConfig(text)
            var facts = facts(config, file: file, isSetCommands: isSet)
            facts.release = release(of: config, text: text, isSetCommands: isSet, file: file)
            facts.releaseSyntax = releaseSyntax(of: config, file: file)
            return facts
        } catch {
            diagnostics.error(
                RuleID.unreadable, "VyOS config does not parse: \(error.message)", at: origin.location(error.position))
            return nil
        }
    }

    static func facts(_ config: VyOSConfig, file: String, isSetCommands: Bool) -> VyOSFacts {
        func location(_ node: VyOSNode, value: Bool = true) -> SourceLocation {
            let position = value ? (node.valuePosition ?? node.position) : node.position
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        var facts = VyOSFacts(file: file, isSetCommands: isSetCommands, interfaces: [], natRules: [])
        func collect(_ nodes: [VyOSNode], _ path: String) {
            for node in nodes {
                var nodePath = path.isEmpty ? node.name : path + " " + node.name
                if let children = node.children {
                    if let value = node.value { nodePath += " " + value }
                    collect(children, nodePath)
                } else {
                    facts.settings[dialectNeutralPath(nodePath), default: []].append(
                        Located(node.value ?? "", at: location(node)))
                }
            }
        }
        collect(config.nodes, "")
        for interfaces in config["interfaces"] {
            for typeNode in interfaces.children ?? [] {
                guard let name = typeNode.value else { continue }
                var interface = VyOSInterfaceFacts(
                    type: typeNode.name, name: Located(name, at: location(typeNode)), addresses: [], mtu: nil)
                for address in typeNode["address"] {
                    if let value = address.value, let parsed = IPv4Interface(value) {
                        interface.addresses.append(Located(parsed, at: location(address)))
                    }
                }
                if let mtu = typeNode["mtu"].first, let value = mtu.value.flatMap({ Int($0) }) {
                    interface.mtu = Located(value, at: location(mtu))
                }
                subInterfaces(typeNode, file: file, into: &interface)
                facts.interfaces.append(interface)
            }
        }
        for protocols in config["protocols"] {
            for staticSection in protocols["static"] {
                for route in staticSection["route"] {
                    guard let text = route.value, let destination = IPv4Prefix(text) else { continue }
                    let hops = route["next-hop"].compactMap { hop -> Located<IPv4Address>? in
                        guard let value = hop.value, let address = IPv4Address(value) else { return nil }
                        return Located(address, at: location(hop))
                    }
                    facts.staticRoutes.append(
                        StaticRouteFacts(destination: Located(destination, at: location(route)), nextHops: hops))
                }
            }
        }
        (facts.bgp, facts.ospf) = routing(config, file: file)
        for nat in config["nat"] {
            for source in nat["source"] {
                for rule in source["rule"] {
                    var facts2 = NATRuleFacts(
                        number: Located(rule.value ?? "", at: location(rule)), outboundInterface: nil, source: nil,
                        masquerade: false)
                    if let outbound = rule["outbound-interface"].first {
                        if let value = outbound.value, outbound.children == nil {
                            facts2.outboundInterface = Located(value, at: location(outbound))
                        } else if let name = outbound["name"].first, let value = name.value {
                            facts2.outboundInterface = Located(value, at: location(name))
                        }
                    }
                    if let address = rule["source"].first?["address"].first, let value = address.value,
                        let prefix = IPv4Prefix(value) ?? IPv4Address(value).map({ IPv4Prefix($0, length: 32) })
                    {
                        facts2.source = Located(prefix, at: location(address))
                    }
                    facts2.masquerade =
                        rule["translation"].first?["address"].contains { $0.value == "masquerade" } ?? false
                    facts.natRules.append(facts2)
                }
            }
        }
        return facts
    }
}
