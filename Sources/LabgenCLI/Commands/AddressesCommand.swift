import Foundation
import LabModel
import LabgenCore

/// `labgen addresses`: the address plan of a lab as a table: one row per node (rack, subnet and
/// where it came from, gateway address, node address and where it came from), then each
/// gateway's interfaces, static routes and masquerade rules, the transit link, and the pod pools.
enum AddressesCommand: Subcommand {
    static let spec = CommandSpec(
        name: "addresses",
        abstract: "Print the address plan of labs: racks, subnets, gateways, and each node's address and its origin.",
        discussion: """
            Names are printed escaped where they hold invisible or reordering characters (\\u{202E}).
            Exit status 0 on success, 1 when a lab has errors, 2 on usage and I/O problems.
            """,
        options: LabSelection.options,
        positionals: [LabSelection.labFiles])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        guard let (_, labs) = try LabSelection.compile(arguments, in: context) else { return ExitStatus.failure }
        for lab in labs {
            guard let plan = lab.plan else { continue }
            context.out(table(plan))
        }
        return ExitStatus.success
    }

    static func table(_ plan: LabPlan) -> String {
        var rows: [[String]] = [["RACK", "SUBNET", "GATEWAY", "NODE", "ROLE", "ADDRESS", "ORIGIN", "SERVER"]]
        let nodes = Dictionary(plan.nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for rack in plan.racks {
            let gateway = rack.gatewayAddress.map { "\($0)" + (rack.gateway.map { " (\($0))" } ?? "") } ?? "-"
            // Where the subnet came from, when labgen chose it.
            let origin: String =
                switch rack.subnetOrigin {
                case .slot?: " (slot)"
                case .allocated?: " (pool)"
                case .explicit?, nil: ""
                }
            let subnet = rack.subnet.description + origin
            for (index, name) in rack.nodeNames.enumerated() {
                let node = nodes[name]
                rows.append([
                    index == 0 ? rack.name : "", index == 0 ? subnet : "", index == 0 ? gateway : "",
                    name, node?.role.rawValue ?? "", node?.attachment?.address.address.description ?? "-",
                    node?.attachment?.addressOrigin.rawValue ?? "-", node?.attachment?.server ?? "-",
                ])
            }
        }
        for node in plan.nodes where node.attachment == nil {
            rows.append(["-", "-", "-", node.name, node.role.rawValue, "-", "-", "-"])
        }
        // Names are printed as the messages print them: invisible and reordering characters escaped.
        rows = rows.map { $0.map(\.debugEscaped) }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = "lab \(plan.name.debugEscaped)\n"
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        text += gatewayLines(plan)
        if let cluster = plan.cluster {
            for pool in cluster.pools {
                text += line(
                    "pod pool \(pool.name): \(pool.cidr) (block /\(pool.blockSize), ipip \(pool.ipipMode.rawValue), "
                        + "vxlan \(pool.vxlanMode.rawValue), \(pool.nodeSelector)\(pool.disabled ? ", disabled" : ""))")
            }
            text +=
                "service subnet: \(cluster.effectiveServiceSubnet)\(cluster.serviceSubnet == nil ? " (kind's default)" : "")\n"
        }
        return text + "\n"
    }

    /// A line of the plan, escaped as messages are (`String.debugEscaped`).
    static func line(_ text: String) -> String { text.debugEscaped + "\n" }

    /// One line per gateway interface, static route and masquerade rule, and the transit link.
    static func gatewayLines(_ plan: LabPlan) -> String {
        var text = ""
        let transitOrigins = Dictionary(
            (plan.transit?.members ?? []).map { ($0.gateway, $0.addressOrigin) }, uniquingKeysWith: { a, _ in a })
        for gateway in plan.gateways {
            text += line("gateway \(gateway.name) (VyOS \(gateway.release)):")
            for interface in gateway.interfaces {
                if let peer = interface.peer {
                    text += line("  \(interface.name) \(interface.address) to \(peer.node):\(peer.interface)")
                    continue
                }
                let place =
                    interface.rack.map { "rack \($0)" }
                    ?? "transit, \(transitOrigins[gateway.name]?.rawValue ?? "explicit")"
                text += line("  \(interface.name) \(interface.address) on \(interface.bridge ?? "") (\(place))")
            }
            for route in gateway.staticRoutes {
                text += line("  route \(route.destination) via \(route.nextHop)")
            }
            for rule in gateway.masquerades {
                text += line("  masquerade \(rule.source) out \(rule.outbound) (rule \(rule.rule))")
            }
        }
        if let transit = plan.transit {
            text += line("transit \(transit.subnet) on \(transit.bridge)")
        }
        return text
    }
}
