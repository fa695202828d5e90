import Foundation
import LabModel

/// A reviewer's summary of what changed between two resolved labs: nodes added or removed,
/// a node's address, rack or role, pools, gateway interfaces. Compares models, not text.
public enum ModelDiff {
    public static func summary(old: LabPlan?, new: LabPlan) -> [String] {
        guard let old else { return ["new lab '\(new.name)' (\(new.nodes.count) nodes, \(new.racks.count) racks)"] }
        var lines: [String] = []
        let oldNodes = Dictionary(old.nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newNodes = Dictionary(new.nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for node in new.nodes where oldNodes[node.name] == nil {
            lines.append("node added: \(node.name) (\(describe(node)))")
        }
        for node in old.nodes where newNodes[node.name] == nil {
            lines.append("node removed: \(node.name) (\(describe(node)))")
        }
        for node in new.nodes {
            guard let before = oldNodes[node.name] else { continue }
            if before.role != node.role {
                lines.append("node \(node.name): role \(before.role.rawValue) -> \(node.role.rawValue)")
            }
            let a = before.attachment
            let b = node.attachment
            if a?.rack != b?.rack {
                lines.append("node \(node.name): rack \(a?.rack ?? "none") -> \(b?.rack ?? "none")")
            }
            if a?.address != b?.address {
                lines.append(
                    "node \(node.name): address \(a.map { "\($0.address)" } ?? "none") -> \(b.map { "\($0.address)" } ?? "none")"
                )
            }
            if a?.defaultGateway != b?.defaultGateway {
                lines.append(
                    "node \(node.name): default gateway \(a?.defaultGateway?.description ?? "none") -> \(b?.defaultGateway?.description ?? "none")"
                )
            }
            if a?.server != b?.server {
                lines.append("node \(node.name): server \(a?.server ?? "none") -> \(b?.server ?? "none")")
            }
            if before.labels != node.labels {
                lines.append("node \(node.name): labels \(labels(before)) -> \(labels(node))")
            }
        }
        lines += compareKeyed(
            "rack", old.racks, new.racks, key: \.name,
            describe: { "\($0.subnet), gateway \($0.gatewayAddress?.description ?? "none"), bridge \($0.bridge)" })
        lines += compareKeyed(
            "pool", old.cluster?.pools ?? [], new.cluster?.pools ?? [], key: \.name,
            describe: {
                "\($0.cidr) block /\($0.blockSize) ipip \($0.ipipMode.rawValue) vxlan \($0.vxlanMode.rawValue) natOutgoing \($0.natOutgoing) selector \($0.nodeSelector)\($0.disabled ? " disabled" : "")"
            })
        lines += CNISummary.changes(old.cluster?.cni, new.cluster?.cni)
        let oldGateways = Dictionary(old.gateways.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for gateway in new.gateways {
            guard let before = oldGateways[gateway.name] else {
                lines.append("gateway added: \(gateway.name) (VyOS \(gateway.release))")
                continue
            }
            if before.release != gateway.release {
                lines.append("gateway \(gateway.name): VyOS \(before.release) -> \(gateway.release)")
            }
            lines += compareKeyed(
                "gateway \(gateway.name) interface", before.interfaces, gateway.interfaces, key: \.name,
                describe: { "\($0.address) on \($0.bridge)" })
            if before.masquerades != gateway.masquerades {
                lines.append("gateway \(gateway.name): NAT \(rules(before)) -> \(rules(gateway))")
            }
            if before.staticRoutes != gateway.staticRoutes {
                lines.append("gateway \(gateway.name): static routes changed")
            }
        }
        for gateway in old.gateways where !new.gateways.contains(where: { $0.name == gateway.name }) {
            lines.append("gateway removed: \(gateway.name)")
        }
        if old.cluster?.podSubnet != new.cluster?.podSubnet || old.cluster?.serviceSubnet != new.cluster?.serviceSubnet
            || old.cluster?.name != new.cluster?.name || old.cluster?.image != new.cluster?.image
        {
            lines.append("cluster settings changed (name, image, pod or service subnet)")
        }
        if old.registry != new.registry { lines.append("registry changed") }
        if old.topology != new.topology { lines.append("topology settings changed (name or MTU)") }
        return lines
    }

    private static func describe(_ node: NodePlan) -> String {
        guard let attachment = node.attachment else { return node.role.rawValue }
        return "\(node.role.rawValue), \(attachment.address) in \(attachment.rack)"
    }

    private static func labels(_ node: NodePlan) -> String {
        node.labels.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    private static func rules(_ gateway: GatewayPlan) -> String {
        gateway.masquerades.map { "\($0.rule): \($0.source) via \($0.outbound)" }.joined(separator: "; ")
    }

    private static func compareKeyed<T: Equatable>(
        _ what: String, _ old: [T], _ new: [T], key: (T) -> String, describe: (T) -> String
    ) -> [String] {
        var lines: [String] = []
        let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        for item in new {
            if let previous = before[key(item)] {
                // Compare what the summary shows: lab.json does not keep source locations, and
                // changes of membership (a rack's node names) are reported as nodes added or removed.
                if describe(previous) != describe(item) {
                    lines.append("\(what) \(key(item)): \(describe(previous)) -> \(describe(item))")
                }
            } else {
                lines.append("\(what) added: \(key(item)) (\(describe(item)))")
            }
        }
        for item in old where after[key(item)] == nil {
            lines.append("\(what) removed: \(key(item)) (\(describe(item)))")
        }
        return lines
    }

    /// Reads the `lab.json` of a lab folder, if it has one that decodes.
    public static func readPlan(in folder: URL) -> LabPlan? {
        guard
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(ArtifactPaths.labModel).path)
        else {
            return nil
        }
        return try? LabModelRenderer.decode(String(decoding: data, as: UTF8.self))
    }
}
