import LabModel

extension RuleID {
    public static let mtu: DiagnosticID = "LG016"
}

enum MTURule: VerificationRule {
    static let rule = Rule(
        id: RuleID.mtu, summary: "MTU agrees along the path and leaves room for encapsulation",
        explanation: """
            All links on one bridge must have the same MTU (containerlab's default is 9500), and a VyOS interface
            with an explicit mtu must match its link: a bridge drops frames larger than a port's MTU, so large
            packets (TLS handshakes, image layers) vanish while pings work. With IPIP (20 bytes) or VXLAN (50 bytes),
            Calico's veth MTU plus the overhead must fit the smallest node link MTU, else encapsulated packets are
            fragmented or dropped. A VyOS mtu that differs from its link on a link between routers is a warning
            (frames larger than the smaller MTU are dropped, OSPF adjacencies stick in ExStart); messages say when
            the link's MTU is containerlab's default because the link sets none.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        guard lab.facts.clab != nil else { return [] }
        var diagnostics = DiagnosticList()
        for (bridge, links) in lab.bridgeLinks.sorted(by: { $0.key < $1.key }) {
            guard let first = links.first else { continue }
            let expected = first.mtu?.value ?? ClabFacts.defaultMTU
            for link in links.dropFirst() where (link.mtu?.value ?? ClabFacts.defaultMTU) != expected {
                let mtu = link.mtu?.value ?? ClabFacts.defaultMTU
                diagnostics.error(
                    RuleID.mtu,
                    "a link on \(bridge) has MTU \(mtu)\(link.mtu == nil ? " (containerlab's default)" : "") but "
                        + "another has \(expected): the bridge drops larger frames",
                    at: link.mtu?.location ?? link.location,
                    notes: [
                        Diagnostic.Note(
                            "MTU \(expected)\(first.mtu == nil ? " (containerlab's default)" : "")",
                            at: first.mtu?.location ?? first.location)
                    ])
            }
        }
        for (name, vyos) in lab.gateways.sorted(by: { $0.key < $1.key }) {
            for interface in vyos.interfaces {
                guard let mtu = interface.mtu, let link = lab.attachment["\(name):\(interface.name.value)"]?.link else {
                    continue
                }
                let linkMTU = link.mtu?.value ?? ClabFacts.defaultMTU
                if mtu.value != linkMTU {
                    diagnostics.error(
                        RuleID.mtu,
                        "\(name) \(interface.name.value) has mtu \(mtu.value) but its link has MTU \(linkMTU)"
                            + (link.mtu == nil ? " (containerlab's default: the link sets no mtu)" : ""),
                        at: mtu.location, notes: [Diagnostic.Note("the link", at: link.mtu?.location ?? link.location)])
                }
            }
        }
        if let veth = lab.facts.vethMTU {
            let pools = lab.facts.pools.filter { !$0.disabled }
            let overhead = pools.contains { $0.vxlan != "Never" } ? 50 : pools.contains { $0.ipip != "Never" } ? 20 : 0
            if let (mtu, link) = lab.smallestNodeLink, veth.value + overhead > mtu {
                diagnostics.error(
                    RuleID.mtu,
                    "Calico veth_mtu \(veth.value) plus \(overhead) bytes of encapsulation exceeds the node link "
                        + "MTU \(mtu)",
                    at: veth.location,
                    notes: [Diagnostic.Note("link MTU \(mtu)", at: link.mtu?.location ?? link.location)])
            }
        }
        diagnostics.append(contentsOf: routerLinks(lab))
        return diagnostics.all
    }

    /// On links between routers, a VyOS mtu that differs from the link's is a warning: frames larger
    /// than the smaller MTU are dropped.
    private static func routerLinks(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for routerLink in lab.pointToPointLinks {
            let (link, a, b) = (routerLink.link, routerLink.a, routerLink.b)
            let linkMTU = link.mtu?.value ?? ClabFacts.defaultMTU
            let defaultNote = link.mtu == nil ? " (containerlab's default: the link sets no mtu)" : ""
            for (end, other) in [(a, b), (b, a)] {
                guard let vyos = lab.gateways[end.node],
                    let mtu = vyos.interfaces.first(where: { $0.name.value == end.interface })?.mtu,
                    mtu.value != linkMTU
                else { continue }
                diagnostics.warning(
                    RuleID.mtu,
                    "\(end.node) \(end.interface) has mtu \(mtu.value) but its link to \(other.key) has MTU "
                        + "\(linkMTU)\(defaultNote): frames larger than the smaller MTU are dropped (and OSPF "
                        + "adjacencies stay in ExStart)",
                    at: mtu.location, notes: [Diagnostic.Note("the link", at: link.mtu?.location ?? link.location)])
            }
        }
        return diagnostics.all
    }
}
