/// Severity and long explanations of the model checks, for `labgen explain`.
extension ModelCheck {
    /// Model checks are errors, except those that only warn.
    public var isWarning: Bool { self == .selectorMatchesNoRack || self == .sharedASNumber }

    /// What the check refuses and what would break without it.
    public var explanation: String {
        switch self {
        case .invalidName:
            """
            Names become host names, file names, container names and values other tools parse. The lab name, the
            topology name, rack, gateway and server names must be DNS labels (lower-case letters, digits and '-',
            at most 63 characters, not starting or ending with '-'): they name the output folder, containerlab
            nodes and the 'rack' label. The kind cluster name and pool names follow kind's ^[a-z0-9.-]+$ (kind
            refuses others, and the name prefixes every node container), the registry mirror is a host[:port], a
            kind node's name (cluster name plus role) must fit a 63-character host name, a kube-proxy mode is one kind knows (iptables, ipvs, nftables,
            none), and a node selector has no control characters. A name outside its grammar would be refused by
            kind, containerlab or the API server after part of the lab is already up, or could inject YAML or shell.
            """
        case .invalidAddress:
            """
            An IPv4 address is four decimal octets 0...255 separated by dots. labgen says what is wrong: a part
            missing, an octet above 255, a leading zero (which inet_aton and some tools read as octal, so 010 is 8),
            or a character that only looks like a digit or a dot (text copied from slides or documents often carries
            look-alike characters such as U+012D or a full-width dot). Such an address would reach kubeadm, ip and
            VyOS as written, and each reads it differently or not at all.
            """
        case .invalidPrefix:
            """
            A prefix is an address, '/', and a length 0...32, with no host bits set (10.1.5.0/24, not 10.1.5.1/24:
            tools disagree on whether that means the network or an address in it). This check also covers a subnet
            that is missing: a rack with neither subnet: nor a NodePool to take one from, a slot: without a NodePool,
            and two gateways routing racks without a transit subnet (write Transit("10.1.255.0/29") or declare a
            NodePool).
            """
        case .addressOutsideSubnet:
            """
            A written address must lie in the subnet it is used on: a node's address and the gateway address in
            their rack's subnet, a transit address in the transit subnet, a static route's next hop on one of the
            gateway's subnets (and not the gateway's own address). Otherwise the interface is configured but nothing
            on the segment can reach it: the node has no route to its default gateway and the kubelet's node-ip is on
            no link.
            """
        case .duplicateAddress:
            """
            Every node, gateway interface and transit interface needs its own address. Two interfaces with one
            address on a segment answer ARP for each other: traffic reaches whichever answered last, kubelet
            registers two nodes with one InternalIP, and Calico routes pods of one node to the other. The message
            names both users; the note points at the first.
            """
        case .duplicateName:
            """
            Names that must be unique: containerlab node names (gateways, rack bridges, the transit bridge and
            servers share one namespace in the topology), rack names (the 'rack' label value and pool pinning use
            them), pod pool names (IPPool objects), labs in one build (each has its own output folder), a gateway's
            NAT rule numbers and static route destinations. A second use would overwrite the first in the
            generated files, or make containerlab refuse the topology.
            """
        case .overlappingSubnets:
            """
            Rack subnets (and the transit subnet) are separate layer-2 segments routed by the gateways; if two
            overlap, the gateway has two connected routes for the same addresses and sends packets for one rack out
            of the other's interface. Two racks taking the same slot: of the node pool are this error as well.
            The message names both subnets and is reported at the one written later.
            """
        case .poolOverlap:
            """
            Pod addresses must not collide with node, transit or service addresses: a pod pool that overlaps a rack
            subnet, the service subnet (kind's 10.96.0.0/16 unless written) or another pool makes Calico hand out
            addresses that are also used elsewhere, and traffic to them is routed to the wrong place. Without Calico
            pools, kind's pod subnet (10.244.0.0/16 unless written) is checked the same way. An enabled pool must
            also lie inside the cluster's pod subnet, which kube-controller-manager allocates node CIDRs from.
            """
        case .reservedAddress:
            """
            The first and the last address of a subnet are its network and broadcast addresses. A node or gateway
            configured on one of them does not work as a host: the network address names the subnet in routes, and
            packets to the broadcast address reach every host of the segment. Use a host address; node allocation
            starts at host 10 (firstHost:), the gateway takes the first host.
            """
        case .interfaceNameTooLong:
            """
            Linux interface names have at most 15 bytes (IFNAMSIZ) and no '/', ':' or whitespace. A bridge's ports
            are named '<bridge>-net0', '-net1', ..., so the bridge name plus the longest port suffix must fit; a
            longer name makes containerlab or 'ip link add' fail when the lab is deployed. The Masquerade outbound
            interface must be an interface name as well.
            """
        case .unknownGateway:
            """
            A rack is routed by a gateway: the one named by router:, or the lab's only gateway. A router: that names
            no Gateway, a lab with several gateways where a rack names none, or a gateway address in a lab without a
            Gateway is this error: the rack would have no way out and its default route would point at nothing. A
            pod pool pinned to a rack (rack:) the lab does not declare is reported here too.
            """
        case .emptyRack:
            """
            A rack without nodes is a bridge and a gateway interface that nothing uses. It is almost always a
            mistake (nodes written in the wrong rack, or in the Cluster). Add Node(.worker) to it or remove it.
            """
        case .noControlPlane:
            """
            kind creates the cluster on its control-plane node and refuses a config without one; a cluster without
            any nodes has nothing to create. Add Node(.controlPlane) to a rack (or, for a kind-only lab, to the
            Cluster).
            """
        case .conflictingEncapsulation:
            """
            A Calico pool encapsulates with IPIP or with VXLAN, not both: Calico's IPPool validation refuses a
            pool with both ipipMode and vxlanMode enabled, so 'kubectl apply' of the pool would fail after the
            cluster is up. Pick one (ipip: .crossSubnet is the reference lab's).
            """
        case .poolSmallerThanBlock:
            """
            Calico hands out pod addresses to nodes in blocks (default /26, 64 addresses). The block size must be
            20...32 for IPv4, and the pool must hold at least one block: a /27 pool with /26 blocks has no block to
            give, and Calico refuses it. Use a larger pool or a smaller block size (a larger blockSize: number).
            """
        case .misplacedElement:
            """
            Elements the type system cannot keep in their place: a second Cluster, Registry, Topology, NodePool or
            Transit; a Transit or transit address in a lab with fewer than two gateways; nodes in the Cluster of a
            lab with racks (or with an address or server outside a rack); a rack with both subnet: and slot:; a pod
            pool with both rack: and nodeSelector:. labgen would have to guess which one you meant; the message says
            where the element goes.
            """
        case .addressesExhausted:
            """
            Allocation ran out: a rack subnet has no free host for a node (allocation starts at firstHost:, 10 by
            default, and skips the gateway), the node pool has no free subnet of the rack's size, a slot: is past
            the pool's last subnet of that size, or the transit subnet is too small for every gateway. Use a larger
            subnet or pool, a smaller rackPrefix:, or a lower firstHost:.
            """
        case .missingCluster:
            """
            Every lab has one kind cluster: the nodes are its nodes, and the kind config, kubeadm patches and CNI
            files are written from it. Add Cluster("<name>") { ... } to the lab.
            """
        case .invalidLabel:
            """
            Node labels are passed to kubelet as --node-labels and must be valid Kubernetes labels: a key is an
            optional DNS-subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.'
            starting and ending with a letter or digit; a value is such a name or empty. Each key once per node,
            and not 'rack': labgen sets the rack label from the node's rack. kubelet does not start with an
            invalid label, so the node never joins.
            """
        case .invalidNumber:
            """
            A number outside the range its consumer accepts: the link MTU (68...65535), a rack prefix length
            (between the node pool's length and /30: a /31 or /32 rack has no room for a gateway and a node), and
            a NAT rule number (VyOS's 1...9999).
            """
        case .invalidImage:
            """
            Images (the kind node image, server images, gateway images) follow the distribution reference grammar
            that Docker and containerd parse: [host[:port]/]path[:tag][@digest], with lower-case path components,
            a tag of letters, digits, '_', '.' and '-' (at most 128), and a digest 'algorithm:hex'. A reference
            outside it makes docker pull or containerlab fail at deploy time, or names a different image.
            """
        case .noEnabledPool:
            """
            Calico assigns pod addresses only from enabled pools. If every pool of the cluster is disabled:, no pod
            gets an address and nothing (CoreDNS included) starts. Enable one pool, or add an enabled PodPool next
            to the disabled ones (disabled pools keep the addresses of pods that still hold them).
            """
        case .invalidCalicoInstall:
            """
            Calico(install:) says how Calico is installed: the Tigera operator (the default) or Calico's manifest.
            The release is a tag such as v3.30.3 and the manifest an https:// or http:// URL or a file path, made of
            visible ASCII without quotes, spaces or shell characters: both end up in lab.sh and on kubectl's command
            line. A lab installs Calico one way, so install: is written once.
            """
        case .unsupportedRelease:
            """
            A gateway's VyOS release picks the config.boot dialect labgen writes. The release is the
            gateway's `vyos:` setting, or, without it, the tag of its `image:` (`vyos/vyos:1.5.0`,
            `vyos/vyos:1.5-rolling-202412060007`). labgen writes four dialects, each from the stock
            configuration of its release in templates/stock/vyos/:

              1.2 crux      values bare when plain, `system ntp`, `outbound-interface eth0`, `level admin`,
                            `/* === vyatta-config-version ... */` footer
              1.3 equuleus  values bare when plain, `system ntp`, `outbound-interface eth0`, no `level`,
                            `// vyos-config-version` footer
              1.4 sagitta   every value quoted, `service ntp`, `outbound-interface { name eth0 }`
              1.5 circinus  as 1.4, with 1.5's defaults (`service ntp allow-client`) and component versions

            Any other release (1.1, or a tag that is no version such as `latest`), or a gateway with
            neither `vyos:` nor a tagged image, is this error: a config in the wrong dialect does not
            load, and the router boots without its rack addresses and NAT. Write the release the image
            runs, e.g. `Gateway("gw0", vyos: "1.5.0")`.
            """
        case .releaseMismatch:
            """
            The gateway's `vyos:` setting and its image tag name different release series (for example
            `vyos: "1.4.9"` with `image: "vyos/vyos:1.5.0"`). labgen writes the config in the dialect of
            `vyos:`, and the footer tells the router which migrations to run; a router of another series
            reads it with the wrong syntax or skips migrations it needs (1.2/1.3 syntax such as
            `outbound-interface eth0` does not load on 1.4 and later). Make the two agree, or leave out
            `vyos:` to take the release from the image tag.
            """
        case .invalidTopologyName:
            """
            A rack or transit bridge becomes a containerlab node ('kind: bridge'), a Linux bridge created by
            bridges.sh, and the prefix of its port names '<bridge>-net0', '-net1', ... Its name must match
            containerlab's ^[a-zA-Z0-9][a-zA-Z0-9-._|]*$ (so no '*', '~', quotes, '%' or a leading '-'), must be a
            Linux interface name, and must not be a word the 'ip link' command reads as a keyword (up, down, dev,
            name, type, help, master, ...). The length limit is that of the last port: '<bridge>-net<N>' must fit
            in 15 characters, so a rack of 3 nodes (ports -net0 ... -net3) allows bridge names of 10 characters.
            """
        case .invalidVyOSValue:
            """
            Values VyOS reads: the outbound interface of Masquerade(outbound:) must be one interface name of VyOS's
            grammar (eth0, eth1.10, bond0, ...). '!eth0' means every interface but eth0 and 'eth*' is a wildcard:
            both silently masquerade the rack interfaces too. The gateway name is the router's host-name, which
            VyOS constrains to [A-Za-z0-9][-.A-Za-z0-9]*[A-Za-z0-9] (at least two characters, at most 63): a gateway
            named 'g' would fail to commit its configuration at boot.
            """
        case .registryReadAsUser:
            """
            Docker, containerd and kind decide that the first part of an image name is a registry only when it
            has a '.' or a ':port', or is 'localhost'. A mirror written as 'myregistry' makes every image
            'myregistry/nettool' a Docker Hub image of the user 'myregistry': the pulls go to docker.io and the
            containerd mirror is never used. Write the registry's domain name, its address, or add the port.
            """
        case .invalidSelector:
            """
            The nodeSelector of a pod pool is parsed with Calico's selector grammar (all(), has(k), k == "v",
            k != "v", k in {...}, k not in {...}, contains, starts with, ends with, !, &&, ||, parentheses).
            A selector calico-apiserver refuses would fail 'kubectl apply' of ippool.yaml, after the lab is up.
            """
        case .selectorMatchesNoRack:
            """
            A warning: the selector compares the 'rack' label with a value that no rack of the lab has
            (rack == "rack9" in a lab of rack0 and rack1). Every node carries its rack's label, so such a pool
            is given to no node through that comparison; usually a typo or a rack that was renamed.
            """
        case .kubeletRefusedLabel:
            """
            Node labels are passed to kubelet as --node-labels. kubelet refuses to start when a key is in the
            kubernetes.io or k8s.io namespaces but is not one it may set itself (kubelet.kubernetes.io/...,
            node.kubernetes.io/..., and a few such as topology.kubernetes.io/zone). node-role.kubernetes.io/...
            is the common case: set it with 'kubectl label node' once the cluster is up.
            """
        case .conflictingCNI:
            """
            A cluster runs one CNI: Calico (its pools), Flannel(...) or Cilium(...) inside Cluster { }.
            Two of them would both write /etc/cni/net.d and program pod routes; pods get addresses
            from whichever CNI config sorts first. Keep one.
            """
        case .invalidFlannel:
            """
            Flannel's DirectRouting is a setting of the vxlan and ipip backends (route directly to nodes on
            the same subnet, encapsulate to the others); host-gw always routes directly and ignores it.
            The release is a tag such as v0.28.10: it becomes part of the kube-flannel.yml URL in lab.sh.
            """
        case .invalidCilium:
            """
            Cilium's values must be ones its chart accepts: a chart version such as 1.18.0 (it is passed
            to helm), IPv4 CIDRs for ipv4NativeRoutingCIDR and the cluster-pool, and a cluster-pool mask
            size between the pool's prefix length and /30. kubeProxyReplacement: true with the cluster's
            kubeProxyMode set to iptables, ipvs or nftables would run both; leave kubeProxyMode out (labgen
            then writes none) or write "none".
            """
        default: fabricExplanation ?? summary
        }
    }
}
