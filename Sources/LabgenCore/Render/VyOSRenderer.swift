import LabFormats
import LabModel
import LabStock

/// The VyOS gateway config: config.boot in the dialect of the gateway's release (1.2, 1.3, 1.4 or
/// 1.5), and the same configuration as `set` commands.
///
/// The stock parts (system section, per-interface defaults, footer) come from the release's
/// stock config in `templates/stock/vyos/`, read with the same VyOS reader that `labgen verify`
/// uses; labgen adds the interfaces, NAT and static routes, and sets the host-name.
enum VyOSRenderer {
    enum Failure: Error, CustomStringConvertible {
        case stock(series: String, FormatError)
        case missingStock(series: String)
        case writer(gateway: String, FormatError)

        var description: String {
            switch self {
            case .stock(let series, let error): "the stock VyOS \(series) configuration does not parse: \(error)"
            case .missingStock(let series): "labgen has no stock configuration for VyOS \(series)"
            case .writer(let gateway, let error): "gateway '\(gateway)': \(error.message)"
            }
        }
    }

    /// The dialect of the release's series (1.2 crux, 1.3 equuleus, 1.4 sagitta, 1.5 circinus). The
    /// resolver admits only series with stock data (LG116), which all have a dialect; the fallback
    /// keeps the function total.
    static func dialect(of release: VyOSRelease) -> VyOSDialect {
        VyOSDialect(series: release.series) ?? ((release.major, release.minor) < (1, 4) ? .crux : .circinus)
    }

    /// `nat source rule N outbound-interface eth0` (a leaf) up to 1.3; `outbound-interface { name eth0 }`
    /// from 1.4 on (vyos-1x nat migration 5-to-6).
    static func outboundInterface(_ name: String, dialect: VyOSDialect) -> VyOSNode {
        switch dialect {
        case .crux, .equuleus: VyOSNode("outbound-interface", name)
        case .sagitta, .circinus: VyOSNode("outbound-interface", children: [VyOSNode("name", name)])
        }
    }

    /// The parsed stock configuration of a release series.
    static func stock(series: String) throws(Failure) -> VyOSConfig {
        guard let text = Stock.vyosBootConfig(series: series) else { throw .missingStock(series: series) }
        do {
            return try VyOSReader.readBootConfig(text)
        } catch {
            throw .stock(series: series, error)
        }
    }

    static func config(for gateway: GatewayPlan) throws(Failure) -> VyOSConfig {
        let stock = try stock(series: gateway.release.series)
        let dialect = dialect(of: gateway.release)

        // Interfaces: the stock `ethernet eth-template` settings on every rack interface.
        let stockInterfaces = stock.nodes.first { $0.name == "interfaces" }?.children ?? []
        let ethernetDefaults =
            stockInterfaces.first { $0.name == "ethernet" && $0.value == "eth-template" }?.children ?? []
        var interfaces: [VyOSNode] = gateway.interfaces.map { interface in
            VyOSNode(
                "ethernet", interface.name,
                children: VyOSBGPRenderer.ethernetChildren(
                    [VyOSNode("address", interface.address.description)] + ethernetDefaults, mtu: interface.mtu))
        }
        interfaces += stockInterfaces.filter { !($0.name == "ethernet" && $0.value == "eth-template") }

        var nodes = [VyOSNode("interfaces", children: interfaces)]
        if !gateway.masquerades.isEmpty {
            let rules = gateway.masquerades.map { rule in
                let outbound = outboundInterface(rule.outbound, dialect: dialect)
                return VyOSNode(
                    "rule", String(rule.rule),
                    children: [
                        outbound,
                        VyOSNode("source", children: [VyOSNode("address", rule.source.description)]),
                        VyOSNode("translation", children: [VyOSNode("address", "masquerade")]),
                    ])
            }
            nodes.append(VyOSNode("nat", children: [VyOSNode("source", children: rules)]))
        }
        var protocols: [VyOSNode] = gateway.bgp.map { [VyOSBGPRenderer.bgp($0, dialect: dialect)] } ?? []
        if !gateway.staticRoutes.isEmpty {
            let routes = gateway.staticRoutes.map { route in
                VyOSNode(
                    "route", route.destination.description,
                    children: [VyOSNode("next-hop", route.nextHop.description, children: [])])
            }
            protocols.append(VyOSNode("static", children: routes))
        }
        if !protocols.isEmpty { nodes.append(VyOSNode("protocols", children: protocols)) }
        for section in stock.nodes where section.name != "interfaces" {
            nodes.append(section.name == "system" ? withHostName(section, gateway.name) : section)
        }
        let footer = stock.footer.map {
            VyOSFooter(configVersion: $0.configVersion, releaseVersion: gateway.release.version)
        }
        return VyOSConfig(nodes: nodes, footer: footer)
    }

    /// The system section with `host-name` set to the gateway's name.
    private static func withHostName(_ system: VyOSNode, _ name: String) -> VyOSNode {
        var system = system
        var children = system.children ?? []
        if let index = children.firstIndex(where: { $0.name == "host-name" }) {
            children[index] = VyOSNode("host-name", name)
        } else {
            children.append(VyOSNode("host-name", name))
        }
        system.children = children
        return system
    }

    static func artifacts(for plan: LabPlan) throws(Failure) -> [Artifact] {
        var artifacts: [Artifact] = []
        for gateway in plan.gateways {
            let config = try config(for: gateway)
            do {
                let boot = try VyOSWriter.bootConfig(config, dialect: dialect(of: gateway.release))
                let commands = try VyOSWriter.setCommands(
                    config, header: ["# Release version: \(gateway.release.version)"])
                artifacts.append(
                    Artifact(path: ArtifactPaths.vyosBoot(gateway: gateway.name), kind: .vyosBoot, contents: boot))
                artifacts.append(
                    Artifact(
                        path: ArtifactPaths.vyosCommands(gateway: gateway.name), kind: .vyosCommands, contents: commands
                    ))
            } catch {
                throw .writer(gateway: gateway.name, error)
            }
        }
        return artifacts
    }
}
