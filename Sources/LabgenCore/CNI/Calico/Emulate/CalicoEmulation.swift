import Foundation
import LabModel

/// Calico's datapath as labgen emulates it (see docs/emulate.md for the behaviour followed and
/// the sources): IPAM blocks per node, pod veths with /32 routes, the routes Felix programs per
/// remote block (plain, tunl0 or vxlan.calico), blackholes for own blocks, natOutgoing.
enum CalicoEmulation {
    /// Interfaces calico-node's first-found method skips (its default exclusion list).
    static let firstFoundSkipped = [
        "docker", "cbr", "dummy", "virbr", "lxcbr", "veth", "lo", "cali", "tunl", "flannel", "kube-ipvs", "vxlan",
        "cilium", "cni", "wg", "nodelocaldns",
    ]

    static func program(
        _ plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace], facts: LabFacts, kind: KindFacts
    ) throws(EmulationPlanError) {
        let podSubnet = kind.podSubnet?.value ?? KindFacts.defaultPodSubnet
        plan.pools = facts.pools.filter { !$0.disabled }.map { pool in
            EmuPool(
                name: pool.name, cidr: (pool.cidr?.value ?? podSubnet).canonical, blockSize: pool.effectiveBlockSize,
                ipipMode: pool.ipip, vxlanMode: pool.vxlan, natOutgoing: pool.natOutgoing,
                nodeSelector: pool.nodeSelector?.value ?? "all()")
        }
        guard !plan.pools.isEmpty else {
            throw EmulationPlanError("no enabled Calico IPPool: the lab has no pod network to emulate")
        }
        plan.autodetection = facts.calicoNode.first?.autodetection?.value ?? Conventions.calicoAutodetection

        // IP autodetection.
        for index in plan.nodes.indices {
            let ns = namespaces[plan.nodes[index].namespace]!
            let candidates = ns.interfaces.flatMap { i in i.addresses.map { (i.name, $0, i.mtu ?? 1500) } }
            guard let found = try autodetect(plan.autodetection, candidates: candidates, node: plan.nodes[index]) else {
                throw EmulationPlanError(
                    "calico-node's IP_AUTODETECTION_METHOD=\(plan.autodetection) finds no address on node \(plan.nodes[index].name) "
                        + "(addresses: \(candidates.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))")
            }
            plan.nodes[index].calicoInterface = found.0
            plan.nodes[index].calicoAddress = found.1
            plan.nodes[index].hostMTU = found.2
        }
        if let node = plan.nodes.first(where: { $0.calicoInterface == "eth0" }),
            plan.nodes.contains(where: { $0.rackBridge != nil })
        {
            plan.notes.append(
                "calico-node's \(plan.autodetection) autodetection picks eth0 (kind's docker network, \(node.calicoAddress!)) on \(node.name): "
                    + "Calico sees all nodes in one subnet")
        }

        // Blocks: block i of a pool to the i-th node its selector picks.
        for pool in plan.pools {
            let selected = plan.nodes.indices.filter {
                NodeSelector.matches(pool.nodeSelector, labels: plan.nodes[$0].labels)
            }
            let blockSize = UInt64(1) << UInt64(32 - pool.blockSize)
            for (i, nodeIndex) in selected.enumerated() {
                guard pool.blockSize >= pool.cidr.length, UInt64(i + 1) * blockSize <= pool.cidr.size,
                    let base = pool.cidr.address(at: UInt64(i) * blockSize)
                else {
                    throw EmulationPlanError(
                        "pool \(pool.name) (\(pool.cidr), blockSize \(pool.blockSize)) has no block left for node \(plan.nodes[nodeIndex].name)"
                    )
                }
                plan.nodes[nodeIndex].blocks.append(
                    EmuBlock(pool: pool.name, prefix: IPv4Prefix(base, length: pool.blockSize)))
            }
        }
        let anyIPIP = plan.pools.contains { $0.ipipMode != "Never" }
        let anyVXLAN = plan.pools.contains { $0.vxlanMode != "Never" }
        let overhead = anyVXLAN ? Encapsulation.vxlan.overhead : anyIPIP ? Encapsulation.ipip.overhead : 0

        // Tunnel addresses, pods, MTU.
        for index in plan.nodes.indices {
            var node = plan.nodes[index]
            func poolOf(_ block: EmuBlock) -> EmuPool { plan.pools.first { $0.name == block.pool }! }
            var used: [IPv4Prefix: UInt64] = [:]
            func take(_ block: EmuBlock) -> IPv4Address {
                let offset = used[block.prefix, default: 0]
                used[block.prefix] = offset + 1
                return block.prefix.address(at: offset)!
            }
            if let block = node.blocks.first(where: { poolOf($0).ipipMode != "Never" }) {
                node.ipipTunnelAddress = take(block)
            }
            if let block = node.blocks.first(where: { poolOf($0).vxlanMode != "Never" }) {
                node.vxlanTunnelAddress = take(block)
                node.vxlanMAC = String(format: "66:6c:67:00:%02x:%02x", (index >> 8) & 0xff, index & 0xff)
            }
            node.podMTU = facts.vethMTU?.value ?? node.hostMTU - overhead
            if !node.blocks.isEmpty {
                for k in 0..<2 {
                    let block = node.blocks[k % node.blocks.count]
                    let id = "\(node.namespace)p\(k)"
                    let pod = EmuPod(
                        name: "\(node.name)/pod\(k)", namespace: id, address: take(block), pool: block.pool,
                        hostInterface: "cali\(k)")
                    node.pods.append(pod)
                    var podNS = EmuNamespace(id: id, label: pod.name, role: .pod)
                    podNS.interfaces = [
                        EmuInterface(name: "lo", kind: .loopback),
                        EmuInterface(
                            name: "eth0", kind: .veth, addresses: [IPv4Interface(pod.address, length: 32)],
                            mtu: node.podMTU,
                            segment: "veth:\(id)"),
                    ]
                    let gateway = IPv4Address(169, 254, 1, 1)
                    podNS.routes = [
                        EmuRoute(destination: IPv4Prefix(gateway, length: 32), device: "eth0", linkScope: true),
                        EmuRoute(destination: IPv4Prefix("0.0.0.0/0")!, via: gateway, device: "eth0"),
                    ]
                    namespaces[id] = podNS
                    plan.links.append(
                        EmuLink(
                            namespaceA: node.namespace, interfaceA: pod.hostInterface, namespaceB: id,
                            interfaceB: "eth0", mtu: node.podMTU))
                    namespaces[node.namespace]!.interfaces.append(
                        EmuInterface(
                            name: pod.hostInterface, kind: .veth, mtu: node.podMTU, segment: "veth:\(id)",
                            proxyARP: true, podVeth: true))
                    namespaces[node.namespace]!.routes.append(
                        EmuRoute(
                            destination: IPv4Prefix(pod.address, length: 32), device: pod.hostInterface, linkScope: true
                        ))
                }
            }
            if let address = node.ipipTunnelAddress {
                namespaces[node.namespace]!.interfaces.append(
                    EmuInterface(
                        name: "tunl0", kind: .ipip, addresses: [IPv4Interface(address, length: 32)],
                        mtu: node.hostMTU - 20))
            }
            if let address = node.vxlanTunnelAddress {
                namespaces[node.namespace]!.interfaces.append(
                    EmuInterface(
                        name: "vxlan.calico", kind: .vxlan, addresses: [IPv4Interface(address, length: 32)],
                        mtu: node.hostMTU - 50))
            }
            for block in node.blocks {
                namespaces[node.namespace]!.routes.append(EmuRoute(destination: block.prefix, blackhole: true))
            }
            plan.nodes[index] = node
        }

        // Routes to remote blocks, as Felix programs them.
        for local in plan.nodes {
            guard let localAddress = local.calicoAddress, let localInterface = local.calicoInterface else { continue }
            var peers: [EmuVXLANPeer] = []
            for remote in plan.nodes where remote.name != local.name {
                guard let remoteAddress = remote.calicoAddress?.address else { continue }
                let sameSubnet = localAddress.subnet.contains(remoteAddress)
                for block in remote.blocks {
                    let pool = plan.pools.first { $0.name == block.pool }!
                    let route: EmuRoute
                    if pool.ipipMode == "Always" || (pool.ipipMode == "CrossSubnet" && !sameSubnet) {
                        route = EmuRoute(destination: block.prefix, via: remoteAddress, device: "tunl0", onlink: true)
                    } else if pool.vxlanMode == "Always" || (pool.vxlanMode == "CrossSubnet" && !sameSubnet),
                        let vtep = remote.vxlanTunnelAddress, let mac = remote.vxlanMAC
                    {
                        route = EmuRoute(destination: block.prefix, via: vtep, device: "vxlan.calico", onlink: true)
                        if !peers.contains(where: { $0.vtep == vtep }) {
                            peers.append(EmuVXLANPeer(vtep: vtep, mac: mac, nodeAddress: remoteAddress))
                        }
                    } else if sameSubnet {
                        route = EmuRoute(destination: block.prefix, via: remoteAddress, device: localInterface)
                    } else {
                        // No encapsulation across subnets: BGP's next hop, resolved recursively (BIRD's
                        // `gateway recursive`) through the node's route to the remote node.
                        let next = namespaces[local.namespace]!.execRoutes.first?.via ?? kindNetworkGateway
                        route = EmuRoute(destination: block.prefix, via: next)
                    }
                    namespaces[local.namespace]!.routes.append(route)
                }
            }
            if !peers.isEmpty { plan.vxlanPeers[local.namespace] = peers }
            let natPools = plan.pools.filter(\.natOutgoing).map(\.cidr)
            if !natPools.isEmpty {
                namespaces[local.namespace]!.masquerades.append(
                    EmuMasquerade(
                        sources: natPools, exceptDestinations: plan.pools.map(\.cidr),
                        origin:
                            "natOutgoing of pool \(plan.pools.filter(\.natOutgoing).map(\.name).joined(separator: ", "))"
                    ))
            }
        }
    }

    static var kindNetworkGateway: IPv4Address { EmulationPlanner.kindNetwork.address(at: 1)! }

    /// calico-node's IP_AUTODETECTION_METHOD over a node's (interface, address, MTU) in interface order.
    static func autodetect(
        _ method: String, candidates: [(String, IPv4Interface, Int)], node: EmuNode
    ) throws(EmulationPlanError) -> (String, IPv4Interface, Int)? {
        let usable = candidates.filter { $0.0 != "lo" }
        if method == Conventions.calicoAutodetection || method.isEmpty {
            return usable.first { c in !firstFoundSkipped.contains { c.0.hasPrefix($0) } }
        }
        if method.hasPrefix("cidr=") {
            let cidrs = method.dropFirst(5).split(separator: ",").compactMap {
                IPv4Prefix($0.trimmingCharacters(in: .whitespaces))
            }
            return usable.first { c in cidrs.contains { $0.contains(c.1.address) } }
        }
        if method.hasPrefix("interface=") || method.hasPrefix("skip-interface=") {
            let skip = method.hasPrefix("skip-")
            let patterns = method.split(separator: "=", maxSplits: 1).last!.split(separator: ",").map(String.init)
            let expressions = patterns.compactMap { try? NSRegularExpression(pattern: $0) }
            func matches(_ name: String) -> Bool {
                expressions.contains { $0.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil }
            }
            return usable.first { skip ? !matches($0.0) : matches($0.0) }
        }
        if method == "kubernetes-internal-ip" {
            return usable.first { $0.1.address == node.nodeIP }
        }
        if method.hasPrefix("can-reach=") {
            let target = IPv4Address(String(method.dropFirst("can-reach=".count)))
            return usable.first { c in target.map { c.1.subnet.contains($0) } ?? false }
                ?? usable.first { $0.0 != "eth0" }
        }
        throw EmulationPlanError(
            "IP_AUTODETECTION_METHOD '\(method)' is not one labgen emulates (first-found, cidr=, interface=, "
                + "skip-interface=, kubernetes-internal-ip, can-reach=)")
    }
}

/// Calico's label selectors, the subset labs use: `all()`, `k == 'v'`, `k != 'v'`, `has(k)`,
/// `!has(k)`, `k in {'a','b'}`, joined with `&&`.
public enum NodeSelector {
    public static func matches(_ selector: String, labels: [String: String]) -> Bool {
        let text = selector.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text == "all()" { return true }
        return text.components(separatedBy: "&&").allSatisfy { term(String($0), labels) }
    }

    static func unquote(_ s: Substring) -> String {
        s.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
    }

    static func term(_ raw: String, _ labels: [String: String]) -> Bool {
        var text = raw.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("("), text.hasSuffix(")") {
            text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        if text == "all()" { return true }
        if text.hasPrefix("!has("), text.hasSuffix(")") { return labels[String(text.dropFirst(5).dropLast())] == nil }
        if text.hasPrefix("has("), text.hasSuffix(")") { return labels[String(text.dropFirst(4).dropLast())] != nil }
        if let range = text.range(of: "!=") {
            return labels[unquote(text[..<range.lowerBound])] != unquote(text[range.upperBound...])
        }
        if let range = text.range(of: "==") {
            return labels[unquote(text[..<range.lowerBound])] == unquote(text[range.upperBound...])
        }
        if let range = text.range(of: " not in ") ?? text.range(of: " in ") {
            let key = unquote(text[..<range.lowerBound])
            let values = text[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "{} "))
                .split(separator: ",").map(unquote)
            let inSet = labels[key].map(values.contains) ?? false
            return text[range].contains("not") ? !inSet : inSet
        }
        return false
    }
}
