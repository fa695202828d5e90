import LabModel

// Calico's rules: the pools against kind's podSubnet and the node subnets (LG007, LG008), and
// calico-node's IP autodetection (LG017).
extension Verification {
    mutating func checkPools() {
        let subnets = nodeSubnets
        let nodeIndex = PrefixIndex(subnets.map { ($0.0, $0.1) })
        let pools = facts.pools.filter { !$0.disabled }
        let serverSubnets = Set(servers.compactMap { $0.rackAddress?.address.subnet })
        // Without servers (a kind-only lab), the subnets of the gateway ports stand for the racks.
        let nodeCount = serverSubnets.isEmpty ? Set(subnets.map(\.0)).count : serverSubnets.count
        for pool in pools {
            let cidr = pool.cidr ?? (pool.fromEnvironment ? podSubnet : nil)
            if let cidr {
                if let pod = podSubnet, pool.cidr != nil {
                    let podNote = Diagnostic.Note(
                        facts.kind?.podSubnet != nil ? "kind's podSubnet is \(pod.value)" : "kind's default podSubnet is \(pod.value)",
                        at: pod.location)
                    // One pool must be the pod subnet; with more (disabled ones included),
                    // each enabled pool lies in it.
                    if facts.pools.count == 1, cidr.value != pod.value {
                        error(
                            RuleID.podSubnet, "Calico pool '\(pool.name)' has cidr \(cidr.value) but kind's podSubnet is \(pod.value)",
                            at: cidr.location, notes: [podNote])
                    } else if facts.pools.count > 1, !pod.value.contains(cidr.value) {
                        error(
                            RuleID.podSubnet, "Calico pool '\(pool.name)' (\(cidr.value)) lies outside kind's podSubnet \(pod.value)",
                            at: cidr.location, notes: [podNote])
                    }
                }
                if let (subnet, location) = nodeIndex.overlapping(cidr.value) {
                    error(
                        RuleID.podSubnet, "Calico pool '\(pool.name)' (\(cidr.value)) overlaps node subnet \(subnet)",
                        at: cidr.location, notes: [Diagnostic.Note("node subnet \(subnet)", at: location)])
                }
                if let service = serviceSubnet, service.value.overlaps(cidr.value) {
                    error(
                        RuleID.podSubnet, "Calico pool '\(pool.name)' (\(cidr.value)) overlaps the service subnet \(service.value)",
                        at: cidr.location, notes: [Diagnostic.Note("service subnet", at: service.location)])
                }
                if cidr.value.length > pool.effectiveBlockSize {
                    error(
                        RuleID.podSubnet,
                        "Calico pool '\(pool.name)' (\(cidr.value)) is smaller than one /\(pool.effectiveBlockSize) block",
                        at: pool.blockSize?.location ?? cidr.location)
                }
            }
            let ipip = pool.ipip
            let vxlan = pool.vxlan
            if ipip != "Never" && vxlan != "Never" {
                error(
                    RuleID.encapsulation, "Calico pool '\(pool.name)' enables both IPIP (\(ipip)) and VXLAN (\(vxlan)); Calico rejects it",
                    at: pool.vxlanMode?.location ?? pool.location,
                    notes: [Diagnostic.Note("ipipMode", at: pool.ipipMode?.location)])
            }
            // No encapsulation across racks: the packets carry pod addresses to the gateway, which has no
            // route for them unless it peers BGP with the nodes (gatewaysPeerWithNodes).
            // Subnets the nodes are in (their servers' rack addresses): a gateway's other ports, such as
            // the transit link between gateways, hold no node.
            let rackSubnets = nodeCount
            if ipip == "Never" && vxlan == "Never" && !pool.disabled && rackSubnets >= 2 && !facts.vyos.isEmpty
                && !gatewaysPeerWithNodes
            {
                warning(
                    RuleID.encapsulation,
                    "Calico pool '\(pool.name)' encapsulates nothing but the nodes are in \(rackSubnets) subnets behind a gateway: pod traffic between racks reaches the gateway with pod addresses it has no route for (peer the gateway with BGP, or use CrossSubnet)",
                    at: pool.ipipMode?.location ?? pool.vxlanMode?.location ?? pool.location)
            }
            for mode in [pool.ipipMode, pool.vxlanMode].compactMap({ $0 }) where mode.value == "CrossSubnet" {
                let count = nodeCount
                if count < 2 && !(subnets.isEmpty && facts.clab == nil) {
                    warning(
                        RuleID.encapsulation,
                        "Calico pool '\(pool.name)' uses CrossSubnet but the nodes are in \(count) subnet\(count == 1 ? "" : "s"): nothing is ever encapsulated",
                        at: mode.location)
                }
            }
        }
        if pools.isEmpty, let pod = podSubnet, let (subnet, location) = nodeIndex.overlapping(pod.value) {
            error(
                RuleID.podSubnet, "kind's podSubnet \(pod.value) overlaps node subnet \(subnet)", at: pod.location,
                notes: [Diagnostic.Note("node subnet \(subnet)", at: location)])
        }
    }

    // MARK: - LG009

    mutating func checkAutodetection() {
        let pools = facts.pools.filter { !$0.disabled }
        guard !pools.isEmpty, !servers.isEmpty else { return }
        let method = facts.calicoNode.last { $0.autodetection != nil }?.autodetection
        let crossSubnet = pools.lazy.compactMap { pool in [pool.ipipMode, pool.vxlanMode].compactMap { $0 }.first { $0.value == "CrossSubnet" } }.first
        let subnetCount = Set(nodeSubnets.map(\.0)).count
        guard let method, method.value != "first-found" else {
            if let crossSubnet, subnetCount >= 2 {
                warning(
                    RuleID.autodetection,
                    "CrossSubnet with Calico's default IP autodetection (first-found): it picks kind's eth0 on the docker network, so every node looks like one subnet and nothing is encapsulated; set IP_AUTODETECTION_METHOD=cidr=\(nodeSubnets.map { $0.0.description }.sorted().joined(separator: ",")) on calico-node",
                    at: method?.location ?? crossSubnet.location)
            }
            return
        }
        let value = method.value
        if value.hasPrefix("cidr=") {
            let cidrs = value.dropFirst(5).split(separator: ",").compactMap { IPv4Prefix($0.labTrimming(" ")) }
            for server in servers {
                guard let address = server.rackAddress else { continue }
                if !cidrs.contains(where: { $0.contains(address.address.address) }) {
                    error(
                        RuleID.autodetection,
                        "IP_AUTODETECTION_METHOD=\(value) does not contain \(address.address.address) of \(server.node.name.value): Calico picks another address for that node",
                        at: method.location, notes: [Diagnostic.Note("rack address assigned here", at: address.location)])
                }
            }
        } else if value.hasPrefix("interface=") {
            let pattern = String(value.dropFirst("interface=".count))
            guard let regex = try? Regex(pattern) else { return }
            for server in servers {
                guard let address = server.rackAddress else { continue }
                if (try? regex.firstMatch(in: address.interface)) == nil {
                    error(
                        RuleID.autodetection,
                        "IP_AUTODETECTION_METHOD=\(value) does not match the rack interface \(address.interface) of \(server.node.name.value)",
                        at: method.location, notes: [Diagnostic.Note("rack address assigned here", at: address.location)])
                }
            }
        }
    }

    // MARK: - LG018
}
