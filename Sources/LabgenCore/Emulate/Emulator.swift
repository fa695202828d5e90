import Foundation
import LabModel

/// One row of the emulation report.
public struct CheckResult: Sendable, Hashable {
    public var check: String
    public var passed: Bool
    public var evidence: String
    /// What the user sees in the real lab when this fails.
    public var realLab: String?

    public init(check: String, passed: Bool, evidence: String, realLab: String? = nil) {
        self.check = check
        self.passed = passed
        self.evidence = evidence
        self.realLab = realLab
    }
}

/// What an emulation found.
public struct EmulationReport: Sendable {
    public var lab: String
    public var rows: [CheckResult] = []
    public var notes: [String] = []
    public var seconds: Double = 0
    public var passed: Bool { rows.allSatisfy(\.passed) }
}

/// Builds a lab's plan in network namespaces, runs the checks and removes everything again.
public final class Emulator: @unchecked Sendable {
    public let plan: EmulationPlan
    /// The lab folder (bridges.sh is run from it).
    public let folder: URL
    let runner: EmulationRunner
    let cleanup: EmulationCleanup
    /// `lgemu<pid: 6 hex><n: 2 hex><random: 2 hex>`: every namespace of this run is `<prefix>-<id>`.
    public let prefix: String
    var tunnels: [String: UserspaceTunnel] = [:]
    /// Whether the IPIP device is the kernel's (else labgen's user-space endpoint).
    var kernelIPIP = false
    private let lock = NSLock()
    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    public init(plan: EmulationPlan, folder: URL, runner: EmulationRunner = EmulationRunner()) {
        self.plan = plan
        self.folder = folder
        self.runner = runner
        cleanup = EmulationCleanup(runner: runner)
        let n = Self.counterLock.withLock { () -> Int in
            Self.counter += 1
            return Self.counter
        }
        // Fixed widths, so that no two runs (pid, counter) can spell the same prefix.
        prefix = String(format: "lgemu%06x%02x%02x", Int(getpid()), n & 0xff, Int(UInt8.random(in: 0...255)))
    }

    func ns(_ id: String) -> String { prefix + "-" + id }

    /// Removes a file or folder when the emulation ends, also on SIGINT/SIGTERM.
    public func removeAtEnd(_ url: URL) {
        cleanup.add(stopper: { try? FileManager.default.removeItem(at: url) })
    }

    /// What the machine lacks to emulate (nil when it can): not Linux, not root, missing programs.
    public static func missingPrerequisites(for plan: EmulationPlan?, runner: EmulationRunner = EmulationRunner())
        -> String?
    {
        #if !os(Linux)
        return "emulation needs Linux network namespaces; this is not Linux"
        #else
        if geteuid() != 0 { return "emulation creates network namespaces and needs root (run it with sudo)" }
        var programs = [
            ("ip", "iproute2"), ("nft", "nftables"), ("ping", "iputils-ping"), ("tcpdump", "tcpdump"),
            ("sh", "a POSIX shell"),
        ]
        if plan?.pools.contains(where: { $0.vxlanMode != "Never" }) ?? true {  // `bridge fdb`
            programs.append(("bridge", "iproute2"))
        }
        let missing = programs.filter { runner.find($0.0) == nil }
        if !missing.isEmpty {
            return "missing \(missing.map { "\($0.0) (package \($0.1))" }.joined(separator: ", ")); "
                + "install with: apt-get install -y iproute2 nftables iputils-ping tcpdump"
        }
        let tunnels = plan?.namespaces.contains { namespace in
            namespace.interfaces.contains { $0.kind == .ipip || $0.kind == .geneve }
        }
        if !FileManager.default.fileExists(atPath: "/dev/net/tun"), tunnels ?? false {
            return "/dev/net/tun is missing (IPIP and Geneve are emulated with a TUN device)"
        }
        return nil
        #endif
    }

    /// Builds, checks, removes. Returns nil with `problem` set when the machine cannot emulate.
    public func run(trace: ((String) -> Void)? = nil) -> Result<EmulationReport, EmulationPlanError> {
        let start = Date()
        cleanup.register()
        defer {
            stopTunnels()
            cleanup.run()
            cleanup.unregister()
        }
        var report = EmulationReport(lab: plan.labName)
        report.notes = plan.notes
        let names = plan.namespaces.map { ns($0.id) }
        cleanup.add(namespaces: names)
        let created = runner.run(["ip", "-batch", "-"], input: names.map { "netns add \($0)\n" }.joined())
        guard created.succeeded else {
            return .failure(EmulationPlanError("cannot create network namespaces: \(created.firstMessage)"))
        }
        report.rows += setUp()
        report.rows += EmulationChecks(emulator: self).run()
        report.seconds = Date().timeIntervalSince(start)
        return .success(report)
    }

    // MARK: - Setup

    /// Runs `lines` through `ip -batch` (in a namespace, or at the top for `netns` links) and
    /// returns the failures as (description, message).
    func batch(_ namespace: String?, _ lines: [(command: String, what: String)]) -> [(what: String, message: String)] {
        guard !lines.isEmpty else { return [] }
        var arguments = ["ip"]
        if let namespace { arguments += ["-n", ns(namespace)] }
        arguments += ["-force", "-batch", "-"]
        let result = runner.run(arguments, input: lines.map { $0.command + "\n" }.joined())
        if result.succeeded { return [] }
        var failures: [(String, String)] = []
        var pending: [String] = []
        for line in result.error.split(separator: "\n").map(String.init) {
            if line.hasPrefix("Command failed -:"), let number = Int(line.dropFirst("Command failed -:".count)),
                number >= 1, number <= lines.count
            {
                failures.append((lines[number - 1].what, pending.joined(separator: "; ")))
                pending = []
            } else {
                pending.append(line)
            }
        }
        if failures.isEmpty { failures.append(("ip -batch", result.firstMessage)) }
        return failures
    }

    /// Writes /proc/sys values inside a namespace (no procps needed).
    func sysctl(_ namespace: String, _ values: [(String, String)]) -> CommandResult {
        let script = values.map { "echo \($0.1) > /proc/sys/\($0.0.replacingOccurrences(of: ".", with: "/"))" }.joined(
            separator: " && ")
        return runner.run(["ip", "netns", "exec", ns(namespace), "sh", "-c", script])
    }

    /// Runs jobs at the same time (each waits on programs, not the CPU).
    func concurrently<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) -> R) -> [R] {
        let slots = Slots<R>(items.count)
        let lock = NSLock()
        let group = DispatchGroup()
        for (index, item) in items.enumerated() {
            group.enter()
            let thread = Thread {
                let value = body(item)
                lock.withLock { slots.values[index] = value }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return slots.values.map { $0! }
    }

    func setUp() -> [CheckResult] {
        var rows: [CheckResult] = []
        // Before any interface exists: no reverse-path filter, no IPv6 chatter, forwarding where it routes.
        let sysctls = concurrently(plan.namespaces) { [self] namespace -> String? in
            var values = [
                ("net.ipv4.conf.all.rp_filter", "0"), ("net.ipv4.conf.default.rp_filter", "0"),
                ("net.ipv6.conf.all.disable_ipv6", "1"), ("net.ipv6.conf.default.disable_ipv6", "1"),
                ("net.ipv4.ip_forward", namespace.forwarding ? "1" : "0"),
            ]
            if namespace.role == .host { values.append(("net.bridge.bridge-nf-call-iptables", "0")) }
            var result = sysctl(namespace.id, values)
            if !result.succeeded, namespace.role == .host { result = sysctl(namespace.id, Array(values.dropLast())) }
            return result.succeeded ? nil : "\(namespace.label): \(result.firstMessage)"
        }.compactMap { $0 }

        // Every veth pair, created directly in its two namespaces (nothing in the host's own).
        let linkLines = plan.links.map { link in
            (
                command:
                    "link add \(link.interfaceA) netns \(ns(link.namespaceA)) mtu \(link.mtu) type veth peer name \(link.interfaceB) "
                    + "netns \(ns(link.namespaceB)) mtu \(link.mtu)",
                what: "\(label(link.namespaceA)):\(link.interfaceA) <-> \(label(link.namespaceB)):\(link.interfaceB)"
                    + (link.origin.map { " (\($0))" } ?? "")
            )
        }
        let linkFailures = batch(nil, linkLines)

        // Per namespace, in parallel.
        let jobs = concurrently(plan.namespaces) { [self] namespace -> [String: [String]] in
            switch namespace.role {
            case .host: return setUpHost(namespace)
            case .node: return setUpNode(namespace)
            case .pod:
                return [
                    "cni datapath": batch(namespace.id, basicLines(namespace)).map { "\($0.what): \($0.message)" }
                ]
            case .gateway: return setUpGateway(namespace)
            case .outside, .other:
                return ["links": batch(namespace.id, basicLines(namespace)).map { "\($0.what): \($0.message)" }]
            }
        }
        var problems: [String: [String]] = [:]
        for job in jobs { problems.merge(job) { $0 + $1 } }
        problems["links", default: []] =
            linkFailures.map { "\($0.what): \($0.message)" } + problems["links", default: []]
        problems["namespaces", default: []] += sysctls

        let scriptRow = problems["bridges.sh up"]
        rows.append(
            CheckResult(
                check: "bridges.sh up (host namespace)", passed: scriptRow?.isEmpty ?? false,
                evidence: scriptRow.map {
                    $0.isEmpty ? "created \(plan.topologyBridges.joined(separator: " "))" : $0.joined(separator: "; ")
                }
                    ?? "the lab has no bridge script",
                realLab:
                    "bridges.sh does not create the rack bridges: 'containerlab deploy' stops because a bridge node does not exist"
            ))
        let missingBridges = problems["missing bridges", default: []]
        let linkProblems = problems["links", default: []] + problems["namespaces", default: []]
        rows.append(
            CheckResult(
                check: "topology links (veth pairs, bridge ports)",
                passed: linkProblems.isEmpty && missingBridges.isEmpty,
                evidence: linkProblems.isEmpty && missingBridges.isEmpty
                    ? "\(plan.links.count) veth pairs, MTUs as the topology says"
                    : (missingBridges.map { "bridge \($0) does not exist after bridges.sh up" } + linkProblems).joined(
                        separator: "; "),
                realLab: missingBridges.isEmpty
                    ? "containerlab cannot create these links"
                    : "'containerlab deploy' fails: bridge \(missingBridges.joined(separator: ", ")) is not there "
                        + "(the topology has it as a bridge node, bridges.sh does not create it)"))
        let execProblems = problems["exec", default: []]
        rows.append(
            CheckResult(
                check: "servers' exec commands (verbatim)", passed: execProblems.isEmpty,
                evidence: execProblems.isEmpty
                    ? "\(plan.nodes.reduce(0) { $0 + $1.exec.count }) commands in \(plan.nodes.filter { !$0.exec.isEmpty }.count) node namespaces"
                    : execProblems.joined(separator: "; "),
                realLab: "containerlab reports the failing exec and the server is left half-configured"))
        for gateway in plan.gateways {
            let found = problems["gateway \(gateway.name)", default: []]
            rows.append(
                CheckResult(
                    check: "gateway \(gateway.name) from \(gateway.configFile)", passed: found.isEmpty,
                    evidence: found.isEmpty ? gatewaySummary(gateway) : found.joined(separator: "; "),
                    realLab: "VyOS does not load this configuration as intended"))
        }
        let cni = problems["cni datapath", default: []]
        rows.append(
            CheckResult(
                check: "\(plan.cni) datapath (\(plan.cni == "Calico" ? "blocks" : "node pod subnets"), pods, routes)",
                passed: cni.isEmpty,
                evidence: cni.isEmpty ? cniSummary() : cni.joined(separator: "; "),
                realLab: plan.cni == "Calico"
                    ? "Felix cannot program these routes" : "\(plan.cni) cannot program these devices and routes"))
        return rows
    }

    func label(_ id: String) -> String { plan.namespace(id)?.label ?? id }

    func gatewaySummary(_ gateway: EmuGateway) -> String {
        guard let namespace = plan.namespace(gateway.namespace) else { return "" }
        let addresses = namespace.interfaces.filter { !$0.addresses.isEmpty && $0.name != "eth0" }
            .map { "\($0.name) \($0.addresses.map(\.description).joined(separator: ","))" }
        return (addresses + ["\(namespace.routes.count) routes", "\(namespace.masquerades.count) masquerade rule(s)"])
            .joined(separator: ", ")
    }

    func cniSummary() -> String {
        let pools = plan.pools.map {
            plan.cni == "Calico"
                ? "\($0.name) \($0.cidr) /\($0.blockSize) ipip=\($0.ipipMode) vxlan=\($0.vxlanMode)"
                : "\($0.cidr) /\($0.blockSize) per node, \($0.describedMode)"
        }
        let detected = plan.nodes.compactMap { n in n.calicoAddress.map { "\($0.address)@\(n.calicoInterface ?? "?")" }
        }
        var text =
            "\(pools.joined(separator: "; ")); \(plan.autodetection) -> \(detected.joined(separator: " ")); "
            + "\(plan.nodes.reduce(0) { $0 + $1.pods.count }) pods"
        let devices = Set(plan.namespaces.flatMap { $0.interfaces.filter(\.isTunnel) }.map { "\($0.name)|\($0.kind)" })
        for device in devices.sorted() {
            let parts = device.split(separator: "|").map(String.init)
            switch parts[1] {
            case "ipip":
                text +=
                    lock.withLock { kernelIPIP }
                    ? "; \(parts[0]): the kernel's IPIP"
                    : "; \(parts[0]): labgen's user-space IPIP endpoint (this kernel has no IPIP)"
            case "geneve":
                text +=
                    "; \(parts[0]): labgen's user-space Geneve endpoint (UDP \(plan.genevePort), VNI \(plan.geneveVNI))"
            default:
                text += "; \(parts[0]): the kernel's VXLAN (VNI \(plan.vxlanVNI), UDP \(plan.vxlanPort))"
            }
        }
        return text
    }

    /// lo up, addresses, MTUs and up for every interface, bridge ports on their bridge, routes.
    func basicLines(_ namespace: EmuNamespace, routes: Bool = true) -> [(command: String, what: String)] {
        var lines: [(String, String)] = []
        for interface in namespace.interfaces {
            let name = interface.name
            if interface.kind == .bridge {
                lines.append(("link add \(name) type bridge", "bridge \(name)"))
            }
            if interface.kind == .ipip || interface.kind == .vxlan { continue }
            if let mtu = interface.mtu, interface.kind != .veth || namespace.role == .gateway {
                lines.append(("link set dev \(name) mtu \(mtu)", "mtu of \(name)"))
            }
            for address in interface.addresses {
                lines.append(("addr add \(address) dev \(name)", "address \(address) on \(name)"))
            }
            if let master = interface.master {
                lines.append(("link set dev \(name) master \(master)", "port \(name) of bridge \(master)"))
            }
            lines.append(("link set dev \(name) up", "\(name) up"))
        }
        if routes {
            for route in namespace.routes {
                lines.append(("route add \(route.description)", "route \(route.description)"))
            }
        }
        return lines
    }

    func setUpHost(_ namespace: EmuNamespace) -> [String: [String]] {
        var problems: [String: [String]] = [:]
        if let script = plan.bridgeScript {
            let result = runner.run([
                "ip", "netns", "exec", ns(namespace.id), "sh", "-c", "cd \"$1\" && sh \"$2\" up", "sh", folder.path,
                script,
            ])
            problems["bridges.sh up"] =
                result.succeeded ? [] : ["\(script) up exited \(result.status): \(result.firstMessage)"]
        }
        // The bridges the script made; the lab's bridges are not created by the emulator.
        let existing = runner.run(["ip", "-n", ns(namespace.id), "-o", "link", "show", "type", "bridge"]).output
        let made = Set(
            existing.split(separator: "\n").compactMap { line in
                line.split(separator: ":").dropFirst().first.map {
                    $0.trimmingCharacters(in: .whitespaces).split(separator: "@").first.map(String.init) ?? ""
                }
            })
        problems["missing bridges"] = plan.topologyBridges.filter { !made.contains($0) }
        var adjusted = namespace
        adjusted.interfaces.removeAll { $0.kind == .bridge && plan.topologyBridges.contains($0.name) }
        adjusted.interfaces.removeAll {
            $0.master.map { !made.contains($0) && $0 != EmulationPlanner.kindBridge } ?? false
        }
        problems["links", default: []] += batch(namespace.id, basicLines(adjusted)).map { "\($0.what): \($0.message)" }
        return problems
    }

    func setUpNode(_ namespace: EmuNamespace) -> [String: [String]] {
        var problems: [String: [String]] = [:]
        guard let node = plan.nodes.first(where: { $0.namespace == namespace.id }) else { return [:] }
        var underlay = namespace
        underlay.interfaces.removeAll { $0.podVeth || $0.isTunnel || $0.kind == .bridge }
        underlay.interfaces = underlay.interfaces.map {
            var i = $0
            i.addresses = $0.name == "eth0" ? $0.addresses : []
            return i
        }
        underlay.routes = namespace.routes.filter { $0.destination.length == 0 }
        problems["links"] = batch(namespace.id, basicLines(underlay)).map { "\($0.what): \($0.message)" }
        var execProblems: [String] = []
        for command in node.exec {
            let result = runner.run(["ip", "netns", "exec", ns(namespace.id), "sh", "-c", command.value])
            if !result.succeeded {
                execProblems.append(
                    "\(command.location): \(node.server ?? node.name): '\(command.value)' failed: \(result.firstMessage)"
                )
            }
        }
        problems["exec"] = execProblems
        problems["cni datapath"] = setUpCNI(namespace, node: node)
        return problems
    }

    /// The CNI's part of a node: tunnel devices, bridges, pod veths, neighbours, routes, NAT.
    func setUpCNI(_ namespace: EmuNamespace, node: EmuNode) -> [String] {
        var found: [String] = []
        let local = node.calicoAddress
        let device = node.calicoInterface
        var lines: [(command: String, what: String)] = []
        var userspace: [(name: String, tunnel: UserspaceTunnel)] = []
        for interface in namespace.interfaces where interface.isTunnel {
            let name = interface.name
            switch interface.kind {
            case .vxlan:
                guard let local, let device, let mac = node.vxlanMAC else { continue }
                lines.append(
                    (
                        "link add \(name) type vxlan id \(plan.vxlanVNI) dstport \(plan.vxlanPort) "
                            + "local \(local.address) dev \(device) nolearning", name
                    ))
                lines.append(("link set dev \(name) address \(mac)", "\(name) MAC"))
            case .ipip:
                // The kernel's IPIP when the kernel has it (the fallback tunl0 exists in every new
                // namespace once the module is loaded); labgen never loads a module itself.
                let kernel = runner.run(["ip", "-n", ns(namespace.id), "link", "show", "tunl0"]).succeeded
                if kernel {
                    lock.withLock { kernelIPIP = true }
                    if name != "tunl0", let local, let device {
                        lines.append(("link add \(name) type ipip local \(local.address) dev \(device)", name))
                    }
                } else {
                    do {
                        let tunnel = try UserspaceTunnel(namespace: ns(namespace.id), name: name, kind: .ipip)
                        userspace.append((name, tunnel))
                    } catch {
                        found.append(error.description)
                    }
                }
            case .geneve:
                do {
                    let kind = UserspaceTunnel.Kind.geneve(port: UInt16(plan.genevePort), vni: UInt32(plan.geneveVNI))
                    userspace.append((name, try UserspaceTunnel(namespace: ns(namespace.id), name: name, kind: kind)))
                } catch {
                    found.append(error.description)
                }
            default: break
            }
            if let mtu = interface.mtu {
                lines.append(("link set dev \(name) mtu \(mtu)", "\(name) mtu"))
            }
            for address in interface.addresses {
                lines.append(("addr add \(address) dev \(name)", "\(name) address"))
            }
            lines.append(("link set dev \(name) up", "\(name) up"))
        }
        lock.withLock {
            for (name, tunnel) in userspace { tunnels["\(namespace.id)/\(name)"] = tunnel }
        }
        for interface in namespace.interfaces where interface.kind == .bridge {
            lines.append(("link add \(interface.name) type bridge", "bridge \(interface.name)"))
            if let mtu = interface.mtu {
                lines.append(("link set dev \(interface.name) mtu \(mtu)", "\(interface.name) mtu"))
            }
            for address in interface.addresses {
                lines.append(("addr add \(address) dev \(interface.name)", "\(interface.name) address"))
            }
            lines.append(("link set dev \(interface.name) up", "\(interface.name) up"))
        }
        for interface in namespace.interfaces where interface.podVeth {
            if let master = interface.master {
                lines.append(("link set dev \(interface.name) master \(master)", "\(interface.name) on \(master)"))
            }
            lines.append(("link set dev \(interface.name) up", "\(interface.name) up"))
        }
        for peer in plan.vxlanPeers[namespace.id] ?? [] {
            lines.append(
                (
                    "neigh replace \(peer.vtep) lladdr \(peer.mac) dev \(plan.vxlanDevice) nud permanent",
                    "VXLAN neighbour \(peer.vtep)"
                ))
        }
        for route in namespace.routes where route.destination.length != 0 {
            lines.append(("route add \(route.description)", "route \(route.description)"))
        }
        let proxy = namespace.interfaces.filter(\.proxyARP).flatMap { i in
            [("net.ipv4.conf.\(i.name).proxy_arp", "1"), ("net.ipv4.neigh.\(i.name).proxy_delay", "0")]
        }
        found += batch(namespace.id, lines).map { "\(node.name): \($0.what): \($0.message)" }
        if !proxy.isEmpty {
            let result = sysctl(namespace.id, proxy)
            if !result.succeeded { found.append("proxy ARP: \(result.firstMessage)") }
        }
        if let peers = plan.vxlanPeers[namespace.id], !peers.isEmpty {
            let fdb = peers.map { "fdb append \($0.mac) dev \(plan.vxlanDevice) dst \($0.nodeAddress)\n" }.joined()
            let result = runner.run(["ip", "netns", "exec", ns(namespace.id), "bridge", "-batch", "-"], input: fdb)
            if !result.succeeded { found.append("\(node.name): VXLAN FDB: \(result.firstMessage)") }
        }
        if let message = nft(namespace) { found.append("\(node.name): masquerade: \(message)") }
        for (name, tunnel) in userspace {
            let routes = runner.run(["ip", "-n", ns(namespace.id), "-4", "route", "show", "dev", name])
            tunnel.start(routes: routes.output)
        }
        return found
    }

    func setUpGateway(_ namespace: EmuNamespace) -> [String: [String]] {
        let name = "gateway \(namespace.label)"
        var problems = batch(namespace.id, basicLines(namespace)).map { "\($0.what): \($0.message)" }
        if let message = nft(namespace) { problems.append("source NAT: \(message)") }
        return [name: problems]
    }

    /// The namespace's masquerade rules as an nftables table; nil when fine.
    func nft(_ namespace: EmuNamespace) -> String? {
        guard !namespace.masquerades.isEmpty else { return nil }
        let rules = namespace.masquerades.map { "        \($0.nftRule)\n" }.joined()
        let table =
            "table ip labgen_nat {\n    chain postrouting {\n        type nat hook postrouting priority srcnat; policy accept;\n"
            + rules + "    }\n}\n"
        let result = runner.run(["ip", "netns", "exec", ns(namespace.id), "nft", "-f", "-"], input: table)
        return result.succeeded ? nil : result.firstMessage
    }

    func stopTunnels() {
        let all = lock.withLock { () -> [UserspaceTunnel] in
            defer { tunnels = [:] }
            return Array(tunnels.values)
        }
        for tunnel in all { tunnel.stop() }
    }
}

/// Results of concurrent jobs, each written once under a lock.
final class Slots<R>: @unchecked Sendable {
    var values: [R?]
    init(_ count: Int) { values = Array(repeating: nil, count: count) }
}
