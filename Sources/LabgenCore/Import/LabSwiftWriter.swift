import LabFormats
import LabModel

/// Writes a `LabSpec` as a LabKit lab file. Every value is a Swift string literal with its
/// quotes, backslashes and control characters escaped, so no name can inject code.
public enum LabSwiftWriter {
    public static func write(_ spec: LabSpec, comment: [String] = []) -> String {
        var lines = ["import LabKit", ""]
        lines += comment.flatMap(commentLines)
        lines.append("let lab = Lab(\(literal(spec.name))) {")
        for registry in spec.registries {
            lines.append(
                "    Registry("
                    + args([("mirror", literal(registry.mirror)), ("insecure", registry.insecure ? "true" : nil)]) + ")"
            )
        }
        for topology in spec.topologies {
            lines.append(
                "    Topology("
                    + args([
                        ("name", topology.name.map(literal)), ("mtu", topology.mtu.map(String.init)),
                        ("serverImage", topology.serverImage.map(literal)),
                    ]) + ")")
        }
        for cluster in spec.clusters { lines += clusterLines(cluster) }
        for transit in spec.transits {
            lines.append(
                "    Transit(" + args([(nil, transit.subnet.map(literal)), ("bridge", transit.bridge.map(literal))])
                    + ")")
        }
        for gateway in spec.gateways {
            let head =
                "    Gateway("
                + args([
                    (nil, literal(gateway.name)), ("vyos", gateway.vyos.map(literal)),
                    ("image", gateway.image.map(literal)),
                    ("transit", gateway.transitAddress.map(literal)),
                ]) + ")"
            let body =
                gateway.masquerades.map {
                    "        Masquerade("
                        + args([
                            ("source", $0.source.map(literal)), ("outbound", literal($0.outbound)),
                            ("rule", $0.rule.map(String.init)),
                        ]) + ")"
                }
                + gateway.staticRoutes.map {
                    "        StaticRoute(\(literal($0.destination)), via: \(literal($0.nextHop)))"
                }
            lines += body.isEmpty ? [head] : [head + " {"] + body + ["    }"]
        }
        for rack in spec.racks {
            lines.append(
                "    Rack("
                    + args([
                        (nil, literal(rack.name)), ("subnet", rack.subnet.map(literal)),
                        ("gateway", rack.gatewayAddress.map(literal)),
                        ("bridge", rack.bridge.map(literal)), ("router", rack.gateway.map(literal)),
                    ]) + ") {")
            lines += rack.nodes.map { "        " + nodeLine($0) }
            lines.append("    }")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A comment as `//` lines of at most about 110 characters; control characters (a line break in a
    /// path) become spaces, so no text leaves the comment.
    static func commentLines(_ text: String) -> [String] {
        let clean = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
                        || (0x2028...0x2029).contains($0.value) ? " " : $0
                }))
        var lines: [String] = []
        var line = "//"
        for word in clean.split(separator: " ") {
            if line.count + 1 + word.count > 110, line != "//" {
                lines.append(line)
                line = "//  "
            }
            line += " " + word
        }
        lines.append(line)
        return lines
    }

    static func clusterLines(_ cluster: ClusterSpec) -> [String] {
        let head =
            "    Cluster("
            + args([
                (nil, literal(cluster.name)), ("image", cluster.image.map(literal)),
                ("podSubnet", cluster.podSubnet.map(literal)),
                ("serviceSubnet", cluster.serviceSubnet.map(literal)),
                ("disableDefaultCNI", cluster.disableDefaultCNI ? nil : "false"),
                ("kubeProxyMode", cluster.kubeProxyMode.map(literal)),
            ]) + ")"
        var body: [String] = []
        if !cluster.pools.isEmpty {
            let install = cluster.calicoInstalls.first.map { install in
                "." + (install.mode == .manifest ? "manifest" : "`operator`") + "("
                    + args([("version", install.version.map(literal)), ("manifest", install.manifest.map(literal))])
                    + ")"
            }
            let pools = cluster.pools.map(poolExpression)
            if pools.count == 1 {
                body.append("        Calico(" + args([("pool", pools[0]), ("install", install)]) + ")")
            } else {
                body.append("        Calico(")
                body.append("            pools: [")
                body += pools.map { "                \($0)," }
                body.append("            ]" + (install.map { ", install: \($0))" } ?? ")"))
            }
        }
        body += cluster.nodes.map { "        " + nodeLine($0) }
        return body.isEmpty ? [head] : [head + " {"] + body + ["    }"]
    }

    static func poolExpression(_ pool: PodPoolSpec) -> String {
        func mode(_ mode: EncapsulationMode) -> String? {
            switch mode {
            case .never: nil
            case .always: ".always"
            case .crossSubnet: ".crossSubnet"
            }
        }
        return "PodPool("
            + args([
                (nil, literal(pool.cidr)), ("name", pool.name.map(literal)),
                ("blockSize", pool.blockSize.map(String.init)),
                ("ipip", mode(pool.ipipMode)), ("vxlan", mode(pool.vxlanMode)),
                ("natOutgoing", pool.natOutgoing ? nil : "false"),
                ("nodeSelector", pool.nodeSelector.map(literal)), ("rack", pool.rack.map(literal)),
                ("disabled", pool.disabled ? "true" : nil),
            ]) + ")"
    }

    static func nodeLine(_ node: NodeSpec) -> String {
        let labels =
            node.labels.isEmpty
            ? nil : "[" + node.labels.map { "\(literal($0.key)): \(literal($0.value))" }.joined(separator: ", ") + "]"
        return "Node("
            + args([
                (nil, node.role == .controlPlane ? ".controlPlane" : ".worker"), ("address", node.address.map(literal)),
                ("server", node.server.map(literal)), ("serverImage", node.serverImage.map(literal)),
                ("labels", labels),
            ]) + ")"
    }

    static func args(_ pairs: [(String?, String?)]) -> String {
        pairs.compactMap { label, value in value.map { (label.map { "\($0): " } ?? "") + $0 } }.joined(separator: ", ")
    }

    /// A Swift string literal of `text`.
    public static func literal(_ text: String) -> String {
        CharacterEscaping.doubleQuoted(text, escapes) { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value)
                ? "\\u{\(String(scalar.value, radix: 16))}" : nil
        }
    }

    /// Swift's escapes in string literals (other control characters as `\u{...}`).
    static let escapes: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"]
}
