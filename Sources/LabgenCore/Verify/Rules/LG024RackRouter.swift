import LabModel

extension RuleID {
    public static let rackRouter: DiagnosticID = "LG024"
}

enum RackRouterRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.rackRouter, summary: "a rack bridge whose hosts route via a gateway has a router linked to it",
        explanation: """
            A bridge whose hosts set a default route via an address on the bridge's subnet needs the node that owns
            that address linked to the bridge. When every node on the bridge is such a host (the gateway's link
            to the bridge was deleted, or points at another bridge), the rack has no router: its nodes reach
            nothing outside the bridge, kubelets there never reach an API server in another rack. Also: a default
            route via an address on one of the node's lab links that no node of the lab has at all (not in a VyOS
            config, an exec command or a setup script), when every node is one labgen reads (no FRR, keepalived or
            other daemon config mounted, no node of another kind).
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let clab = lab.facts.clab else { return [] }
        return rackRouters(lab, clab) + defaultRouteOwners(lab, clab)
    }

    /// A bridge whose every node is a host routing via an address that no node on it has.
    private static func rackRouters(_ lab: LabView, _ clab: ClabFacts) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for bridge in clab.nodes where bridge.isBridge {
            let name = bridge.name.value
            let links = lab.bridgeLinks[name] ?? []
            let attached = links.flatMap { $0.endpoints.filter { $0.node != name } }
            guard !attached.isEmpty, (lab.gatewayPorts[name] ?? []).isEmpty else { continue }
            var hosts: [(ClabNodeFacts, ExecAddress, Located<IPv4Address>)] = []
            var owned = Set<IPv4Address>()
            var allHosts = true
            for endpoint in attached {
                guard let node = lab.clabNodes[endpoint.node], lab.gateways[endpoint.node] == nil else {
                    allHosts = false
                    continue
                }
                let onBridge = node.addresses.filter {
                    $0.interface == endpoint.interface || $0.baseInterface == endpoint.interface
                }
                owned.formUnion(onBridge.map(\.address.address))
                let routes = node.defaultRoutes.filter { route in
                    onBridge.contains { $0.address.subnet.contains(route.value) }
                }
                guard let route = routes.first,
                    let address = onBridge.first(where: { $0.address.subnet.contains(route.value) })
                else {
                    allHosts = false
                    continue
                }
                hosts.append((node, address, route))
            }
            guard allHosts, let (host, _, route) = hosts.first(where: { !owned.contains($0.2.value) }),
                !lab.facts.hostAddresses.contains(route.value)  // the host's bridge itself is the gateway
            else { continue }
            var notes = [Diagnostic.Note("\(host.name.value) routes via \(route.value) here", at: route.location)]
            for (gateway, vyos) in lab.gateways.sorted(by: { $0.key < $1.key }) {
                for interface in vyos.interfaces {
                    if let address = interface.allAddresses.first(where: { $0.value.address == route.value }) {
                        notes.append(
                            Diagnostic.Note(
                                "\(gateway) has \(route.value) on \(interface.name.value), which has no link to "
                                    + "\(name)",
                                at: address.location))
                    }
                }
            }
            diagnostics.error(
                RuleID.rackRouter,
                "rack bridge \(name) has no router: its nodes route via \(route.value), but no node linked to \(name) "
                    + "has that address (is the gateway's link to \(name) missing?)",
                at: bridge.name.location, notes: notes)
        }
        return diagnostics.all
    }

    /// A default route via an address that no node of the lab has, when every node is one labgen
    /// reads (VyOS gateways, nodes whose addresses are set in exec, bridges).
    private static func defaultRouteOwners(_ lab: LabView, _ clab: ClabFacts) -> [Diagnostic] {
        var owned = lab.facts.hostAddresses
        for vyos in lab.gateways.values {
            // Any address a VyOS config names (interfaces, vifs, VRRP virtual addresses, ...).
            for values in vyos.settings.values {
                for value in values {
                    if let address = address(beforeSlash: Substring(value.value)) { owned.insert(address) }
                }
            }
        }
        owned.reserveCapacity(owned.count + 2 * clab.nodes.count)
        for node in clab.nodes {
            for address in node.addresses { owned.insert(address.address.address) }
            // Any address an exec command names except as a next hop (ifconfig, keepalived one-liners, ...).
            for exec in node.exec {
                let text = exec.value
                if ownedASCII(text, into: &owned) { continue }
                let words = execWords(text)
                for (index, word) in words.enumerated() where index == 0 || words[index - 1] != "via" {
                    if let address = address(beforeSlash: word) { owned.insert(address) }
                }
            }
            let name = node.name.value
            // A node that may own addresses labgen does not see: no VyOS config, no exec address, not a bridge,
            // another kind, or a daemon config mounted under /etc (FRR, BIRD, keepalived, ...).
            let known =
                node.isBridge || lab.gateways[name] != nil || !node.addresses.isEmpty
                || node.networkMode?.value.hasPrefix("container:") == true
            if !known || (!node.isBridge && (node.kind?.value ?? "linux") != "linux") { return [] }
            if node.binds.contains(where: { $0.value.contains(":/etc/") }) { return [] }
        }
        var diagnostics = DiagnosticList()
        for node in clab.nodes {
            // Only a next hop on one of the node's lab links (not the management network on eth0).
            let onLink = node.addresses.filter { $0.interface != "eth0" }.map(\.address.subnet)
            for route in node.defaultRoutes
            where !owned.contains(route.value) && onLink.contains(where: { $0.contains(route.value) }) {
                diagnostics.error(
                    RuleID.rackRouter,
                    "\(node.name.value) routes via \(route.value), but no node of the lab has that address: its "
                        + "packets leave for nowhere",
                    at: route.location)
                break
            }
        }
        return diagnostics.all
    }

    /// The loop of `defaultRouteOwners` over `execWords(text)` for an ASCII text without "\r", on its bytes:
    /// only words that can start a dotted quad become substrings. False (nothing done) for other texts.
    private static func ownedASCII(_ text: String, into owned: inout Set<IPv4Address>) -> Bool {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return false }
            func isSeparator(_ c: UInt8) -> Bool {
                c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n")
                    || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"")
            }
            var previous: Range<Int>?
            var index = 0
            while index < bytes.count {
                guard !isSeparator(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < bytes.count && !isSeparator(bytes[index]) { index += 1 }
                let word = start..<index
                defer { previous = word }
                if let previous, previous.count == 3, bytes[previous.lowerBound] == UInt8(ascii: "v"),
                    bytes[previous.lowerBound + 1] == UInt8(ascii: "i"),
                    bytes[previous.lowerBound + 2] == UInt8(ascii: "a")
                {
                    continue  // a next hop
                }
                // `address(beforeSlash:)` is nil unless the first byte after leading slashes is a digit.
                var first = start
                while first < index && bytes[first] == UInt8(ascii: "/") { first += 1 }
                guard first < index, bytes[first] >= UInt8(ascii: "0"), bytes[first] <= UInt8(ascii: "9") else {
                    continue
                }
                let from = utf8.index(utf8.startIndex, offsetBy: start)
                if let address = address(beforeSlash: text[from..<utf8.index(from, offsetBy: word.count)]) {
                    owned.insert(address)
                }
            }
            return true
        } ?? false
    }

    /// The words of an exec command: split on spaces, tabs, newlines and quotes (as Characters).
    private static func execWords(_ text: String) -> [Substring] {
        // An ASCII text without "\r" from its bytes: there every Character is one byte.
        let utf8 = text.utf8
        let spans: [Range<Int>]? =
            utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
                guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
                func isSeparator(_ c: UInt8) -> Bool {
                    c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n")
                        || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"")
                }
                var spans: [Range<Int>] = []
                var start = -1
                for (index, byte) in bytes.enumerated() {
                    if isSeparator(byte) {
                        if start >= 0 { spans.append(start..<index) }
                        start = -1
                    } else if start < 0 {
                        start = index
                    }
                }
                if start >= 0 { spans.append(start..<bytes.count) }
                return spans
            } ?? nil
        guard let spans else { return text.split(whereSeparator: { " \t\n'\"".contains($0) }) }
        return spans.map { span in
            let from = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)
            return text[from..<utf8.index(from, offsetBy: span.count)]
        }
    }

    /// `IPv4Address(String(text.split(separator: "/").first ?? ""))`, without the split for ASCII text.
    private static func address(beforeSlash text: Substring) -> IPv4Address? {
        let isASCII = text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? false
        guard isASCII else { return IPv4Address(String(text.split(separator: "/").first ?? "")) }
        // The first piece between slashes, leading slashes skipped (split omits empty pieces).
        var piece = text.utf8.drop { $0 == UInt8(ascii: "/") }
        if let slash = piece.firstIndex(of: UInt8(ascii: "/")) { piece = piece[..<slash] }
        // A dotted quad starts with a digit: most words of a command are answered here.
        guard let first = piece.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        return IPv4Address(Substring(piece))
    }
}
