import Foundation
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// The emulation plan, computed from a lab's files without root: namespaces, links, gateways,
/// Calico's blocks, pods, routes and natOutgoing, and --trace.
@Suite struct EmulationPlannerTests {
    /// The files of a template lab (as `labgen build` writes them), optionally changed.
    static func files(_ lab: String, change: (inout [(String, String)]) -> Void = { _ in }) throws -> [(String, String)]
    {
        let template = try #require(templateLabs.first { $0.lab.spec.name == lab })
        let rendered = try #require(Pipeline.compile(template.lab.spec).rendered)
        var files = rendered.artifacts.filter { $0.kind != .labModel }.map { ($0.path, $0.contents) }
        change(&files)
        return files
    }

    static func plan(_ lab: String, change: (inout [(String, String)]) -> Void = { _ in }) throws -> EmulationPlan {
        try EmulationPlanner.plan(LabFacts.read(files(lab, change: change)))
    }

    static func routes(_ plan: EmulationPlan, _ node: String) throws -> [String] {
        let n = try #require(plan.nodes.first { $0.name.hasSuffix(node) })
        return try #require(plan.namespace(n.namespace)).routes.map(\.description)
    }

    @Test func referenceLabUnderlay() throws {
        let plan = try Self.plan("calico-ipip-crosssubnet")
        #expect(
            plan.nodes.map(\.name) == [
                "calico-ipip-crosssubnet-control-plane", "calico-ipip-crosssubnet-worker",
                "calico-ipip-crosssubnet-worker2",
                "calico-ipip-crosssubnet-worker3",
            ])
        #expect(plan.nodes.map(\.server) == ["server1", "server2", "server3", "server4"])
        #expect(plan.nodes.map(\.rackBridge) == ["br-pool0", "br-pool0", "br-pool1", "br-pool1"])
        #expect(plan.nodes.map(\.rack) == ["rack0", "rack0", "rack1", "rack1"])
        #expect(
            plan.nodes[0].exec.map(\.value) == [
                "ip addr add 10.1.5.10/24 dev net0", "ip route replace default via 10.1.5.1",
            ])
        #expect(plan.topologyBridges == ["br-pool0", "br-pool1"])
        #expect(plan.bridgeScript == "bridges.sh")
        // 6 topology links, 4 node eth0s, 1 gateway eth0, 8 pods.
        #expect(plan.links.count == 19)
        #expect(plan.links.filter { $0.origin != nil }.allSatisfy { $0.mtu == 1500 })
        let gateway = try #require(plan.gateways.first)
        #expect(gateway.name == "gw0" && gateway.configFile == "startup-conf/gw0-boot.cfg")
        #expect(gateway.rackInterfaces.map(\.interface) == ["eth1", "eth2"])
        let gw = try #require(plan.namespace(gateway.namespace))
        #expect(gw.forwarding)
        #expect(gw.interface("eth1")?.addresses.map(\.description) == ["10.1.5.1/24"])
        #expect(gw.interface("eth2")?.addresses.map(\.description) == ["10.1.8.1/24"])
        #expect(gw.routes.map(\.description) == ["default via 172.20.20.1"])
        #expect(gw.masquerades.map(\.nftRule) == ["oifname \"eth0\" ip saddr { 10.1.0.0/16 } masquerade"])
        // Nodes start with kind's default route on eth0, which the server's exec replaces.
        let node = try #require(plan.namespace("n0"))
        #expect(node.routes.first?.description == "default via 172.18.0.1 dev eth0")
        #expect(node.execRoutes.map(\.description) == ["default via 10.1.5.1 dev net0"])
        // Every interface name fits the kernel's 15 characters.
        #expect(plan.namespaces.flatMap(\.interfaces).allSatisfy { $0.name.utf8.count <= 15 })
    }

    @Test func referenceLabCalicoIPIPCrossSubnet() throws {
        let plan = try Self.plan("calico-ipip-crosssubnet")
        #expect(plan.autodetection == "cidr=10.1.5.0/24,10.1.8.0/24")
        #expect(
            plan.nodes.map { $0.calicoAddress?.description } == [
                "10.1.5.10/24", "10.1.5.11/24", "10.1.8.10/24", "10.1.8.11/24",
            ])
        #expect(plan.nodes.map { $0.calicoInterface } == ["net0", "net0", "net0", "net0"])
        #expect(
            plan.nodes.map { $0.blocks.map(\.prefix.description) } == [
                ["10.244.0.0/26"], ["10.244.0.64/26"], ["10.244.0.128/26"], ["10.244.0.192/26"],
            ])
        #expect(plan.nodes[0].ipipTunnelAddress?.description == "10.244.0.0")
        #expect(plan.nodes[0].pods.map(\.address.description) == ["10.244.0.1", "10.244.0.2"])
        #expect(plan.nodes.allSatisfy { $0.podMTU == 1480 && $0.vxlanTunnelAddress == nil })
        #expect(
            try Self.routes(plan, "control-plane") == [
                "default via 172.18.0.1 dev eth0",
                "10.244.0.1/32 dev cali0 scope link", "10.244.0.2/32 dev cali1 scope link",
                "blackhole 10.244.0.0/26",
                // Same rack: plain, via the node. Other rack: IPIP.
                "10.244.0.64/26 via 10.1.5.11 dev net0",
                "10.244.0.128/26 via 10.1.8.10 dev tunl0 onlink", "10.244.0.192/26 via 10.1.8.11 dev tunl0 onlink",
            ])
        let masquerade = try #require(plan.namespace("n0")?.masquerades.first)
        #expect(masquerade.nftRule == "ip saddr { 10.244.0.0/16 } ip daddr != { 10.244.0.0/16 } masquerade")
        #expect(plan.notes.isEmpty)
    }

    @Test func vxlanCrossSubnet() throws {
        let plan = try Self.plan("calico-vxlan-crosssubnet")
        #expect(plan.nodes.allSatisfy { $0.podMTU == 1450 && $0.ipipTunnelAddress == nil })
        #expect(plan.nodes[2].vxlanTunnelAddress?.description == "10.244.0.128")
        #expect(
            try Self.routes(plan, "control-plane").suffix(3) == [
                "10.244.0.64/26 via 10.1.5.11 dev net0",
                "10.244.0.128/26 via 10.244.0.128 dev vxlan.calico onlink",
                "10.244.0.192/26 via 10.244.0.192 dev vxlan.calico onlink",
            ])
        let peers = try #require(plan.vxlanPeers["n0"])
        #expect(peers.map(\.vtep.description) == ["10.244.0.128", "10.244.0.192"])
        #expect(peers.map(\.nodeAddress.description) == ["10.1.8.10", "10.1.8.11"])
        #expect(Set(plan.nodes.compactMap(\.vxlanMAC)).count == 4)
        let device = try #require(plan.namespace("n0")?.interface("vxlan.calico"))
        #expect(device.mtu == 1450)
    }

    /// Without the calico-node patch, calico-node uses first-found, which picks kind's eth0:
    /// every node is in 172.18.0.0/16, so CrossSubnet routes everything plainly over eth0.
    @Test func firstFoundPicksEth0() throws {
        let plan = try Self.plan("calico-ipip-crosssubnet") { files in
            files.removeAll { $0.0.hasSuffix("calico-node-patch.yaml") }
        }
        #expect(plan.autodetection == "first-found")
        #expect(plan.nodes.map { $0.calicoInterface } == ["eth0", "eth0", "eth0", "eth0"])
        #expect(
            try Self.routes(plan, "control-plane").suffix(3) == [
                "10.244.0.64/26 via 172.18.0.3 dev eth0", "10.244.0.128/26 via 172.18.0.4 dev eth0",
                "10.244.0.192/26 via 172.18.0.5 dev eth0",
            ])
        #expect(plan.notes.contains { $0.contains("picks eth0") })
        // The design still says: IPIP between racks.
        let pool = try #require(plan.pools.first)
        #expect(plan.designEncapsulation(from: plan.nodes[0], to: plan.nodes[2], pool: pool) == .ipip)
        #expect(plan.designEncapsulation(from: plan.nodes[0], to: plan.nodes[1], pool: pool) == .none)
    }

    @Test func twoGateways() throws {
        let plan = try Self.plan("calico-ipip-crosssubnet-2gw")
        #expect(plan.gateways.map(\.name) == ["gw0", "gw1"])
        #expect(plan.gateways.map { $0.rackInterfaces.map(\.interface) } == [["eth1", "eth2"], ["eth1"]])
        let gw1 = try #require(plan.namespace(plan.gateways[1].namespace))
        #expect(
            gw1.routes.map(\.description) == [
                "10.1.0.0/24 via 10.1.255.249", "10.1.1.0/24 via 10.1.255.249", "default via 172.20.20.1",
            ])
        #expect(gw1.interface("eth2")?.addresses.map(\.description) == ["10.1.255.250/29"])
    }

    @Test func traceAcrossRacksIsIPIPThroughTheGateway() throws {
        let plan = try Self.plan("calico-ipip-crosssubnet")
        let hops = try EmulationTrace.trace(from: "control-plane/pod0", to: "worker2/pod1", in: plan)
        #expect(hops.last?.action == "delivered")
        #expect(hops.contains { $0.at == "gw0" && $0.headers.contains("outer 10.1.5.10 > 10.1.8.10 proto IPIP (4)") })
        #expect(hops.contains { $0.action.contains("decapsulates IPIP") })
        #expect(hops.last?.headers == "inner 10.244.0.1 > 10.244.0.130 ICMP echo request")
        let sameRack = try EmulationTrace.trace(from: "control-plane/pod0", to: "worker/pod0", in: plan)
        #expect(sameRack.last?.action == "delivered")
        #expect(!sameRack.contains { $0.at == "gw0" || $0.headers.contains("outer") })
    }

    @Test func traceToOutsideIsMasqueradedTwice() throws {
        let plan = try Self.plan("calico-vxlan-crosssubnet")
        let hops = try EmulationTrace.trace(from: "worker/pod1", to: "outside", in: plan)
        #expect(hops.last?.action == "delivered")
        #expect(hops.last?.headers == "inner 172.20.20.2 > 198.51.100.1 ICMP echo request")
        #expect(hops.filter { $0.action.contains("masquerade") }.count == 2)
        #expect(throws: EmulationPlanError.self) {
            try EmulationTrace.trace(from: "nosuchnode", to: "outside", in: plan)
        }
    }

    /// A second pool for rack1 only, IPIP Always, /28 blocks: its blocks go to rack1's nodes,
    /// their second pod takes an address from it, and Always encapsulates even within the rack.
    @Test func secondPoolBySelector() throws {
        let plan = try Self.plan("calico-ipip-crosssubnet") { files in
            let index = files.firstIndex { $0.0 == "calico/ippool.yaml" }!
            files[index].1 += """
                ---
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata:
                  name: rack1-pool
                spec:
                  cidr: 10.245.0.0/24
                  blockSize: 28
                  ipipMode: Always
                  natOutgoing: false
                  nodeSelector: rack == 'rack1'

                """
        }
        #expect(plan.pools.map(\.name) == ["default-ipv4-ippool", "rack1-pool"])
        #expect(
            plan.nodes.map { $0.blocks.map(\.prefix.description) } == [
                ["10.244.0.0/26"], ["10.244.0.64/26"], ["10.244.0.128/26", "10.245.0.0/28"],
                ["10.244.0.192/26", "10.245.0.16/28"],
            ])
        // tunl0 took 10.244.0.128 (the first IPIP block); in Calico every address of a block is
        // usable, .0 included.
        #expect(plan.nodes[2].pods.map(\.address.description) == ["10.244.0.129", "10.245.0.0"])
        #expect(plan.nodes[2].pods.map(\.pool) == ["default-ipv4-ippool", "rack1-pool"])
        // worker2 -> worker3 (same rack): plain for the CrossSubnet pool, IPIP for the Always pool.
        let routes = try Self.routes(plan, "worker2")
        #expect(routes.contains("10.244.0.192/26 via 10.1.8.11 dev net0"))
        #expect(routes.contains("10.245.0.16/28 via 10.1.8.11 dev tunl0 onlink"))
        // natOutgoing only for the first pool, and never towards either pool.
        #expect(
            plan.namespace("n2")?.masquerades.map(\.nftRule) == [
                "ip saddr { 10.244.0.0/16 } ip daddr != { 10.244.0.0/16, 10.245.0.0/24 } masquerade"
            ])
        let always = try #require(plan.pools.last)
        #expect(plan.designEncapsulation(from: plan.nodes[2], to: plan.nodes[3], pool: always) == .ipip)
    }

    @Test func nodeSelectors() {
        let labels = ["rack": "rack0", "kubernetes.io/hostname": "w"]
        #expect(NodeSelector.matches("all()", labels: labels))
        #expect(NodeSelector.matches("rack == 'rack0'", labels: labels))
        #expect(!NodeSelector.matches("rack == \"rack1\"", labels: labels))
        #expect(NodeSelector.matches("rack != 'rack1' && has(rack)", labels: labels))
        #expect(!NodeSelector.matches("!has(rack)", labels: labels))
        #expect(NodeSelector.matches("rack in {'rack0', 'rack2'}", labels: labels))
        #expect(!NodeSelector.matches("rack not in {'rack0'}", labels: labels))
    }

    @Test func labsWithoutTopologyCannotBeEmulated() throws {
        #expect(throws: EmulationPlanError.self) { try Self.plan("calico-ipip") }
    }
}
