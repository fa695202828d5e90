import Foundation
import LabModel

/// The checks of an emulation: a ping matrix, DF pings at the path MTU, and captures on the
/// gateways' rack interfaces that show where pod traffic is encapsulated.
struct EmulationChecks {
    let emulator: Emulator
    var plan: EmulationPlan { emulator.plan }

    struct Ping: Sendable {
        var from: String
        var fromLabel: String
        var to: IPv4Address
        var toLabel: String
        /// ICMP payload with DF set (nil: a default ping).
        var size: Int?
        var expectReply: Bool
    }

    struct PingResult: Sendable {
        var ping: Ping
        var replied: Bool
        var evidence: String
        var ok: Bool { replied == ping.expectReply }
    }

    /// A node's address on its rack (its server's), else calico's, else eth0.
    func rackAddress(_ node: EmuNode) -> IPv4Address? { Self.rackAddress(node, plan) }

    static func rackAddress(_ node: EmuNode, _ plan: EmulationPlan) -> IPv4Address? {
        let namespace = plan.namespace(node.namespace)
        if let bridge = node.rackBridge,
            let address = namespace?.interfaces.first(where: { $0.segment == "bridge:" + bridge })?.addresses.first
        {
            return address.address
        }
        return node.calicoAddress?.address ?? namespace?.interface("eth0")?.addresses.first?.address
    }

    func run() -> [CheckResult] {
        let nodes = plan.nodes
        var racks: [String] = []
        for node in nodes { if let bridge = node.rackBridge, !racks.contains(bridge) { racks.append(bridge) } }
        func nodesOf(_ bridge: String) -> [EmuNode] { nodes.filter { $0.rackBridge == bridge && !$0.pods.isEmpty } }
        func rackName(_ bridge: String) -> String { nodesOf(bridge).first?.rack ?? bridge }

        var pings: [(category: String, ping: Ping)] = []
        func ping(
            _ category: String, _ from: String, _ fromLabel: String, _ to: IPv4Address?, _ toLabel: String,
            size: Int? = nil, expect: Bool = true
        ) {
            guard let to else { return }
            pings.append(
                (
                    category,
                    Ping(from: from, fromLabel: fromLabel, to: to, toLabel: toLabel, size: size, expectReply: expect)
                ))
        }
        for (i, a) in nodes.enumerated() {
            for b in nodes[(i + 1)...] {
                ping("node to node", a.namespace, a.name, rackAddress(b), b.name)
            }
            ping("node to outside", a.namespace, a.name, plan.outsideAddress, "outside")
            if a.pods.count >= 2 {
                ping("pod to pod, same node", a.pods[0].namespace, a.pods[0].name, a.pods[1].address, a.pods[1].name)
            }
            if let pod = a.pods.first {
                let masquerade = plan.cni == "Calico" ? "natOutgoing" : "\(plan.cni)'s masquerade"
                ping(
                    "pod to outside (\(masquerade), gateway masquerade)", pod.namespace, pod.name,
                    plan.outsideAddress, "outside")
            }
        }
        var sameRack: [(EmuPod, EmuPod, EmuNode, EmuNode)] = []
        for rack in racks {
            let members = nodesOf(rack)
            for (a, b) in zip(members, members.dropFirst()) {
                ping("pod to pod, same rack", a.pods[0].namespace, a.pods[0].name, b.pods[0].address, b.pods[0].name)
                sameRack.append((a.pods[0], b.pods[0], a, b))
            }
        }
        var crossRack: [(EmuPod, EmuPod, EmuNode, EmuNode)] = []
        var mtuPairs: [(EmuNode, EmuNode)] = []
        for (i, rackA) in racks.enumerated() {
            for rackB in racks[(i + 1)...] {
                guard let a = nodesOf(rackA).first, let b = nodesOf(rackB).first else { continue }
                for k in 0..<min(a.pods.count, b.pods.count) {
                    ping(
                        "pod to pod, across racks", a.pods[k].namespace, a.pods[k].name, b.pods[k].address,
                        b.pods[k].name)
                    crossRack.append((a.pods[k], b.pods[k], a, b))
                }
                mtuPairs.append((a, b))
                let pmtu = a.podMTU
                let title = "path MTU, pods \(rackName(rackA)) <-> \(rackName(rackB))"
                ping(title, a.pods[0].namespace, a.pods[0].name, b.pods[0].address, b.pods[0].name, size: pmtu - 28)
                ping(
                    title, a.pods[0].namespace, a.pods[0].name, b.pods[0].address, b.pods[0].name, size: pmtu - 27,
                    expect: false)
                if let linkMTU = rackMTU(a) {
                    let nodeTitle = "path MTU, nodes \(rackName(rackA)) <-> \(rackName(rackB))"
                    ping(nodeTitle, a.namespace, a.name, rackAddress(b), b.name, size: linkMTU - 28)
                    ping(nodeTitle, a.namespace, a.name, rackAddress(b), b.name, size: linkMTU - 27, expect: false)
                }
            }
        }

        let captures = Captures(emulator: emulator)
        captures.start()
        let results = emulator.concurrently(pings.map(\.ping)) { ping in Self.run(ping, emulator: emulator) }
        captures.stop()
        defer { captures.remove() }

        var rows: [CheckResult] = []
        var categories: [String] = []
        for item in pings where !categories.contains(item.category) { categories.append(item.category) }
        let outsideSources = captures.sources(to: plan.outsideAddress)
        for category in categories {
            let these = zip(pings, results).filter { $0.0.category == category }.map(\.1)
            let failed = these.filter { !$0.ok }
            if category.hasPrefix("path MTU") {
                let plain = results.filter { r in
                    r.ping.size == nil && these.contains { $0.ping.from == r.ping.from && $0.ping.to == r.ping.to }
                }
                rows.append(mtuRow(category, these, connected: plain.allSatisfy(\.replied)))
                continue
            }
            var evidence =
                failed.isEmpty
                ? "\(these.count)/\(these.count) replied"
                : failed.map { "\($0.ping.fromLabel) -> \($0.ping.toLabel) (\($0.ping.to)): \($0.evidence)" }.joined(
                    separator: "; ")
            if category.contains("outside") {
                let seen = outsideSources.isEmpty ? "none" : outsideSources.joined(separator: ", ")
                evidence += "; the outside saw echo requests from \(seen)"
            }
            rows.append(
                CheckResult(
                    check: category, passed: failed.isEmpty, evidence: evidence,
                    realLab: realLab(category, failed, outsideSources)))
        }
        let pairs = zip(pings, results).map { ($0.0.ping, $0.1) }
        rows += encapsulationRows(crossRack, captures: captures, results: pairs)
        // Within a rack: captured on the receiving node's rack interface (DirectRouting, CrossSubnet).
        rows += encapsulationRows(sameRack, captures: captures, results: pairs)
        rows.append(sameRackRow(sameRack, captures: captures))
        return rows
    }

    /// The MTU of a node's interface on its rack.
    func rackMTU(_ node: EmuNode) -> Int? {
        guard let bridge = node.rackBridge else { return nil }
        return plan.namespace(node.namespace)?.interfaces.first { $0.segment == "bridge:" + bridge }?.mtu
    }

    static func run(_ ping: Ping, emulator: Emulator) -> PingResult {
        var arguments = ["ip", "netns", "exec", emulator.ns(ping.from), "ping", "-n", "-c", "1", "-W", "1"]
        if let size = ping.size { arguments += ["-M", "do", "-s", String(size)] }
        arguments.append(ping.to.description)
        var result = emulator.runner.run(arguments)
        if !result.succeeded && ping.expectReply { result = emulator.runner.run(arguments) }
        let lines = (result.output + "\n" + result.error).split(separator: "\n").map(String.init)
        let evidence =
            lines.first {
                $0.contains("Unreachable") || $0.contains("local error") || $0.contains("too long")
                    || $0.contains("Network is")
            }
            ?? lines.first { $0.contains("packet loss") } ?? result.firstMessage
        return PingResult(ping: ping, replied: result.succeeded, evidence: evidence)
    }

    func mtuRow(_ title: String, _ results: [PingResult], connected: Bool) -> CheckResult {
        guard let at = results.first(where: { $0.ping.expectReply }),
            let above = results.first(where: { !$0.ping.expectReply })
        else {
            return CheckResult(check: title, passed: false, evidence: "no pings")
        }
        let size = at.ping.size! + 28
        let nodePath = !title.contains("pods")
        let overhead = plan.largestEncapsulation
        let podMTU = plan.cni == "Cilium" ? "the pods' route MTU" : "the pods' veth MTU"
        let origin =
            nodePath
            ? "the nodes' rack link MTU"
            : "\(podMTU) (host MTU \(size + overhead.overhead) - \(overhead.rawValue) \(overhead.overhead))"
        var evidence =
            "\(size)-byte DF ping \(at.ping.fromLabel) -> \(at.ping.toLabel): \(at.replied ? "arrived" : "lost (\(at.evidence))")"
        evidence += "; \(size + 1) bytes: \(above.replied ? "arrived" : "refused (\(above.evidence))")"
        evidence += "; \(size) is \(origin)"
        let passed = at.replied && !above.replied
        var real: String? = nil
        if !connected {
            return CheckResult(
                check: title, passed: false,
                evidence:
                    "not measured: \(at.ping.fromLabel) does not reach \(at.ping.toLabel) at all (see the ping rows)")
        }
        if !at.replied {
            let smallest = plan.links.filter { $0.mtu < size + (nodePath ? 0 : overhead.overhead) && $0.origin != nil }
                .map {
                    "\(emulator.label($0.namespaceA)):\($0.interfaceA) <-> \(emulator.label($0.namespaceB)):\($0.interfaceB) mtu \($0.mtu)"
                }
            if !smallest.isEmpty { evidence += "; smaller links on the way: " + smallest.joined(separator: ", ") }
            real =
                nodePath
                ? "nodes send \(size)-byte packets between these racks that the path does not carry: the gateway answers with "
                    + "ICMP 'fragmentation needed', and connections stall wherever that ICMP is filtered"
                : "pods send packets of up to \(size) bytes (their veth MTU) that the path between these racks does not carry: "
                    + "small requests work, large ones (kubectl logs/exec, image pulls, TLS handshakes) stall unless ICMP "
                    + "'fragmentation needed' makes it back through the tunnel to the pod"
        } else if above.replied {
            real = "packets larger than the MTU arrive: the path MTU is not what the lab's files say"
        }
        return CheckResult(check: title, passed: passed, evidence: evidence, realLab: real)
    }

    func realLab(_ category: String, _ failed: [PingResult], _ outsideSources: [String]) -> String? {
        guard !failed.isEmpty else { return nil }
        switch category {
        case "node to node":
            return "nodes cannot reach each other: 'kind create cluster' hangs joining workers, or nodes stay NotReady"
                + defaultRouteProblems()
        case "node to outside" where !defaultRouteProblems().isEmpty:
            return "nodes cannot reach the internet: image pulls and apt time out" + defaultRouteProblems()
        case "node to outside":
            if outsideSources.contains(where: {
                !EmulationPlanner.managementNetwork.contains(IPv4Address($0) ?? IPv4Address(0))
            }) {
                return
                    "the gateway forwards node traffic to the outside without masquerading it: replies never come back, "
                    + "so apt, image pulls and curl from the nodes time out"
            }
            return "nodes cannot reach the internet through the gateway: image pulls and apt time out"
        case "pod to pod, across racks"
        where plan.pools.contains { $0.ipipMode == "Never" && $0.vxlanMode == "Never" && $0.geneveMode == "Never" }:
            let gateways = plan.gateways.map(\.name).joined(separator: ", ")
            if let hint = plan.crossRackHint {
                return "pods cannot reach pods on other racks: \(hint); \(gateways) has no such route"
            }
            return "pods cannot reach pods on other racks: their pool does not encapsulate, so the packets carry pod "
                + "addresses through \(gateways), which has no route to the pod blocks (no BGP peering or static routes "
                + "for them)"
        case "pod to pod, same node", "pod to pod, same rack", "pod to pod, across racks":
            return
                "pods cannot reach each other (\(category.dropFirst("pod to pod, ".count))): Services and DNS fail for them"
        default:
            if outsideSources.contains(where: {
                !EmulationPlanner.managementNetwork.contains(IPv4Address($0) ?? IPv4Address(0))
            }) {
                return "pod traffic leaves the gateway with a lab-internal source address (no masquerade): "
                    + "pods cannot reach the internet, image pulls and curl from pods time out"
            }
            return "pods cannot reach the internet through the gateway: curl and package installs in pods time out"
        }
    }

    /// Nodes whose default route (from their server's exec) points at an address nobody on
    /// that network answers for.
    func defaultRouteProblems() -> String {
        var found: [String] = []
        for node in plan.nodes {
            guard let namespace = plan.namespace(node.namespace),
                let route = namespace.execRoutes.first(where: { $0.destination.length == 0 }),
                let via = route.via
            else { continue }
            let segment = namespace.interfaces.first { i in i.addresses.contains { $0.subnet.contains(via) } }?.segment
            let answered = plan.namespaces.contains { other in
                other.id != namespace.id
                    && other.interfaces.contains {
                        $0.segment == segment && $0.addresses.contains { $0.address == via }
                    }
            }
            if !answered {
                let gateway = plan.namespaces.first {
                    $0.role == .gateway && $0.interfaces.contains { $0.segment == segment && segment != nil }
                }
                let expected =
                    gateway?.interfaces.first { $0.segment == segment }?.addresses.first.map {
                        ", the gateway \(gateway!.label) is \($0.address)"
                    } ?? ""
                let origin = node.exec.first { $0.value.contains("default") }.map { " (\($0.location))" } ?? ""
                found.append(
                    "\(node.server ?? node.name)'s default route points at \(via), which nobody on its network answers\(expected)\(origin)"
                )
            }
        }
        return found.isEmpty ? "" : "; " + found.joined(separator: "; ")
    }

    func encapsulationRows(
        _ pairs: [(EmuPod, EmuPod, EmuNode, EmuNode)], captures: Captures, results: [(Ping, PingResult)]
    ) -> [CheckResult] {
        var groups: [(key: String, pairs: [(EmuPod, EmuPod, EmuNode, EmuNode)])] = []
        for pair in pairs {
            let key =
                pair.2.rackBridge == pair.3.rackBridge
                ? "within \(pair.2.rack ?? "?")" : "\(pair.2.rack ?? "?") -> \(pair.3.rack ?? "?")"
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].pairs.append(pair)
            } else {
                groups.append((key, [pair]))
            }
        }
        return groups.map { group in
            let checked = group.pairs.map { encapsulation($0, captures: captures, results: results) }
            let modes = Set(
                group.pairs.compactMap { pair in plan.pools.first { $0.name == pair.1.pool } }.map {
                    plan.cni == "Calico" ? "\($0.name): \($0.describedMode)" : "\(plan.cni) \($0.describedMode)"
                }
            ).sorted()
            return CheckResult(
                check: "encapsulation \(group.key) (\(modes.joined(separator: "; ")))",
                passed: checked.allSatisfy(\.passed),
                evidence: checked.map(\.evidence).joined(separator: "; "), realLab: checked.compactMap(\.realLab).first)
        }
    }

    /// The name of a node's interface on its rack bridge.
    static func rackInterface(_ node: EmuNode, _ plan: EmulationPlan) -> String? {
        guard let bridge = node.rackBridge else { return nil }
        return plan.namespace(node.namespace)?.interfaces.first { $0.segment == "bridge:" + bridge }?.name
    }

    /// `ip[OFFSET:4] = ADDRESS` for a BPF filter.
    static func word(_ offset: Int, _ address: IPv4Address) -> String {
        "ip[\(offset):4] = 0x" + String(format: "%08x", address.value)
    }

    func encapsulation(
        _ pair: (EmuPod, EmuPod, EmuNode, EmuNode), captures: Captures, results: [(Ping, PingResult)]
    ) -> CheckResult {
        let (p, q, a, b) = pair
        let title = ""
        guard let pool = plan.pools.first(where: { $0.name == q.pool }) else {
            return CheckResult(check: title, passed: true, evidence: "")
        }
        let expected = plan.designEncapsulation(from: a, to: b, pool: pool)
        let sameRack = a.rackBridge == b.rackBridge
        let gateway = plan.gateways.first { $0.rackInterfaces.contains { $0.bridge == a.rackBridge } }
        // Across racks: on the gateway's interface of the sender's rack; within a rack: on the
        // receiving node's rack interface (the traffic never reaches a gateway).
        let point: (namespace: String, interface: String, label: String)?
        if sameRack {
            point = Self.rackInterface(b, plan).map { (b.namespace, $0, "\(b.name) \($0)") }
        } else {
            point = gateway.flatMap { g in
                g.rackInterfaces.first { $0.bridge == a.rackBridge }.map {
                    (g.namespace, $0.interface, "\(g.name) \($0.interface)")
                }
            }
        }
        guard let point, let outerA = rackAddress(a), let outerB = rackAddress(b) else {
            return CheckResult(check: title, passed: true, evidence: "no interface on \(a.rack ?? "?") to capture on")
        }
        let at = point.label
        // Outer header without options (20 bytes); VXLAN adds UDP 8, VXLAN 8 and Ethernet 14.
        let ipip = captures.read(
            point.namespace, point.interface,
            "ip proto 4 and src host \(outerA) and dst host \(outerB) and \(Self.word(32, p.address)) and \(Self.word(36, q.address))"
        )
        // VXLAN and Geneve (no options) both put 50 bytes before the inner IPv4 header.
        let udp =
            "src host \(outerA) and dst host \(outerB) and \(Self.word(62, p.address)) and \(Self.word(66, q.address))"
        let vxlan = captures.read(
            point.namespace, point.interface, "udp dst port \(plan.vxlanPort) and " + udp, joinContinuation: true)
        let geneve = captures.read(point.namespace, point.interface, "udp dst port \(plan.genevePort) and " + udp)
        let plain = captures.read(
            point.namespace, point.interface, "icmp and src host \(p.address) and dst host \(q.address)")
        let counts: [Encapsulation: [String]] = [.ipip: ipip, .vxlan: vxlan, .geneve: geneve, .none: plain]
        let seen = counts[expected]!.count
        let others = counts.filter { $0.key != expected && !$0.value.isEmpty }
        let passed = seen > 0 && others.isEmpty
        var evidence = "\(p.address) -> \(q.address) at \(at): \(seen) \(expected.rawValue)"
        if let first = counts[expected]!.first { evidence += " [\(first.prefix(160))]" }
        for (kind, lines) in others.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            evidence += ", \(lines.count) \(kind.rawValue) [\(lines[0].prefix(160))]"
        }
        var real: String? = nil
        if !passed {
            let route = plan.namespace(a.namespace)?.routes.first { r in
                !r.blackhole && r.destination.length > 0 && r.destination.length < 32
                    && r.destination.contains(q.address)
            }
            let replied =
                results.first { $0.0.from == p.namespace && $0.0.to == q.address && $0.0.size == nil }?.1.replied
                ?? false
            let relation = a.rackBridge == b.rackBridge ? "the same rack" : "different racks"
            evidence += "; expected \(expected.rawValue) (\(a.rack ?? "?") and \(b.rack ?? "?") are \(relation))"
            if let route { evidence += "; \(a.name) routes it: \(route.description)" }
            if seen == 0 && others.isEmpty && replied {
                let bypassed = sameRack ? "\(b.name)'s rack interface" : (gateway?.name ?? "the gateway")
                real = "pod traffic between \(a.rack ?? "?") and \(b.rack ?? "?") bypasses \(bypassed)"
                if a.calicoInterface == "eth0", plan.cni == "Calico" {
                    real! +=
                        " and is not encapsulated: calico-node's \(plan.autodetection) autodetection takes eth0 (\(a.calicoAddress!.address), kind's docker "
                        + "network), so every node looks like one subnet, CrossSubnet never encapsulates and pods talk over the docker "
                        + "bridge; tcpdump on \(bypassed) shows nothing. IP_AUTODETECTION_METHOD=cidr=<rack subnets> fixes it"
                } else if a.calicoInterface == "eth0" {
                    let fix =
                        plan.cni == "Flannel"
                        ? "give flanneld --iface=<the rack interface>, or route the servers' default via their rack "
                            + "gateway"
                        : "set the kubelet node-ip to the rack address"
                    real! +=
                        ": \(plan.cni) takes eth0 (\(a.calicoAddress!.address), kind's docker network) as the node "
                        + "address (\(plan.autodetection)), so every node looks like one subnet and pods talk over the "
                        + "docker bridge; tcpdump on \(bypassed) shows nothing. To fix: \(fix)"
                } else {
                    real! += " and is not \(expected.rawValue) as the lab's files say"
                }
            } else if seen == 0 {
                real =
                    "pod traffic here is not \(expected.rawValue) as the \(plan.cni == "Calico" ? "pool's mode" : "CNI's mode") says"
            } else {
                real =
                    "pod traffic here is encapsulated differently from what the \(plan.cni == "Calico" ? "pool's mode" : "CNI's mode") says"
            }
        }
        return CheckResult(check: title, passed: passed, evidence: evidence, realLab: real)
    }

    func sameRackRow(_ pairs: [(EmuPod, EmuPod, EmuNode, EmuNode)], captures: Captures) -> CheckResult {
        var leaks: [String] = []
        for (p, q, a, b) in pairs {
            for gateway in plan.gateways {
                for (interface, _) in gateway.rackInterfaces {
                    var filter = "(host \(p.address) and host \(q.address))"
                    if let x = rackAddress(a), let y = rackAddress(b) {
                        filter +=
                            " or ((ip proto 4 or udp port \(plan.vxlanPort) or udp port \(plan.genevePort)) "
                            + "and host \(x) and host \(y))"
                    }
                    let lines = captures.read(gateway.namespace, interface, filter)
                    if !lines.isEmpty {
                        leaks.append("\(gateway.name) \(interface): \(lines.count) packet(s) [\(lines[0].prefix(100))]")
                    }
                }
            }
        }
        let racks = Set(pairs.compactMap { $0.2.rack }).sorted().joined(separator: ", ")
        return CheckResult(
            check: "same-rack pod traffic stays off the gateway", passed: leaks.isEmpty,
            evidence: leaks.isEmpty
                ? "\(pairs.count) same-rack pair(s) (\(racks)): 0 packets on any gateway interface"
                : leaks.joined(separator: "; "),
            realLab: leaks.isEmpty ? nil : "pods of one rack talk through the gateway instead of their rack bridge")
    }
}

/// tcpdump on every gateway rack interface and on the outside, written to pcap files.
final class Captures: @unchecked Sendable {
    let emulator: Emulator
    let directory: URL
    var processes: [(key: String, process: Process, error: URL)] = []

    init(emulator: Emulator) {
        self.emulator = emulator
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(emulator.prefix)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        emulator.removeAtEnd(directory)
    }

    func file(_ namespace: String, _ interface: String) -> URL {
        directory.appendingPathComponent("\(namespace)-\(interface).pcap")
    }

    func start() {
        var targets = emulator.plan.gateways.flatMap { g in g.rackInterfaces.map { (g.namespace, $0.interface) } }
        targets.append(("out", "mgmt"))
        for node in emulator.plan.nodes where !node.pods.isEmpty {
            if let interface = EmulationChecks.rackInterface(node, emulator.plan) {
                targets.append((node.namespace, interface))
            }
        }
        for (namespace, interface) in targets {
            let error = directory.appendingPathComponent("\(namespace)-\(interface).err")
            let arguments = [
                "ip", "netns", "exec", emulator.ns(namespace), "tcpdump", "--immediate-mode", "-i", interface, "-nn",
                "-U", "-s", "256",
                "-w", file(namespace, interface).path, "ip",
            ]
            if let process = try? emulator.runner.start(
                arguments, output: directory.appendingPathComponent("\(namespace)-\(interface).out"), error: error)
            {
                emulator.cleanup.add(process: process)
                processes.append(("\(namespace)-\(interface)", process, error))
            }
        }
        // Wait until each one listens.
        let deadline = Date().addingTimeInterval(3)
        for (_, process, error) in processes {
            while Date() < deadline, process.isRunning {
                if let text = try? String(contentsOf: error, encoding: .utf8), text.contains("listening on") { break }
                usleep(5_000)
            }
        }
    }

    func stop() {
        usleep(50_000)
        _ = emulator.concurrently(processes.map(\.process)) { EmulationRunner.stop($0) }
    }

    /// The packets of a capture that match a filter, one line each (`tcpdump -r`).
    func read(_ namespace: String, _ interface: String, _ filter: String, joinContinuation: Bool = false) -> [String] {
        // VXLAN on a port other than 4789 (Flannel's and Cilium's 8472): decoded as VXLAN all the same.
        let port = emulator.plan.vxlanPort
        let decode = port != 4789 && filter.contains("udp dst port \(port)") ? ["-T", "vxlan"] : []
        let result = emulator.runner.run(
            ["tcpdump", "-r", file(namespace, interface).path, "-nn", "-t"] + decode + [filter])
        var packets: [String] = []
        for line in result.output.split(separator: "\n").map(String.init) {
            // VXLAN prints the outer header, then the inner packet on the next line.
            if joinContinuation, let last = packets.last, last.hasSuffix(")") || last.contains("vni"),
                !last.contains(" | ")
            {
                packets[packets.count - 1] += " | " + line
            } else if line.hasPrefix("IP ") {
                packets.append(line)
            }
        }
        return packets
    }

    /// Source addresses of the echo requests the outside received.
    func sources(to address: IPv4Address) -> [String] {
        let lines = read("out", "mgmt", "icmp[icmptype] == icmp-echo and dst host \(address)")
        var seen: [String] = []
        for line in lines {
            let source = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            if !seen.contains(source) { seen.append(source) }
        }
        return seen
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
