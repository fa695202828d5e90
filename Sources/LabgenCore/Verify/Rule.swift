import LabModel

/// The stable IDs of the cross-artifact rules. IDs never change meaning once published.
public enum RuleID {
    public static let unreadable: DiagnosticID = "LG000"
    public static let networkMode: DiagnosticID = "LG001"
    public static let nodeIP: DiagnosticID = "LG002"
    public static let gatewaySubnet: DiagnosticID = "LG003"
    public static let defaultRoute: DiagnosticID = "LG004"
    public static let gatewayInterfaces: DiagnosticID = "LG005"
    public static let rackLabels: DiagnosticID = "LG006"
    public static let podSubnet: DiagnosticID = "LG007"
    public static let encapsulation: DiagnosticID = "LG008"
    public static let registryMirror: DiagnosticID = "LG009"
    public static let vyosBind: DiagnosticID = "LG010"
    public static let masquerade: DiagnosticID = "LG011"
    public static let addresses: DiagnosticID = "LG012"
    public static let interfaceNames: DiagnosticID = "LG013"
    public static let linkEndpoints: DiagnosticID = "LG014"
    public static let strictDecoding: DiagnosticID = "LG015"
    public static let mtu: DiagnosticID = "LG016"
    public static let autodetection: DiagnosticID = "LG017"
    public static let serviceSubnet: DiagnosticID = "LG018"
    public static let patchKind: DiagnosticID = "LG019"
    public static let standalonePatch: DiagnosticID = "LG020"
    public static let vyosForms: DiagnosticID = "LG021"
    public static let gatewayRoutes: DiagnosticID = "LG022"
    public static let execInterface: DiagnosticID = "LG023"
    public static let rackRouter: DiagnosticID = "LG024"
    public static let linkSubnet: DiagnosticID = "LG025"
    public static let calicoInstallation: DiagnosticID = "LG030"
    public static let poolEnvironment: DiagnosticID = "LG031"
    public static let flannelNetwork: DiagnosticID = "LG040"
    public static let flannelHostGateway: DiagnosticID = "LG041"
    public static let flannelDirectRouting: DiagnosticID = "LG042"
    public static let ciliumPodCIDR: DiagnosticID = "LG043"
    public static let ciliumNativeRoutes: DiagnosticID = "LG044"
    public static let ciliumMTU: DiagnosticID = "LG045"
    public static let ciliumKubeProxy: DiagnosticID = "LG046"
}

/// A cross-artifact rule: what `labgen explain` prints and `labgen verify --help` lists.
public struct Rule: Sendable, Hashable {
    public var id: DiagnosticID
    /// One line.
    public var summary: String
    /// What the rule checks and what breaks in a real lab when it is violated.
    public var explanation: String
    public var severity: Severity

    /// All rules, in ID order.
    public static let catalogue: [Rule] = ([
        Rule(
            id: RuleID.unreadable, summary: "every artifact parses (YAML, VyOS, TOML) and exists only once", explanation: """
                A file that looks like a lab artifact (kind config, containerlab topology, VyOS config, Calico or kubeadm
                document) must parse, and a lab folder holds one kind config and one containerlab topology. kind,
                containerlab and VyOS refuse a file that does not parse; with two candidates labgen cannot tell which
                one you deploy, so name it with --kind or --clab.
                """, severity: .error),
        Rule(
            id: RuleID.networkMode, summary: "network-mode container:<name> names a kind node container, one server per node",
            explanation: """
                A containerlab node with `network-mode: container:<name>` joins that container's network namespace: it is
                how the rack interface (net0) gets into a kind node. kind names its node containers
                <cluster>-control-plane, <cluster>-control-plane2, ..., <cluster>-worker, <cluster>-worker2, ... counted
                per role in order, with the cluster name from `kind create cluster --name`, else the config's name:,
                else "kind". A name that is no kind node makes `containerlab deploy` fail ("container not found").
                A short name (container:worker2) that only resolves through containerlab's old `clab-<topology>-`
                prefixing is a warning: releases before 2022 always added the prefix, releases from 2022 try the
                prefixed name and then the bare one, and short names broke in late 2023 (containerlab issue 1731).
                Write the full container name. Two servers joining one kind node fight over its interfaces and routes.
                """, severity: .error),
        Rule(
            id: RuleID.nodeIP, summary: "kubeadm node-ip of each kind node equals the address its server assigns",
            explanation: """
                The kubelet's node-ip (kubeletExtraArgs in the node's kubeadm patch) must be the address the server
                assigns with `ip addr add A/L dev IF` on the interface linked to the rack bridge. Otherwise the node
                registers an InternalIP that is not on the rack (kind's docker address, or nothing), so Calico's
                CrossSubnet decision, `kubectl get nodes -o wide` and the lab's story disagree with the wiring, and
                kube-proxy/NodePort traffic takes the docker network instead of the rack. A server may also be wired
                straight to a gateway port (no bridge). A kind node whose node-ip no containerlab node assigns (its
                server was deleted, while other servers join their nodes) is an error too: the kubelet cannot use
                the address and the node never becomes Ready.
                """, severity: .error),
        Rule(
            id: RuleID.gatewaySubnet, summary: "each node address lies in the subnet of the gateway interface on its bridge",
            explanation: """
                Following the links server interface -> bridge -> gateway interface, the server's address must lie in the
                subnet of the gateway's address on the same bridge, with the same prefix length. Otherwise the node
                cannot ARP for its gateway: cross-rack traffic and everything outside the rack is dropped.
                """, severity: .error),
        Rule(
            id: RuleID.defaultRoute, summary: "each server's default route points at the gateway on its own bridge",
            explanation: """
                `ip route replace default via GW` must name the gateway's address on the server's own bridge. A gateway
                of another rack is not on-link: `ip route` fails with "Nexthop has invalid gateway" and the node keeps
                kind's default route through docker, so cross-rack traffic never crosses the VyOS router.
                """, severity: .error),
        Rule(
            id: RuleID.gatewayInterfaces, summary: "gateway interfaces in links have addresses, and addressed interfaces are linked",
            explanation: """
                Every gateway interface that a link attaches to a rack bridge needs an address in the VyOS config (on the
                interface, on a `vif` of it, or on a VyOS `bridge` it is a `member interface` of; else the rack has no
                router), and every addressed VyOS ethernet interface other than eth0 (containerlab's
                management interface) should be linked (else the interface does not exist in the container and VyOS
                fails to apply that part of the config at boot).
                """, severity: .error),
        Rule(
            id: RuleID.rackLabels, summary: "node-labels rack labels agree with bridge membership",
            explanation: """
                Nodes on one rack bridge must carry the same rack label (node-labels `rack=...` or
                `topology.kubernetes.io/zone=...`), and nodes on different bridges different ones. Workloads scheduled by
                rack (nodeSelector, topology spread, the lab's cross-rack ping tests) otherwise land in the wrong rack.
                """, severity: .error),
        Rule(
            id: RuleID.podSubnet, summary: "Calico pool = kind podSubnet, no overlap with nodes or services, pool >= blockSize",
            explanation: """
                The Calico pool's cidr must equal kind's podSubnet (default 10.244.0.0/16): kube-controller-manager
                allocates node podCIDRs from podSubnet, and kube-proxy's cluster CIDR masquerading assumes it. The pool
                must overlap neither a node (rack) subnet, where pod routes would shadow node addresses, nor the service
                subnet (kind's default 10.96.0.0/16; kubeadm's own 10.96.0.0/12), where pod IPs would collide with
                ClusterIPs. A pool smaller than its blockSize holds no block and Calico's IPAM can hand out nothing.
                """, severity: .error),
        Rule(
            id: RuleID.encapsulation, summary: "CrossSubnet needs two node subnets; IPIP and VXLAN not both on",
            explanation: """
                `ipipMode`/`vxlanMode: CrossSubnet` encapsulates only between nodes in different subnets. With fewer than
                two node subnets nothing is ever encapsulated (a warning: the lab does not show what it claims). Enabling
                IPIP and VXLAN on one pool is rejected by Calico's validation, so the pool is never created. A pool
                with neither (BGP only) across racks behind a VyOS gateway is a warning: pod packets between racks
                reach the gateway with pod addresses, and a gateway that does not peer BGP with the nodes drops them.
                A gateway whose BGP config has a neighbor that is a node's address (the node's rack address or kubelet
                node-ip) peers with the nodes, and then there is no warning.
                """, severity: .warning),
        Rule(
            id: RuleID.registryMirror, summary: "a private registry the lab pulls from has a kind containerd mirror",
            explanation: """
                When images come from a private registry (HOST:PORT/..., as the reference's 192.168.2.100:5000), kind's
                containerd needs a `registry.mirrors."HOST:PORT"` entry in containerdConfigPatches with an `http://`
                endpoint for a plain-HTTP registry. Without it, the images pulled inside the cluster (the CNI's own) fail
                with ErrImagePull (containerd tries HTTPS), the CNI never starts, and every node stays NotReady.
                Images only containerlab pulls (through the host's docker) do not need the mirror: a warning.
                """, severity: .error),
        Rule(
            id: RuleID.vyosBind, summary: "the VyOS bind points at an existing config file and at config.boot",
            explanation: """
                The gateway's bind `./startup-conf/<gw>-boot.cfg:/opt/vyatta/etc/config/config.boot` is relative to the
                topology file; it must name a file that exists and holds a VyOS config, and mount it at
                /opt/vyatta/etc/config/config.boot. Otherwise docker creates an empty directory in its place or VyOS
                boots its default config: no rack addresses, no NAT, and every rack is cut off.
                """, severity: .error),
        Rule(
            id: RuleID.masquerade, summary: "source NAT masquerades every node subnet out of a non-rack interface",
            explanation: """
                When servers route through the gateway, a `nat source rule` with `translation address masquerade` on an
                outbound interface that is not a rack interface (eth0 in the reference) must cover every node subnet.
                Otherwise the nodes lose outside access: image pulls, DNS and apt in the lab fail (a warning).
                """, severity: .warning),
        Rule(
            id: RuleID.addresses, summary: "no duplicate addresses; no network or broadcast address",
            explanation: """
                Node and gateway interface addresses must be unique and must not be the network or broadcast address of
                their subnet. Uniqueness is per scope: the same address in different VLANs (`vif N`, `net1.N`), inside
                a VRF on different routers (an EVPN distributed anycast gateway), or on an interface a node makes for
                itself in exec (loopback, tunnel, dummy) is not a duplicate. Duplicates cause ARP flapping and intermittent loss; Linux accepts a network/broadcast
                address on an interface but traffic to it is treated as broadcast and dropped.
                """, severity: .error),
        Rule(
            id: RuleID.interfaceNames, summary: "interface names fit 15 characters; every bridge is created by the script",
            explanation: """
                Linux interface names (link endpoints, bridge ports, bridges) are at most 15 characters: containerlab
                fails to create a longer veth. containerlab does not create `kind: bridge` nodes; the bridge setup script
                must create every one, else `containerlab deploy` fails with "bridge not found".
                """, severity: .error),
        Rule(
            id: RuleID.linkEndpoints, summary: "every link endpoint names an existing node; no endpoint is used twice",
            explanation: """
                Each `node:interface` of a link must name a node of the topology, and be used by one link only.
                containerlab refuses unknown nodes and cannot create an interface twice. Several macvlan (or macvtap)
                links on one parent interface (`macvlan:ens256`) are fine: each makes its own child interface.
                """, severity: .error),
        Rule(
            id: RuleID.strictDecoding, summary: "kind config and kubeadm patches have no unknown fields or wrong types",
            explanation: """
                kind decodes its config strictly, and kubeadm its configurations: an unknown field (`kubeIetExtraArgs`
                with a capital I, copied from slides) or a wrong type (`nodes: 3`) makes `kind create cluster` fail, or,
                inside a patch, makes kubeadm reject it. labgen reports the field with a did-you-mean suggestion.
                """, severity: .error),
        Rule(
            id: RuleID.mtu, summary: "MTU agrees along the path and leaves room for encapsulation",
            explanation: """
                All links on one bridge must have the same MTU (containerlab's default is 9500), and a VyOS interface
                with an explicit mtu must match its link: a bridge drops frames larger than a port's MTU, so large
                packets (TLS handshakes, image layers) vanish while pings work. With IPIP (20 bytes) or VXLAN (50 bytes),
                Calico's veth MTU plus the overhead must fit the smallest node link MTU, else encapsulated packets are
                fragmented or dropped. A VyOS mtu that differs from its link on a link between routers is a warning
                (frames larger than the smaller MTU are dropped, OSPF adjacencies stick in ExStart); messages say when
                the link's MTU is containerlab's default because the link sets none.
                """, severity: .error),
        Rule(
            id: RuleID.autodetection, summary: "Calico IP autodetection is pinned to the rack interfaces",
            explanation: """
                kind nodes in these labs have two interfaces: kind's eth0 on the docker network and the rack's net0.
                Calico's default autodetection (first-found) picks eth0, so every node appears in one subnet, CrossSubnet
                never encapsulates and tunnels bypass the gateway. IP_AUTODETECTION_METHOD (calico-node patch or
                manifest) must select the rack address of every node, e.g. cidr=<rack subnets>. Unset with CrossSubnet
                is a warning; a method that misses a node's rack address is an error.
                """, severity: .warning),
        Rule(
            id: RuleID.serviceSubnet, summary: "service subnet overlaps neither node nor pod subnets; kube-proxy mode is valid",
            explanation: """
                kube-proxy captures the service subnet (kind's default 10.96.0.0/16) on every node: a node or pod subnet
                that overlaps it becomes unreachable from pods, and kubeadm refuses a service subnet that overlaps the pod
                subnet. kubeProxyMode must be iptables, ipvs, nftables or none.
                """, severity: .error),
        Rule(
            id: RuleID.patchKind, summary: "kubeadm patch kinds reach their node",
            explanation: """
                kind applies an InitConfiguration patch only to the first control-plane node and JoinConfiguration
                patches only to the others. A patch of the other kind is silently ignored: the node keeps kind's default
                node-ip (its docker address) and no labels.
                """, severity: .error),
        Rule(
            id: RuleID.standalonePatch, summary: "standalone kubeadm patch files agree with the kind config",
            explanation: """
                A kubeadm patch written on its own (a document of kubeadm.yaml, named by its nodeRegistration.name,
                or kubeadm/<node>.yaml) must be for a node of the kind config and set the same node-ip and node-labels
                as the patch embedded in the kind config for that node; otherwise someone applying one or the other
                gets a different cluster.
                """, severity: .error),
        Rule(
            id: RuleID.vyosForms, summary: "a gateway's set commands agree with its config.boot",
            explanation: """
                A gateway often ships twice: as config.boot (<gw>-boot.cfg, what containerlab mounts) and as the `set`
                commands a person types (<gw>.cfg). Where both set the same setting, they must set the same value, and
                the commands may set nothing the config.boot lacks; otherwise the router you rebuild by hand from the
                commands is not the router the lab boots (a different rack address breaks that rack's default route).
                The set file may leave settings out (VyOS defaults). Dialect forms are one value (1.2's
                `outbound-interface eth0` is 1.4's `outbound-interface { name eth0 }`). When the topology mounts the
                config.boot and not the set file, a difference is a warning: the set file is stale.
                """, severity: .error),
        Rule(
            id: RuleID.gatewayRoutes, summary: "with several gateways, each routes to the racks behind the others",
            explanation: """
                When racks sit behind different gateways, a node's packets to another rack go to its own gateway, which
                must have a route to that rack's subnet (`protocols static route <subnet> next-hop <other gateway>`) whose
                next hop is on one of its own subnets and is the gateway that owns the rack. Without the route the packets
                leave through the default route (containerlab's management network) and are lost: nodes in different
                racks cannot reach each other, the kubelets of one rack never reach the API server in another.
                A route learned dynamically counts too: a router that announces the rack subnet (BGP `network`, or
                `redistribute connected`/`static`, OSPF `area N network` or `interface`) and BGP sessions (configured on
                both routers) or OSPF adjacencies (both routers run OSPF on a shared subnet) from it to the gateway,
                hop by hop through spines. Redistribution between BGP and OSPF is assumed, AS paths are not checked.
                """, severity: .error),
        Rule(
            id: RuleID.execInterface, summary: "an exec 'ip addr add ... dev IF' names an interface the node has",
            explanation: """
                containerlab creates a node's interfaces from its links (plus eth0 for management and lo). An address
                added in `exec` (`ip addr add`, `ip a a`, `ip -4 a add`) on an interface that no link of the node, or of
                the container whose network namespace it joins, creates and that no other exec command creates
                (`ip link add`, `vconfig add`, ...) fails: `ip` answers "Cannot find device", the exec step fails and
                the node has no address. Usually a link was renamed (net0 -> net1) and the exec was not.
                """, severity: .error),
        Rule(
            id: RuleID.rackRouter, summary: "a rack bridge whose hosts route via a gateway has a router linked to it",
            explanation: """
                A bridge whose hosts set a default route via an address on the bridge's subnet needs the node that owns
                that address linked to the bridge. When every node on the bridge is such a host (the gateway's link
                to the bridge was deleted, or points at another bridge), the rack has no router: its nodes reach
                nothing outside the bridge, kubelets there never reach an API server in another rack. Also: a default
                route via an address on one of the node's lab links that no node of the lab has at all (not in a VyOS
                config, an exec command or a setup script), when every node is one labgen reads (no FRR, keepalived or
                other daemon config mounted, no node of another kind).
                """, severity: .error),
        Rule(
            id: RuleID.linkSubnet, summary: "both ends of a point-to-point link use the same prefix length",
            explanation: """
                The two ends of a link between routers should be addressed in one subnet with one prefix length
                (a /31 or /30 on both ends, say). A /31 on one end and a /24 on the other works for the two
                addresses but the /24 end believes 254 more hosts are on the link: traffic to a neighbor on another
                link of the same /24 is ARPed for on the wrong link and lost. A warning: it is often a typo.
                """, severity: .warning),
        Rule(
            id: RuleID.calicoInstallation, summary: "the operator's Installation is one it accepts: named default, valid fields",
            explanation: """
                The Tigera operator (operator.tigera.io/v1) reads only the Installation named `default`; any other is
                ignored and Calico is never installed. Its settings differ from an IPPool's: `natOutgoing` is Enabled or
                Disabled (not true/false), `registry` ends with '/', and `nodeAddressAutodetectionV4` holds exactly one
                method (cidrs, interface, skipInterface, canReach, firstFound or kubernetes); the API server rejects the
                object otherwise and nodes stay NotReady. Its ipPools and autodetection are checked like an IPPool and
                calico-node's environment (LG007, LG008, LG017).
                """, severity: .error),
        Rule(
            id: RuleID.poolEnvironment, summary: "a calico-node patch's CALICO_IPV4POOL_* agree with the IPPool file",
            explanation: """
                In a manifest install the first pool is created by calico-node from its environment
                (CALICO_IPV4POOL_CIDR, _BLOCK_SIZE, _IPIP, _VXLAN, _NAT_OUTGOING), set by the calico-node patch; the
                IPPool file (default-ipv4-ippool) describes the same pool for calicoctl and for readers. When they
                differ, the running pool is the patch's, not the one the lab documents: a different cidr breaks
                LG007 in the running cluster, a different encapsulation changes what the lab demonstrates.
                """, severity: .error),
    ] + releaseRules + flannelRules + ciliumRules + fabricRules).sorted { $0.id.rawValue < $1.id.rawValue }

    /// The rule with that ID.
    public static func rule(_ id: DiagnosticID) -> Rule? { catalogue.first { $0.id == id } }
}
