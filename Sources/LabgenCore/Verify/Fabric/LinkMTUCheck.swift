import LabFormats
import LabModel

/// LG056: the two ends of every containerlab link run the same MTU. An end's MTU is the one its node sets
/// (VyOS `mtu`, exec `ip link set X mtu N`), VyOS's own default (1500 on ethernet from 1.3 on, applied to
/// every interface without `mtu`), or else the link's (its `mtu`, or containerlab's 9500).
enum LinkMTUCheck {
    enum Origin { case configured, vyosDefault, link }

    struct End {
        var key: String
        var mtu: Int
        var origin: Origin
        var location: SourceLocation
        var source: Source

        /// Where the MTU comes from, described only for a message (every end of a large lab is looked at).
        enum Source {
            case vyosMTU
            case vyosDefault(release: String)
            case execMTU
            case link(explicit: Bool)
        }

        var what: String {
            switch source {
            case .vyosMTU: "mtu \(mtu)"
            case .vyosDefault(let release): "no mtu, so VyOS \(release) applies its default 1500"
            case .execMTU: "'ip link set ... mtu \(mtu)'"
            case .link(let explicit):
                explicit ? "the link's mtu \(mtu)" : "containerlab's default \(mtu) (the link sets no mtu)"
            }
        }
    }

    static func end(_ view: FabricView, _ endpoint: ClabEndpoint, _ link: ClabLinkFacts) -> End {
        let linkMTU = link.mtu?.value ?? ClabFacts.defaultMTU
        let fallback = End(
            key: endpoint.key, mtu: linkMTU, origin: .link, location: link.mtu?.location ?? link.location,
            source: .link(explicit: link.mtu != nil))
        if let vyos = view.routers[endpoint.node] {
            guard let interface = vyos.interfaces.first(where: { $0.name.value == endpoint.interface }) else {
                return fallback
            }
            if let mtu = interface.mtu {
                return End(
                    key: endpoint.key, mtu: mtu.value, origin: .configured, location: mtu.location, source: .vyosMTU)
            }
            if interface.type == "ethernet", let series = view.releaseSeries(endpoint.node), series != .crux {
                let release = series == .equuleus ? "1.3" : series == .sagitta ? "1.4" : "1.5"
                return End(
                    key: endpoint.key, mtu: 1500, origin: .vyosDefault, location: interface.name.location,
                    source: .vyosDefault(release: release))
            }
            return fallback
        }
        if let mtu = view.clabNodes[endpoint.node]?.mtus[endpoint.interface] {
            return End(
                key: endpoint.key, mtu: mtu.value, origin: .configured, location: mtu.location, source: .execMTU)
        }
        return fallback
    }

    static func check(_ view: FabricView) -> [Diagnostic] {
        guard let clab = view.clab else { return [] }
        var result: [Diagnostic] = []
        for link in clab.links where link.endpoints.count == 2 {
            let a = end(view, link.endpoints[0], link)
            let b = end(view, link.endpoints[1], link)
            guard a.mtu != b.mtu else { continue }
            // A configured VyOS mtu against the link's own MTU is LG016's.
            let origins = [a.origin, b.origin]
            if origins.contains(.link), origins.contains(.configured) {
                let configured = a.origin == .configured ? a : b
                if view.routers[String(configured.key.split(separator: ":").first ?? "")] != nil { continue }
            }
            // VyOS's default against a bridge port or a host that keeps the link's MTU: a warning (the
            // host's large frames are dropped at the gateway); against another router, a note.
            var hostAgainstVyOSDefault = false
            if origins.contains(.vyosDefault), origins.contains(.link) {
                let linkEnd = a.origin == .link ? a : b
                hostAgainstVyOSDefault = view.routers[String(linkEnd.key.split(separator: ":").first ?? "")] == nil
            }
            let (first, second) =
                b.origin == .configured || (b.origin == .vyosDefault && a.origin == .link) ? (a, b) : (b, a)
            let severity: Severity
            switch (first.origin, second.origin) {
            case (.configured, .configured): severity = .error
            case (.link, .vyosDefault), (.vyosDefault, .link): severity = hostAgainstVyOSDefault ? .warning : .note
            default: severity = .warning
            }
            result.append(
                Diagnostic(
                    RuleID.linkMTU, severity,
                    "the two ends of a link run different MTUs: \(second.key) has \(second.what), \(first.key) "
                        + "has \(first.what); frames larger than \(min(a.mtu, b.mtu)) bytes are dropped at the smaller "
                        + "end without an ICMP error (large transfers stall while pings work)",
                    at: second.location, notes: [.init("\(first.key): \(first.what)", at: first.location)]))
        }
        return result
    }
}
