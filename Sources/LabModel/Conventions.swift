/// Values of the tools labgen writes for (kind, kube-proxy, Calico, VyOS, containerlab) and
/// labgen's own defaults that more than one stage uses: each is written here once, and the
/// resolver, the renderers, the readers and the rules refer to it.
public enum Conventions {
    // MARK: kind and Kubernetes

    /// kind's default pod subnet (kubeadm's `podSubnet` when the lab writes none).
    public static let kindPodSubnet = IPv4Prefix(IPv4Address(10, 244, 0, 0), length: 16)
    /// kind's default service subnet.
    public static let kindServiceSubnet = IPv4Prefix(IPv4Address(10, 96, 0, 0), length: 16)
    /// The `apiVersion` of kind's `Cluster` config.
    public static let kindAPIVersion = "kind.x-k8s.io/v1alpha4"
    /// The kube-proxy modes kind's `networking.kubeProxyMode` takes.
    public static let kubeProxyModes = ["iptables", "ipvs", "nftables", "none"]

    // MARK: Calico

    /// Calico's default block size for IPv4 pools.
    public static let calicoBlockSize = 26
    /// The block sizes Calico accepts for IPv4 pools.
    public static let calicoBlockSizes = 20...32
    /// calico-node's default IP autodetection method.
    public static let calicoAutodetection = "first-found"
    /// The name calico-node gives the first pool, and labgen the first pool it writes.
    public static let calicoFirstPoolName = "default-ipv4-ippool"

    // MARK: VyOS

    /// A VyOS gateway's default image: `[<registry>/]vyos/vyos:<release>`.
    public static func vyosImage(release: String, registry: String?) -> String {
        (registry.map { "\($0)/" } ?? "") + "vyos/vyos:\(release)"
    }
    /// Where containerlab mounts a VyOS gateway's `config.boot`.
    public static let vyosConfigMount = "/opt/vyatta/etc/config/config.boot"

    // MARK: containerlab topology (labgen's defaults)

    /// The image of servers when the lab has no registry and names none.
    public static let serverImage = "nicolaka/netshoot:latest"
    /// The image of servers in a lab with a registry mirror.
    public static func registryServerImage(registry: String) -> String { "\(registry)/nettool" }
    /// The link MTUs containerlab and Linux accept.
    public static let linkMTURange = 68...65535
    /// Host number of the first node address handed out in a rack (`10.1.5.10`).
    public static let firstNodeHost = 10
}
