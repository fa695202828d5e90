import LabModel

extension RuleID {
    public static let bgpNeighborLink: DiagnosticID = "LG050"
    public static let bgpRemoteAS: DiagnosticID = "LG051"
    public static let bgpReverseNeighbor: DiagnosticID = "LG052"
    public static let rackAnnouncement: DiagnosticID = "LG053"
    public static let nodePeerAddress: DiagnosticID = "LG054"
    public static let routerNodeNeighbors: DiagnosticID = "LG055"
    public static let linkMTU: DiagnosticID = "LG056"
}

extension Rule {
    /// The routed-fabric rules: BGP sessions between the VyOS routers, rack announcements, the nodes'
    /// Calico/Cilium BGP peerings, and the MTU at both ends of every link.
    static let fabricRules: [Rule] = [
        Rule(
            id: RuleID.bgpNeighborLink,
            summary: "a BGP neighbor address is on a link or segment the router shares with the router that has it",
            explanation: """
                A VyOS BGP neighbor (1.2 `protocols bgp <asn> neighbor X`, 1.4 `protocols bgp neighbor X` with
                `system-as`) names the address of the router at the other end. For eBGP, FRR opens single-hop sessions
                (TTL 1) unless `ebgp-multihop` is set: the address must be in a subnet of one of the router's
                interfaces, and that interface must be linked (directly or through one bridge) to the interface of the
                router that has the address. An address on another link, or that nobody on the link has, leaves the
                session in Active/Connect forever and the fabric without routes. An unnumbered neighbor
                (`neighbor eth1 { interface { ... } }`) must be an interface the router has.
                """, severity: .error),
        Rule(
            id: RuleID.bgpRemoteAS,
            summary: "a BGP neighbor's remote-as is the AS the router at that address runs (its own, or its peer group's)",
            explanation: """
                `remote-as` (on the neighbor, its `interface { }` block or its `peer-group`) must equal the AS of the
                router that has the neighbor address (`protocols bgp <asn>` in 1.2, `system-as` in 1.4 and later), or be
                `external`/`internal` as that AS is another or the same. FRR compares it with the AS in the peer's
                OPEN message and refuses the session with "bad peer AS": the two routers never exchange routes. A
                neighbor without any remote-as is refused by VyOS's commit.
                """, severity: .error),
        Rule(
            id: RuleID.bgpReverseNeighbor,
            summary: "the router at a BGP neighbor address has the reverse neighbor",
            explanation: """
                A BGP session needs both ends configured: when leaf0 names spine0's address, spine0 must name one of
                leaf0's addresses (or, unnumbered, the interface facing leaf0). A session configured on one side only
                never leaves Active, and the routes over it (LG022) never exist. A neighbor address that belongs to a
                router that runs no BGP is the same fault.
                """, severity: .error),
        Rule(
            id: RuleID.rackAnnouncement,
            summary: "every rack subnet behind a BGP router is put into BGP by that router",
            explanation: """
                A rack's router must announce the rack subnet: `network <rack subnet>` (1.2 under `protocols bgp <asn>`,
                1.4 under `address-family ipv4-unicast`) or `redistribute connected`. From VyOS 1.3 on, FRR announces a
                `network` only when the router has exactly that route (bgp network import-check): a covering
                `network 10.1.0.0/16` on a leaf that has only the connected /24 announces nothing. Without the
                announcement the other routers that rely on BGP (no static route to the rack) never learn the rack, and
                the other racks cannot reach it. Whether every router then learns it over the sessions is LG022.
                """, severity: .error),
        Rule(
            id: RuleID.nodePeerAddress,
            summary: "a Calico BGPPeer or Cilium BGP peer names a router address on the selected nodes' rack, with its AS",
            explanation: """
                The nodes' BGP speaker (Calico's BIRD, Cilium's BGP control plane) peers with the rack's router (the
                leaf). A Calico `BGPPeer` (`peerIP`, `asNumber`, `node` or `nodeSelector`; projectcalico.org/v3 or
                crd.projectcalico.org/v1), a `CiliumBGPPeeringPolicy` neighbor (`peerAddress`, `peerASN`, the policy's
                `nodeSelector.matchLabels`) or a `CiliumBGPClusterConfig` peer must name an address of a router on the
                rack segment of every node it selects (eBGP is single-hop), and the AS that router runs. Otherwise the
                nodes never peer, the rack's pod routes never reach the fabric, and cross-rack pod traffic is dropped.
                A peering that selects no node is a warning. Resources are read from YAML files, multi-document
                manifests and `kubectl apply -f -` heredocs of setup scripts.
                """, severity: .error),
        Rule(
            id: RuleID.routerNodeNeighbors,
            summary: "the leaf has every node that peers with it as a neighbor, with the node's AS; and no node neighbor is unanswered",
            explanation: """
                For each node a Calico BGPPeer or Cilium BGP policy makes peer with a router, the router must have the
                node's address (rack address or kubelet node-ip) as a BGP neighbor whose remote-as is the node's AS:
                Cilium's `localASN`; for Calico the BGPPeer's `localASNumber`, else the node's own AS (a Calico `Node`'s
                `spec.bgp.asNumber` or the annotation `projectcalico.org/ASNumber`), else `BGPConfiguration` `asNumber`,
                else Calico's default 64512. A router neighbor that is a kind node which no peering makes peer back
                is the same fault from the other side. Either way the session never establishes.
                """, severity: .error),
        Rule(
            id: RuleID.linkMTU,
            summary: "both ends of every link run the same MTU (VyOS mtu or its default, exec 'ip link set mtu', the link's)",
            explanation: """
                containerlab gives both ends of a link the link's `mtu` (default 9500), but a node may change its end:
                VyOS with `mtu N`, and VyOS 1.3 and later also without it (it applies its default 1500 to every
                ethernet interface), a Linux node with `ip link set dev X mtu N` in exec. A veth drops frames larger than
                the receiving end's MTU without an ICMP error, so pings work and large packets vanish. Two MTUs set on
                both ends that differ are an error; one set against the other end's VyOS default, or an exec MTU
                against the link's, a warning; VyOS's default against another router that keeps the link's MTU
                (nothing written on either side) a note. VyOS's default against a bridge port or a host is not
                reported (every VyOS 1.3+ gateway without `mtu` has it). A VyOS mtu against its link's MTU is LG016.
                """, severity: .warning),
    ]
}
