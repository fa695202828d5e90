import Foundation
import LabModel
import Testing

@testable import LabgenCore

/// Flannel's and Cilium's emulation plans, computed from the template labs' files without root:
/// node pod subnets, pods, the routes each backend programs, masquerade, and --trace.
@Suite struct CNIEmulationPlannerTests {
    typealias P = EmulationPlannerTests

    static func edit(_ path: String, _ old: String, _ new: String) -> (inout [(String, String)]) -> Void {
        { files in
            guard let index = files.firstIndex(where: { $0.0 == path }) else {
                Issue.record("no \(path)")
                return
            }
            #expect(files[index].1.contains(old), "\(path) does not contain \(old)")
            files[index].1 = files[index].1.replacingOccurrences(of: old, with: new)
        }
    }

    @Test func flannelVXLANDirectRouting() throws {
        let plan = try P.plan("flannel-vxlan-directrouting")
        #expect(plan.cni == "Flannel")
        #expect(
            plan.nodes.map { $0.calicoAddress?.address.description } == [
                "10.1.5.10", "10.1.5.11", "10.1.8.10", "10.1.8.11",
            ])
        #expect(plan.nodes.allSatisfy { $0.podMTU == 1450 && $0.calicoInterface == "net0" })
        #expect(plan.nodes.map { $0.pods.map(\.address.description) }[2] == ["10.244.2.2", "10.244.2.3"])
        // DirectRouting: the same rack directly, the other rack over flannel.1 (VNI 1, UDP 8472).
        #expect(
            try P.routes(plan, "control-plane").suffix(3) == [
                "10.244.1.0/24 via 10.1.5.11 dev net0",
                "10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink",
                "10.244.3.0/24 via 10.244.3.0 dev flannel.1 onlink",
            ])
        #expect(try #require(plan.vxlanPeers["n0"]).map(\.nodeAddress.description) == ["10.1.8.10", "10.1.8.11"])
        #expect((plan.vxlanDevice, plan.vxlanVNI, plan.vxlanPort) == ("flannel.1", 1, 8472))
        let node = try #require(plan.namespace("n0"))
        #expect(node.interface("cni0")?.addresses.map(\.description) == ["10.244.0.1/24"])
        #expect(node.interface("flannel.1")?.addresses.map(\.description) == ["10.244.0.0/32"])
        #expect(node.interface("veth0")?.master == "cni0")
        #expect(plan.namespace("n0p0")?.routes.map(\.description) == ["default via 10.244.0.1 dev eth0"])
        #expect(
            node.masquerades.map(\.nftRule) == [
                "ip saddr { 10.244.0.0/16 } ip daddr != { 10.244.0.0/16 } masquerade"
            ])
        let pool = try #require(plan.pools.first)
        #expect(plan.designEncapsulation(from: plan.nodes[0], to: plan.nodes[1], pool: pool) == .none)
        #expect(plan.designEncapsulation(from: plan.nodes[0], to: plan.nodes[2], pool: pool) == .vxlan)
    }

    @Test func flannelHostGWRoutesOnlyWithinARack() throws {
        let plan = try P.plan("flannel-host-gw")
        #expect(plan.nodes.allSatisfy { $0.podMTU == 1500 })
        let routes = try P.routes(plan, "control-plane")
        #expect(routes.contains("10.244.1.0/24 via 10.1.5.11 dev net0"))
        #expect(!routes.contains { $0.hasPrefix("10.244.2.0/24") || $0.hasPrefix("10.244.3.0/24") })
        #expect(plan.notes.contains { $0.contains("cannot add 10.244.2.0/24 via 10.1.8.10") })
        #expect(plan.crossRackHint?.contains("LG041") == true)
        // The gateway's static routes carry the rest.
        let gw = try #require(plan.namespace(plan.gateways[0].namespace))
        #expect(gw.routes.map(\.description).contains("10.244.2.0/24 via 10.1.8.10"))
        let hops = try EmulationTrace.trace(from: "control-plane/pod0", to: "worker2/pod0", in: plan)
        #expect(hops.last?.action == "delivered")
        #expect(hops.contains { $0.at == "gw0" && $0.action.contains("route 10.244.2.0/24 via 10.1.8.10") })
        #expect(!hops.contains { $0.headers.contains("outer") })
    }

    @Test func flannelIPIP() throws {
        let plan = try P.plan(
            "flannel-vxlan-directrouting",
            change: Self.edit("flannel/net-conf.yaml", "\"Type\": \"vxlan\"", "\"Type\": \"ipip\""))
        #expect(plan.nodes.allSatisfy { $0.podMTU == 1480 })
        #expect(
            try P.routes(plan, "control-plane").suffix(3) == [
                "10.244.1.0/24 via 10.1.5.11 dev net0",
                "10.244.2.0/24 via 10.1.8.10 dev flannel.ipip onlink",
                "10.244.3.0/24 via 10.1.8.11 dev flannel.ipip onlink",
            ])
        let hops = try EmulationTrace.trace(from: "control-plane/pod0", to: "worker2/pod0", in: plan)
        #expect(hops.contains { $0.at == "gw0" && $0.headers.contains("outer 10.1.5.10 > 10.1.8.10 proto IPIP (4)") })
    }

    @Test func flannelTraceIsVXLANOnPort8472() throws {
        let plan = try P.plan("flannel-vxlan-directrouting")
        let hops = try EmulationTrace.trace(from: "control-plane/pod0", to: "worker3/pod1", in: plan)
        #expect(hops.last?.action == "delivered")
        #expect(
            hops.contains {
                $0.at == "gw0" && $0.headers.contains("outer 10.1.5.10 > 10.1.8.11 UDP dport 8472 VXLAN vni 1")
            })
    }

    @Test func unknownFlannelBackendCannotBeEmulated() throws {
        #expect(throws: EmulationPlanError.self) {
            try P.plan(
                "flannel-host-gw",
                change: Self.edit("flannel/net-conf.yaml", "\"Type\": \"host-gw\"", "\"Type\": \"wireguard\""))
        }
    }

    @Test func ciliumNativeRouting() throws {
        let plan = try P.plan("cilium-native-routing")
        #expect(plan.cni == "Cilium")
        #expect(plan.nodes.allSatisfy { $0.podMTU == 1500 })
        let routes = try P.routes(plan, "control-plane")
        #expect(routes.contains("10.244.1.0/24 via 10.1.5.11 dev net0"))
        #expect(!routes.contains { $0.hasPrefix("10.244.2.0/24") })
        #expect(plan.notes.contains { $0.contains("autoDirectNodeRoutes") && $0.contains("10.244.2.0/24") })
        let node = try #require(plan.namespace("n0"))
        #expect(node.interface("cilium_host")?.addresses.map(\.description) == ["10.244.0.1/32"])
        #expect(node.interface("lxc0")?.proxyARP == true)
        #expect(
            plan.namespace("n0p0")?.routes.map(\.description) == [
                "10.244.0.1/32 dev eth0 scope link", "default via 10.244.0.1 dev eth0 mtu 1500",
            ])
        #expect(node.masquerades.first?.exceptDestinations.map(\.description) == ["10.244.0.0/16"])
    }

    /// Native routing whose routes come from Cilium's BGP control plane: the emulation says it runs no BGP.
    @Test func ciliumNativeRoutingWithBGPControlPlaneIsNamed() throws {
        let plan = try P.plan(
            "cilium-native-routing",
            change: Self.edit(
                "cilium/values.yaml", "autoDirectNodeRoutes: true\n", "bgpControlPlane:\n  enabled: true\n"))
        #expect(plan.notes.contains { $0.contains("labgen emulates no BGP") })
        #expect(plan.crossRackHint?.contains("BGP control plane") == true)
        #expect(!(try P.routes(plan, "control-plane")).contains { $0.hasPrefix("10.244.1.0/24") })
    }

    @Test func ciliumVXLANTunnel() throws {
        let plan = try P.plan("cilium-vxlan")
        // MTU 1500 is the underlying network's: pods get a route MTU of 1450.
        #expect(plan.nodes.allSatisfy { $0.podMTU == 1450 })
        #expect(plan.namespace("n0p0")?.routes.last?.description == "default via 10.244.0.1 dev eth0 mtu 1450")
        #expect(
            try P.routes(plan, "control-plane").suffix(3) == [
                "10.244.1.0/24 via 10.244.1.1 dev cilium_vxlan onlink",
                "10.244.2.0/24 via 10.244.2.1 dev cilium_vxlan onlink",
                "10.244.3.0/24 via 10.244.3.1 dev cilium_vxlan onlink",
            ])
        let pool = try #require(plan.pools.first)
        #expect(plan.designEncapsulation(from: plan.nodes[0], to: plan.nodes[1], pool: pool) == .vxlan)
        #expect(plan.vxlanPort == 8472)
    }

    @Test func ciliumGeneveTunnel() throws {
        let plan = try P.plan(
            "cilium-vxlan", change: Self.edit("cilium/values.yaml", "tunnelProtocol: vxlan", "tunnelProtocol: geneve"))
        #expect(plan.namespace("n0")?.interface("cilium_geneve")?.kind == .geneve)
        #expect(
            try P.routes(plan, "control-plane").suffix(2) == [
                "10.244.2.0/24 via 10.1.8.10 dev cilium_geneve onlink",
                "10.244.3.0/24 via 10.1.8.11 dev cilium_geneve onlink",
            ])
        let pool = try #require(plan.pools.first)
        #expect(plan.designEncapsulation(from: plan.nodes[0], to: plan.nodes[2], pool: pool) == .geneve)
        let hops = try EmulationTrace.trace(from: "control-plane/pod0", to: "worker2/pod0", in: plan)
        #expect(hops.last?.action == "delivered")
        #expect(
            hops.contains {
                $0.at == "gw0" && $0.headers.contains("outer 10.1.5.10 > 10.1.8.10 UDP dport 6081 Geneve vni 2")
            })
    }

    /// cluster-pool IPAM: the node CIDRs come from clusterPoolIPv4PodCIDRList in mask-size blocks.
    @Test func ciliumClusterPool() throws {
        let plan = try P.plan(
            "cilium-vxlan",
            change: Self.edit(
                "cilium/values.yaml", "  mode: kubernetes\n",
                "  mode: cluster-pool\n  operator:\n    clusterPoolIPv4PodCIDRList:\n    - 10.96.128.0/17\n"
                    + "    clusterPoolIPv4MaskSize: 26\n"))
        #expect(
            plan.nodes.map { $0.blocks.map(\.prefix.description) } == [
                ["10.96.128.0/26"], ["10.96.128.64/26"], ["10.96.128.128/26"], ["10.96.128.192/26"],
            ])
    }
}
