import LabFormats
import LabModel

/// Reads Calico documents: `IPPool` (also in an `IPPoolList` or `List`), the calico-node patch or
/// DaemonSet (IP autodetection, and the pool calico-node creates from `CALICO_IPV4POOL_*`), the
/// `calico-config` ConfigMap (`veth_mtu`), and the images of any workload.
public enum CalicoReader {
    /// Whether a document is an IPPool or a list of them.
    public static func isPoolDocument(_ document: YAMLNode) -> Bool {
        switch document["kind"]?.scalarText {
        case "IPPool": return true
        case "IPPoolList", "List":
            guard case .sequence(let items)? = document["items"]?.content else { return false }
            return items.contains { $0["kind"]?.scalarText == "IPPool" } || document["kind"]?.scalarText == "IPPoolList"
        default: return false
        }
    }

    public static func pools(_ document: YAMLNode, origin: TextOrigin, diagnostics: inout DiagnosticList)
        -> [IPPoolFacts]
    {
        if document["kind"]?.scalarText != "IPPool" {
            guard case .sequence(let items)? = document["items"]?.content else { return [] }
            return items.flatMap { pools($0, origin: origin, diagnostics: &diagnostics) }
        }
        let spec = document["spec"]
        func string(_ key: String) -> Located<String>? {
            guard let node = spec?[key], let text = node.scalarText, node.value != .null else { return nil }
            return Located(text, at: origin.location(node))
        }
        var pool = IPPoolFacts(
            file: origin.file, name: document["metadata"]?["name"]?.scalarText ?? "(unnamed)", cidr: nil,
            blockSize: nil,
            ipipMode: string("ipipMode"), vxlanMode: string("vxlanMode"),
            disabled: spec?["disabled"]?.value == .bool(true),
            fromEnvironment: false, location: origin.location(document))
        pool.natOutgoing = spec?["natOutgoing"]?.value == .bool(true)
        pool.nodeSelector = string("nodeSelector")
        if let cidr = string("cidr") {
            if let prefix = IPv4Prefix(cidr.value) {
                pool.cidr = Located(prefix, at: cidr.location)
            } else if !cidr.value.contains(":") {
                diagnostics.error(
                    RuleID.podSubnet, "IPPool cidr '\(cidr.value)' is not an IPv4 CIDR", at: cidr.location)
            }
        } else {
            diagnostics.error(RuleID.podSubnet, "IPPool '\(pool.name)' has no spec.cidr", at: pool.location)
        }
        if let node = spec?["blockSize"] {
            if case .int(let value) = node.value {
                pool.blockSize = Located(value, at: origin.location(node))
            } else {
                diagnostics.error(RuleID.podSubnet, "IPPool blockSize must be an integer", at: origin.location(node))
            }
        }
        for mode in [pool.ipipMode, pool.vxlanMode].compactMap({ $0 })
        where !["Always", "CrossSubnet", "Never"].contains(mode.value) {
            diagnostics.error(
                RuleID.encapsulation,
                "unknown encapsulation mode '\(mode.value)'; Calico knows Always, CrossSubnet and Never",
                at: mode.location)
        }
        return [pool]
    }

    /// The calico-node container of a DaemonSet or of a strategic-merge patch for it.
    static func calicoNodeContainer(_ document: YAMLNode) -> YAMLNode? {
        guard case .sequence(let containers)? = document["spec"]?["template"]?["spec"]?["containers"]?.content else {
            return nil
        }
        let kind = document["kind"]?.scalarText
        guard kind == nil || kind == "DaemonSet" else { return nil }
        return containers.first { $0["name"]?.scalarText == "calico-node" }
    }

    /// Whether a document is the calico-node DaemonSet or a patch of it.
    public static func isCalicoNode(_ document: YAMLNode) -> Bool { calicoNodeContainer(document) != nil }

    /// Autodetection and (for a full DaemonSet) the pool from the environment.
    public static func calicoNode(_ document: YAMLNode, origin: TextOrigin) -> (CalicoNodeFacts, IPPoolFacts?)? {
        guard let container = calicoNodeContainer(document) else { return nil }
        var env: [String: YAMLNode] = [:]
        if case .sequence(let items)? = container["env"]?.content {
            for item in items {
                if let name = item["name"]?.scalarText, let value = item["value"] { env[name] = value }
            }
        }
        func located(_ name: String) -> Located<String>? {
            guard let node = env[name], let text = node.scalarText else { return nil }
            return Located(text, at: origin.location(node))
        }
        var facts = CalicoNodeFacts(
            file: origin.file, autodetection: located("IP_AUTODETECTION_METHOD"),
            location: origin.location(container))
        guard document["kind"]?.scalarText == "DaemonSet" else {
            for name in env.keys where name.hasPrefix("CALICO_IPV4POOL_") {
                facts.poolEnvironment[name] = located(name)
            }
            return (facts, nil)
        }
        // calico-node creates the default pool on first start from its environment.
        var pool = IPPoolFacts(
            file: origin.file, name: Conventions.calicoFirstPoolName, cidr: nil, blockSize: nil,
            ipipMode: located("CALICO_IPV4POOL_IPIP"), vxlanMode: located("CALICO_IPV4POOL_VXLAN"), disabled: false,
            fromEnvironment: true, location: origin.location(container))
        if pool.ipipMode == nil { pool.ipipMode = Located("Always", at: pool.location) }
        pool.natOutgoing = located("CALICO_IPV4POOL_NAT_OUTGOING")?.value.lowercased() != "false"
        pool.nodeSelector = located("CALICO_IPV4POOL_NODE_SELECTOR")
        if let cidr = located("CALICO_IPV4POOL_CIDR"), let prefix = IPv4Prefix(cidr.value) {
            pool.cidr = Located(prefix, at: cidr.location)
        }
        if let size = located("CALICO_IPV4POOL_BLOCK_SIZE"), let value = Int(size.value) {
            pool.blockSize = Located(value, at: size.location)
        }
        if env["NO_DEFAULT_POOLS"]?.scalarText == "true" { return (facts, nil) }
        return (facts, pool)
    }

    /// `veth_mtu` of the calico-config ConfigMap when it is set (not 0).
    public static func vethMTU(_ document: YAMLNode, origin: TextOrigin) -> Located<Int>? {
        guard document["kind"]?.scalarText == "ConfigMap", document["metadata"]?["name"]?.scalarText == "calico-config",
            let node = document["data"]?["veth_mtu"], let text = node.scalarText, let value = Int(text), value > 0
        else { return nil }
        return Located(value, at: origin.location(node))
    }

    static let workloadKinds: Set<String> = [
        "Pod", "Deployment", "DaemonSet", "StatefulSet", "ReplicaSet", "Job", "CronJob",
    ]

    /// The images of a Kubernetes workload document (pulled by containerd inside the kind nodes).
    public static func images(_ document: YAMLNode, origin: TextOrigin) -> [Located<String>] {
        guard let kind = document["kind"]?.scalarText, workloadKinds.contains(kind) else { return [] }
        var podSpec = document["spec"]
        if kind == "CronJob" { podSpec = podSpec?["jobTemplate"]?["spec"] }
        if kind != "Pod" { podSpec = podSpec?["template"]?["spec"] }
        var result: [Located<String>] = []
        for key in ["initContainers", "containers"] {
            guard case .sequence(let containers)? = podSpec?[key]?.content else { continue }
            for container in containers {
                if let image = container["image"], let text = image.scalarText {
                    result.append(Located(text, at: origin.location(image)))
                }
            }
        }
        return result
    }
}
