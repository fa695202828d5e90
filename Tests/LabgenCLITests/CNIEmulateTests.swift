import Foundation
import Testing

@testable import LabgenCLI
@testable import LabgenCore

/// Root only: Flannel's and Cilium's datapaths emulated from the template labs' out/ and from copies
/// changed on purpose (another backend, another tunnel protocol, the gateway routes removed). Each
/// test observes where pod traffic is encapsulated with tcpdump, as the Calico tests do.
@Suite(.enabled(if: canEmulate, "needs root on Linux with iproute2, nftables, ping and tcpdump"))
struct CNIEmulationTests {
    typealias T = EmulationTests

    /// Each template lab passes; the row names what tcpdump saw on the gateway between the racks
    /// and on a node's rack interface within a rack.
    @Test(arguments: [
        ("flannel-vxlan-directrouting", "VXLAN [IP 10.1.5.10.", "1 plain [IP 10.244."),
        ("flannel-host-gw", "plain [IP 10.244.0.2 > 10.244.2.2", "1 plain [IP 10.244."),
        ("cilium-native-routing", "plain [IP 10.244.0.2 > 10.244.2.2", "1 plain [IP 10.244."),
        ("cilium-vxlan", "VXLAN [IP 10.1.5.10.", "1 VXLAN [IP 10.1.5.10."),
    ])
    func templateLabsPass(lab: String, acrossRacks: String, withinRack: String) throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["emulate", try T.copy(lab, in: workspace)])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.out.contains("all 17 checks pass"), "\(result.out)")
        let across = try #require(T.row(result.out, "encapsulation rack0 -> rack1"))
        #expect(across.contains("at gw0 eth1: ") && across.contains(acrossRacks), "\(across)")
        if acrossRacks.hasPrefix("VXLAN") { #expect(across.contains(".8472: VXLAN")) }
        let within = try #require(T.row(result.out, "encapsulation within rack0"))
        #expect(within.contains(withinRack), "\(within)")
        #expect(try #require(T.row(result.out, "same-rack pod traffic stays off the gateway")).contains("0 packets"))
        #expect(try #require(T.row(result.out, "pod to outside")).contains("echo requests from 172.20.20."))
    }

    /// Cilium's MTU is the underlying network's: the pods' route MTU is 50 bytes less with VXLAN.
    @Test func ciliumVXLANPodsGetTheRouteMTU() throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["emulate", try T.copy("cilium-vxlan", in: workspace)])
        let row = try #require(T.row(result.out, "path MTU, pods rack0 <-> rack1"))
        #expect(row.contains("pass"))
        #expect(row.contains("1450-byte DF ping") && row.contains("1451 bytes: refused"))
        #expect(row.contains("the pods' route MTU (host MTU 1500 - VXLAN 50)"))
    }

    /// Flannel's ipip backend with DirectRouting: IPIP between racks (labgen's user-space endpoint
    /// on a kernel without IPIP), plain within a rack.
    @Test func flannelIPIPWithDirectRouting() throws {
        let workspace = try Workspace()
        let lab = try T.copy("flannel-vxlan-directrouting", in: workspace) { folder in
            try T.edit(
                folder.appendingPathComponent("flannel/net-conf.yaml"), "\"Type\": \"vxlan\"", "\"Type\": \"ipip\"")
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 0, "\(result.all)")
        #expect(try #require(T.row(result.out, "Flannel datapath")).contains("Backend ipip with DirectRouting"))
        let across = try #require(T.row(result.out, "encapsulation rack0 -> rack1"))
        #expect(across.contains("IPIP [IP 10.1.5.10 > 10.1.8.10: IP 10.244.0.2 > 10.244.2.2"), "\(across)")
        #expect(try #require(T.row(result.out, "encapsulation within rack0")).contains("1 plain [IP 10.244.0.2"))
        #expect(try #require(T.row(result.out, "path MTU, pods")).contains("1480-byte DF ping"))
    }

    /// Flannel vxlan without DirectRouting: VXLAN within a rack too.
    @Test func flannelVXLANWithoutDirectRouting() throws {
        let workspace = try Workspace()
        let lab = try T.copy("flannel-vxlan-directrouting", in: workspace) { folder in
            try T.edit(
                folder.appendingPathComponent("flannel/net-conf.yaml"), "\"DirectRouting\": true",
                "\"DirectRouting\": false")
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 0, "\(result.all)")
        let within = try #require(T.row(result.out, "encapsulation within rack0"))
        #expect(within.contains("1 VXLAN [IP 10.1.5.10.") && within.contains("> 10.1.5.11.8472: VXLAN"), "\(within)")
    }

    /// Cilium's Geneve tunnel: Geneve on UDP 6081 between the node IPs (labgen's user-space
    /// endpoint: this kernel has no geneve links), everywhere, also within a rack.
    @Test func ciliumGeneveTunnel() throws {
        let workspace = try Workspace()
        let lab = try T.copy("cilium-vxlan", in: workspace) { folder in
            try T.edit(
                folder.appendingPathComponent("cilium/values.yaml"), "tunnelProtocol: vxlan", "tunnelProtocol: geneve")
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 0, "\(result.all)")
        let datapath = try #require(T.row(result.out, "Cilium datapath"))
        #expect(datapath.contains("cilium_geneve: labgen's user-space Geneve"))
        let across = try #require(T.row(result.out, "encapsulation rack0 -> rack1"))
        #expect(across.contains("Geneve [IP 10.1.5.10.6081 > 10.1.8.10.6081: Geneve"), "\(across)")
        #expect(across.contains("IP 10.244.0.2 > 10.244.2.2: ICMP echo request"))
        #expect(try #require(T.row(result.out, "encapsulation within rack0")).contains("1 Geneve [IP 10.1.5.10.6081"))
    }

    /// host-gw across racks works only because gw0 routes each node's pod /24; without those routes
    /// pods on different racks cannot reach each other, and the report says why.
    @Test func flannelHostGWWithoutGatewayRoutesFails() throws {
        let workspace = try Workspace()
        let lab = try T.copy("flannel-host-gw", in: workspace) { folder in
            try Self.removePodRoutes(folder.appendingPathComponent("startup-conf/gw0-boot.cfg"))
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 1)
        let row = try #require(T.row(result.out, "pod to pod, across racks"))
        #expect(row.contains("FAIL"))
        #expect(row.contains("host-gw routes a node's pod subnet only to nodes on its own layer 2"))
        #expect(row.contains("gw0 has no such route"))
        #expect(try #require(T.row(result.out, "pod to pod, same rack")).contains("pass"))
        #expect(result.out.contains("flanneld (host-gw) on flannel-host-gw-control-plane cannot add 10.244.2.0/24"))
        #expect(T.failing(result.out).count == 2, "\(result.out)")  // the pings and the pods' path MTU
    }

    /// Cilium native routing across racks: the same without the gateway routes.
    @Test func ciliumNativeRoutingWithoutGatewayRoutesFails() throws {
        let workspace = try Workspace()
        let lab = try T.copy("cilium-native-routing", in: workspace) { folder in
            try Self.removePodRoutes(folder.appendingPathComponent("startup-conf/gw0-boot.cfg"))
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 1)
        let row = try #require(T.row(result.out, "pod to pod, across racks"))
        #expect(row.contains("FAIL"))
        #expect(row.contains("autoDirectNodeRoutes installs routes only to nodes on the same layer 2"))
        #expect(try #require(T.row(result.out, "pod to pod, same rack")).contains("pass"))
    }

    /// Without the servers' default route via the rack gateway, flanneld takes kind's eth0: pods of
    /// different racks talk over the docker network and tcpdump on gw0 sees nothing.
    @Test func flannelOnEth0BypassesTheGateway() throws {
        let workspace = try Workspace()
        let lab = try T.copy("flannel-vxlan-directrouting", in: workspace) { folder in
            let topology = folder.appendingPathComponent("flannel-vxlan-directrouting.clab.yaml")
            let text = try String(contentsOf: topology, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let kept = lines.filter { !$0.contains("ip route replace default via") }
            #expect(kept.count == lines.count - 4)
            try kept.joined(separator: "\n").write(to: topology, atomically: true, encoding: .utf8)
        }
        let result = workspace.labgen(["emulate", lab])
        #expect(result.status == 1)
        let row = try #require(T.row(result.out, "encapsulation rack0 -> rack1"))
        #expect(row.contains("FAIL") && row.contains("at gw0 eth1: 0 VXLAN; expected VXLAN"))
        #expect(row.contains("dev eth0"))
        #expect(row.contains("bypasses gw0: Flannel takes eth0"))
        #expect(try #require(T.row(result.out, "pod to pod, across racks")).contains("pass"))
    }

    /// The VyOS static routes to the pod subnets (10.244.x.0/24) taken out of a config.
    static func removePodRoutes(_ boot: URL) throws {
        let text = try String(contentsOf: boot, encoding: .utf8)
        let pattern = try NSRegularExpression(
            pattern: "        route 10\\.244\\.[0-9]+\\.0/24 \\{\\n            next-hop [0-9.]+ \\{\\n"
                + "            \\}\\n        \\}\\n")
        let range = NSRange(text.startIndex..., in: text)
        #expect(pattern.numberOfMatches(in: text, range: range) == 4)
        try pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "").write(
            to: boot, atomically: true, encoding: .utf8)
    }
}
