import Foundation
import LabModel
import LabgenCore

/// `labgen addresses`: the address plan of a lab as a table.
enum AddressesCommand: Subcommand {
    static let spec = CommandSpec(
        name: "addresses",
        abstract: "Print the address plan of labs: racks, subnets, gateways, and each node's address and its origin.",
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
            for (index, name) in rack.nodeNames.enumerated() {
                let node = nodes[name]
                rows.append([
                    index == 0 ? rack.name : "", index == 0 ? rack.subnet.description : "", index == 0 ? gateway : "",
                    name, node?.role.rawValue ?? "", node?.attachment?.address.address.description ?? "-",
                    node?.attachment?.addressOrigin.rawValue ?? "-", node?.attachment?.server ?? "-",
                ])
            }
        }
        for node in plan.nodes where node.attachment == nil {
            rows.append(["-", "-", "-", node.name, node.role.rawValue, "-", "-", "-"])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = "lab \(plan.name)\n"
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        if let cluster = plan.cluster {
            for pool in cluster.pools {
                text += "pod pool \(pool.name): \(pool.cidr) (block /\(pool.blockSize), ipip \(pool.ipipMode.rawValue), vxlan \(pool.vxlanMode.rawValue), \(pool.nodeSelector))\n"
            }
            text += "service subnet: \(cluster.effectiveServiceSubnet)\(cluster.serviceSubnet == nil ? " (kind's default)" : "")\n"
        }
        return text + "\n"
    }
}
