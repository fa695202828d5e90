/// Severity and long explanations of the model checks, for `labgen explain`.
extension ModelCheck {
    /// Model checks are errors, except those that only warn.
    public var isWarning: Bool { self == .selectorMatchesNoRack || self == .sharedASNumber }

    /// What the check refuses and what would break without it (nil: the summary says it all).
    public var explanation: String? {
        switch self {
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
        default: fabricExplanation
        }
    }
}
