import LabModel

/// The routed fabric's resolution: point-to-point links, plain hosts, and their router interfaces.
/// Pure functions: the resolver passes in what they need and applies what they return.
enum FabricResolver {
    /// What the link and host pass hands back to the resolver.
    struct Output {
        var links: [LinkPlan] = []
        var hosts: [HostPlan] = []
        /// Each router's link and host interfaces (by router name), before its racks take theirs.
        var interfaces: [String: [GatewayInterfacePlan]] = [:]
        /// Addresses and containerlab names the resolver records for its duplicate checks.
        var addresses: [(IPv4Address, what: String, location: SourceLocation)] = []
        var topologyNames: [(String, what: String, location: SourceLocation)] = []
        /// Link and host subnets, for the overlap check against racks.
        var subnets: [(IPv4Prefix, what: String, location: SourceLocation)] = []
        /// Calico's BGP, when Calico peers with the racks' routers (set by the BGP pass).
        var calicoBGP: CalicoBGPPlan?
    }

    /// VyOS's range for an ethernet MTU.
    static let mtuRange = 68...16000

    /// - Parameters:
    ///   - routers: every router that resolved, with its spec (gateways whose release or name failed
    ///     are left out, and so are links to them: their own error says why).
    ///   - declared: every router name the lab declares.
    static func resolve(
        links: [LinkSpec], pools: [LinkPoolSpec], hosts: [HostSpec], routers: [GatewaySpec], declared: Set<String>,
        serverImage: String, into diagnostics: inout DiagnosticList
    ) -> Output {
        var out = Output()
        let byName = Dictionary(routers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // Written interface names first, so that default names skip them wherever they are written.
        var written: [String: [String: SourceLocation]] = [:]
        func reserve(_ router: String, _ name: String?, at location: SourceLocation) -> Bool {
            guard let name else { return true }
            if let problem = FabricInterfaces.problem(name) {
                diagnostics.error(.routerInterfaceConflict, "router '\(router)' interface: \(problem)", at: location)
                return false
            }
            if let first = written[router]?[name] {
                diagnostics.error(
                    .routerInterfaceConflict, "router '\(router)' interface \(name) is written twice", at: location,
                    notes: [.init("\(name) is first written here", at: first)])
                return false
            }
            written[router, default: [:]][name] = location
            return true
        }
        func known(_ router: String, _ what: String, at location: SourceLocation) -> Bool {
            if byName[router] != nil { return true }
            if !declared.contains(router) {
                diagnostics.error(
                    .unknownRouter, "\(what) names router '\(router.debugEscaped)', which the lab does not declare",
                    at: location)
            }
            return false
        }
        var usable: [Bool] = []
        for link in links {
            var ok = known(link.a.router, "link", at: link.location) && known(link.b.router, "link", at: link.location)
            if ok && link.a.router == link.b.router {
                diagnostics.error(.unknownRouter, "link joins router '\(link.a.router)' to itself", at: link.location)
                ok = false
            }
            if ok {
                ok = reserve(link.a.router, link.a.interface, at: link.location) && ok
                ok = reserve(link.b.router, link.b.interface, at: link.location) && ok
            }
            usable.append(ok)
        }
        var hostUsable: [Bool] = []
        for host in hosts {
            hostUsable.append(
                known(host.router, "host '\(host.name)'", at: host.location)
                    && reserve(host.router, host.interface, at: host.location))
        }
        var taken: [String: Set<String>] = written.mapValues { Set($0.keys) }
        func interfaceName(_ router: String, _ name: String?) -> String {
            if let name { return name }
            let next = FabricInterfaces.nextFree(taken[router] ?? [])
            taken[router, default: []].insert(next)
            return next
        }

        let allocator = linkPool(pools, links: links, into: &diagnostics)
        var subnetAllocator = allocator
        for (link, ok) in zip(links, usable) where ok {
            guard let (subnet, origin) = linkSubnet(link, pool: &subnetAllocator, into: &diagnostics),
                let (a, b) = linkAddresses(link, subnet: subnet, into: &diagnostics)
            else { continue }
            if let mtu = link.mtu, !mtuRange.contains(mtu) {
                diagnostics.error(.invalidMTU, "link MTU \(mtu) is outside VyOS's 68...16000", at: link.location)
                continue
            }
            let aName = interfaceName(link.a.router, link.a.interface)
            let bName = interfaceName(link.b.router, link.b.interface)
            let aEnd = LinkEndPlan(
                router: link.a.router, interface: aName, address: IPv4Interface(a, length: subnet.length))
            let bEnd = LinkEndPlan(
                router: link.b.router, interface: bName, address: IPv4Interface(b, length: subnet.length))
            out.links.append(LinkPlan(a: aEnd, b: bEnd, subnet: subnet, subnetOrigin: origin, mtu: link.mtu))
            for (end, other) in [(aEnd, bEnd), (bEnd, aEnd)] {
                let mtu = link.mtu ?? byName[end.router]?.mtu
                out.interfaces[end.router, default: []].append(
                    GatewayInterfacePlan(
                        name: end.interface, address: end.address,
                        peer: InterfacePeer(node: other.router, interface: other.interface), mtu: mtu))
                out.addresses.append((end.address.address, "router '\(end.router)' \(end.interface)", link.location))
            }
            out.subnets.append((subnet, "link \(aEnd.router)-\(bEnd.router) subnet \(subnet)", link.location))
        }

        for (host, ok) in zip(hosts, hostUsable) where ok {
            guard let plan = hostPlan(host, serverImage: serverImage, into: &diagnostics) else { continue }
            var resolved = plan
            resolved.routerInterface = interfaceName(host.router, host.interface)
            out.hosts.append(resolved)
            out.interfaces[host.router, default: []].append(
                GatewayInterfacePlan(
                    name: resolved.routerInterface,
                    address: IPv4Interface(resolved.defaultGateway, length: resolved.address.length),
                    peer: InterfacePeer(node: host.name, interface: resolved.interface), mtu: byName[host.router]?.mtu))
            out.topologyNames.append((host.name, "host", host.location))
            out.addresses.append((resolved.address.address, "host '\(host.name)'", host.location))
            out.addresses.append(
                (resolved.defaultGateway, "router '\(host.router)' \(resolved.routerInterface)", host.location))
            out.subnets.append(
                (resolved.address.subnet, "host '\(host.name)' subnet \(resolved.address.subnet)", host.location))
        }
        return out
    }

    /// The link pool, when one is declared and valid.
    private static func linkPool(_ pools: [LinkPoolSpec], links: [LinkSpec], into diagnostics: inout DiagnosticList)
        -> (allocator: Allocation.SubnetAllocator, length: Int, location: SourceLocation)?
    {
        for extra in pools.dropFirst() {
            diagnostics.error(.misplacedElement, "a lab has one LinkPool; remove this one", at: extra.location)
        }
        guard let pool = pools.first else { return nil }
        guard let prefix = ValueParsing.prefix(pool.cidr, what: "link pool", at: pool.location, into: &diagnostics)
        else {
            return nil
        }
        guard pool.prefixLength == 30 || pool.prefixLength == 31, pool.prefixLength >= prefix.length else {
            diagnostics.error(
                .invalidLinkAddressing,
                "link pool prefix length /\(pool.prefixLength) must be /31 or /30 and inside the pool \(prefix)",
                at: pool.location)
            return nil
        }
        let written = links.compactMap { $0.subnet.flatMap(IPv4Prefix.init) }.filter(\.isCanonical)
        return (Allocation.SubnetAllocator(pool: prefix, taken: written), pool.prefixLength, pool.location)
    }

    private static func linkSubnet(
        _ link: LinkSpec, pool: inout (allocator: Allocation.SubnetAllocator, length: Int, location: SourceLocation)?,
        into diagnostics: inout DiagnosticList
    ) -> (IPv4Prefix, SubnetOrigin)? {
        if let text = link.subnet {
            guard let subnet = ValueParsing.prefix(text, what: "link subnet", at: link.location, into: &diagnostics)
            else {
                return nil
            }
            guard subnet.length <= 31 else {
                diagnostics.error(
                    .invalidLinkAddressing, "link subnet \(subnet) holds one address; a link needs two (a /31 or /30)",
                    at: link.location)
                return nil
            }
            return (subnet, .explicit)
        }
        guard pool != nil else {
            diagnostics.error(
                .invalidLinkAddressing,
                "link \(link.a.router)-\(link.b.router) has no subnet; "
                    + "give it one or declare LinkPool(\"10.0.255.0/24\")",
                at: link.location)
            return nil
        }
        guard let subnet = pool!.allocator.allocate(length: pool!.length) else {
            diagnostics.error(
                .invalidLinkAddressing, "the link pool has no free /\(pool!.length) left for this link",
                at: link.location,
                notes: [.init("the link pool is declared here", at: pool!.location)])
            return nil
        }
        return (subnet, .allocated)
    }

    private static func linkAddresses(_ link: LinkSpec, subnet: IPv4Prefix, into diagnostics: inout DiagnosticList)
        -> (IPv4Address, IPv4Address)?
    {
        let hosts = subnet.hostRange
        func end(_ text: String?, default index: UInt32, _ router: String) -> IPv4Address? {
            guard let text else { return IPv4Address(hosts.lowerBound.value + index) }
            guard let address = IPv4Address(text) else {
                diagnostics.error(
                    .invalidLinkAddressing, "link address of '\(router)': \(ValueParsing.addressProblem(text))",
                    at: link.location)
                return nil
            }
            guard hosts.contains(address) else {
                diagnostics.error(
                    .invalidLinkAddressing,
                    "link address \(address) of '\(router)' is not a host of the link subnet \(subnet)",
                    at: link.location)
                return nil
            }
            return address
        }
        guard let a = end(link.a.address, default: 0, link.a.router),
            let b = end(link.b.address, default: a == hosts.lowerBound ? 1 : 0, link.b.router)
        else { return nil }
        if a == b {
            diagnostics.error(
                .invalidLinkAddressing, "both ends of link \(link.a.router)-\(link.b.router) have address \(a)",
                at: link.location)
            return nil
        }
        return (a, b)
    }

    private static func hostPlan(_ host: HostSpec, serverImage: String, into diagnostics: inout DiagnosticList)
        -> HostPlan?
    {
        if !Names.isDNSLabel(host.name) {
            diagnostics.error(
                .invalidName, "host name '\(host.name.debugEscaped)' must be a DNS label", at: host.location)
            return nil
        }
        guard host.address.contains("/"), let address = IPv4Interface(host.address), address.length <= 30 else {
            diagnostics.error(
                .invalidHost,
                "host '\(host.name)' address '\(host.address.debugEscaped)' must be an IPv4 address with a prefix "
                    + "length of /30 or shorter (10.1.5.10/24)",
                at: host.location)
            return nil
        }
        let subnet = address.subnet
        if subnet.isNetworkOrBroadcast(address.address) {
            diagnostics.error(
                .invalidHost,
                "host '\(host.name)' address \(address.address) is the network or broadcast address of \(subnet)",
                at: host.location)
            return nil
        }
        var gateway = subnet.hostRange.lowerBound
        if let text = host.gateway {
            guard let written = IPv4Address(text), subnet.contains(written), !subnet.isNetworkOrBroadcast(written)
            else {
                diagnostics.error(
                    .invalidHost,
                    "host '\(host.name)' gateway '\(text.debugEscaped)' is not a host address of \(subnet)",
                    at: host.location)
                return nil
            }
            gateway = written
        }
        if gateway == address.address {
            diagnostics.error(
                .invalidHost,
                "host '\(host.name)' has its router's address \(gateway); give the host or the router another",
                at: host.location)
            return nil
        }
        return HostPlan(
            name: host.name, image: host.image ?? serverImage, interface: "net0", address: address,
            defaultGateway: gateway, router: host.router, routerInterface: "")
    }
}
