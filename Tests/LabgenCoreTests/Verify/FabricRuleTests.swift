import LabModel
import Testing

@testable import LabgenCore

@Suite struct FabricReaderTests {
    @Test func bgpInBothDialectsWithPeerGroupsReflectorClientsAndMultipath() throws {
        let facts = BGPFabricLab().facts
        let spine = try #require(facts.vyos["startup-conf/spine0-boot.cfg"]?.bgp)
        #expect(spine.asn?.value == "500")
        #expect(spine.neighbors.map(\.name) == ["10.1.10.1", "10.1.11.1"])
        #expect(spine.neighbors.map { $0.remoteAS?.value } == ["65005", "65008"])
        #expect(spine.maximumPaths == 2)
        #expect(spine.routerID?.value == "10.1.10.2")
        let leaf = try #require(facts.vyos["startup-conf/leaf0-boot.cfg"]?.bgp)
        #expect(leaf.asn?.value == "65005")
        #expect(leaf.multipathRelax)
        let node = try #require(leaf.neighbors.first { $0.name == "10.1.5.10" })
        #expect(node.routeReflectorClient)
        let toSpine = try #require(leaf.neighbors.first { $0.name == "10.1.10.2" })
        // remote-as from the peer group, positioned where the group sets it.
        #expect(toSpine.peerGroup?.value == "SPINES")
        #expect(toSpine.remoteAS?.value == "500")
        #expect(toSpine.remoteAS?.location.line == line(of: "remote-as \"500\"", in: BGPFabricLab().leaf0))
        #expect(!toSpine.routeReflectorClient)
    }

    @Test func unnumberedNeighborsAndSetCommands() throws {
        let text = """
            # Release version: 1.4.7
            set interfaces ethernet eth1 mtu '9000'
            set protocols bgp system-as '65010'
            set protocols bgp neighbor eth1 interface peer-group 'FABRIC'
            set protocols bgp neighbor eth2 interface remote-as 'external'
            set protocols bgp neighbor 10.0.0.1 remote-as '65011'
            set protocols bgp neighbor 10.0.0.1 ebgp-multihop '2'
            set protocols bgp peer-group FABRIC remote-as 'external'
            set protocols bgp peer-group FABRIC address-family ipv4-unicast route-reflector-client
            set protocols bgp address-family ipv4-unicast maximum-paths ebgp '4'

            """
        var diagnostics = DiagnosticList()
        let vyos = try #require(VyOSFactsReader.read(text, file: "r.cfg", diagnostics: &diagnostics))
        let bgp = try #require(vyos.bgp)
        #expect(bgp.asn?.value == "65010")
        #expect(vyos.interfaces.first?.mtu?.value == 9000)
        let eth1 = try #require(bgp.neighbors.first { $0.interface?.value == "eth1" })
        #expect(eth1.remoteAS?.value == "external")
        #expect(eth1.routeReflectorClient)
        #expect(bgp.neighbors.first { $0.interface?.value == "eth2" }?.remoteAS?.value == "external")
        #expect(bgp.neighbors.first { $0.address != nil }?.multihop == true)
        #expect(bgp.maximumPaths == 4)
    }

    @Test func calicoResourcesFromAMultiDocumentFileAndAnnotationsFromAScript() throws {
        let lab = BGPFabricLab()
        let facts = lab.facts
        #expect(facts.nodeBGPPeers.map(\.name) == ["rack0-tor", "rack1-tor"])
        let rack1 = try #require(facts.nodeBGPPeers.last)
        #expect(rack1.peerIP == IPv4Address("10.1.8.1"))
        #expect(rack1.peerAS?.value == "65008")
        #expect(rack1.calicoSelector?.value == "rack == 'rack1'")
        #expect(rack1.peerAddress?.location.line == line(of: "peerIP: 10.1.8.1", in: lab.calicoPeers))
        #expect(facts.calicoBGPConfigurations.first?.nodeToNodeMesh?.value == false)
        #expect(facts.nodeASNumbers["fab-worker"]?.value == "65008")
        #expect(
            facts.nodeASNumbers["fab-worker"]?.location == SourceLocation(file: "4-annotate.sh", line: 3, column: 61))
        // labgen's own lab.sh form: quoted words, options before the resource.
        let script = ShellScriptReader.read(
            "step 'Calico install' kubectl '--context' 'kind-x' 'annotate' '--overwrite' 'node' 'x-worker' "
                + "'projectcalico.org/ASNumber=64602'\n", file: "lab.sh")
        #expect(script.nodeASAnnotations["x-worker"]?.value == "64602")
    }

    @Test func calicoNodeASAndAPeerForOneNode() throws {
        var lab = BGPFabricLab()
        // rack1's peering for one node by name, its AS from a Calico Node resource instead of the annotation.
        lab.replace("  nodeSelector: rack == 'rack1'\n", with: "  node: fab-worker\n", in: \.calicoPeers)
        lab.replace(
            "kubectl annotate node fab-worker projectcalico.org/ASNumber=65008 --overwrite\n", with: "", in: \.annotate)
        let node = """
            apiVersion: projectcalico.org/v3
            kind: Node
            metadata:
              name: fab-worker
            spec:
              bgp:
                asNumber: 65008
                ipv4Address: 10.1.8.10/24

            """
        var withNode = lab
        withNode.calicoPeers += "---\n" + node
        #expect(withNode.facts.nodeASNumbers["fab-worker"]?.value == "65008")
        #expect(withNode.problems.isEmpty, "\(withNode.problems)")
        // Without it, fab-worker speaks the BGPConfiguration's AS, Calico's default 64512: leaf1 expects 65008.
        expectDiagnostic(
            lab.diagnostics, RuleID.routerNodeNeighbors, file: "startup-conf/leaf1-boot.cfg",
            line: line(of: "remote-as \"65008\"", in: lab.leaf1))
        #expect(lab.found(RuleID.routerNodeNeighbors).first?.message.contains("AS 64512") == true)
    }

    @Test func ciliumPolicyAndClusterConfigFromAScriptHeredoc() throws {
        var lab = BGPFabricLab()
        lab.cni = .cilium
        let peers = lab.facts.nodeBGPPeers
        #expect(peers.map(\.source) == [.ciliumPeeringPolicy, .ciliumClusterConfig])
        #expect(peers.map(\.peerIP) == [IPv4Address("10.1.5.1"), IPv4Address("10.1.8.1")])
        #expect(peers.map { $0.localAS?.value } == ["65005", "65008"])
        #expect(peers.map { $0.matchLabels ?? [:] } == [["rack": "rack0"], ["rack": "rack1"]])
        // Positions are in the script.
        #expect(peers[0].peerAddress?.location.file == "3-install-cilium.sh")
        #expect(peers[0].peerAddress?.location.line == line(of: "peerAddress: \"10.1.5.1/32\"", in: lab.cilium))
    }

    @Test func execMTU() throws {
        var lab = BGPFabricLab()
        lab.replace(
            "- ip addr add 10.1.5.10/24 dev net0",
            with: "- ip link set dev net0 mtu 1400\n      - ip addr add 10.1.5.10/24 dev net0", in: \.clab)
        let server = try #require(lab.facts.clab?.nodes.first { $0.name.value == "server1" })
        #expect(server.mtus["net0"]?.value == 1400)
        #expect(server.mtus["net0"]?.location.line == line(of: "mtu 1400", in: lab.clab))
    }
}

@Suite struct FabricRuleTests {
    @Test func theFabricVerifiesCleanWithCalicoAndWithCilium() {
        var lab = BGPFabricLab()
        #expect(lab.problems.isEmpty, "\(lab.problems)")
        lab.cni = .cilium
        #expect(lab.problems.isEmpty, "\(lab.problems)")
    }

    @Test func lg050NeighborAddressNobodyHasOnThePointToPointLink() {
        var lab = BGPFabricLab()
        lab.replace("neighbor 10.1.11.1 {", with: "neighbor 10.1.11.3 {", in: \.spine)
        expectDiagnostic(
            lab.diagnostics, RuleID.bgpNeighborLink, file: "startup-conf/spine0-boot.cfg",
            line: line(of: "neighbor 10.1.11.3", in: lab.spine))
    }

    @Test func lg050EBGPNeighborOnAnotherLink() {
        var lab = BGPFabricLab()
        lab.leaf1 = lab.leaf1
        // leaf0 names the spine's address on the link to leaf1.
        lab.replace("neighbor 10.1.10.2 {", with: "neighbor 10.1.11.2 {", in: \.leaf0)
        expectDiagnostic(
            lab.diagnostics, RuleID.bgpNeighborLink, file: "startup-conf/leaf0-boot.cfg",
            line: line(of: "neighbor 10.1.11.2", in: lab.leaf0))
    }

    @Test func lg050CrossedCabling() {
        var lab = BGPFabricLab()
        // The spine's two ports swapped in the topology: each leaf's neighbor is in its subnet, on the wrong link.
        lab.replace("[\"leaf0:eth1\", \"spine0:eth1\"]", with: "[\"leaf0:eth1\", \"spine0:eth2\"]", in: \.clab)
        lab.replace("[\"leaf1:eth1\", \"spine0:eth2\"]", with: "[\"leaf1:eth1\", \"spine0:eth1\"]", in: \.clab)
        let found = lab.found(RuleID.bgpNeighborLink)
        #expect(found.count == 4, "\(found)")
        expectDiagnostic(
            lab.diagnostics, RuleID.bgpNeighborLink, file: "startup-conf/leaf0-boot.cfg",
            line: line(of: "neighbor 10.1.10.2", in: lab.leaf0))
    }

    @Test func lg051RemoteASIsNotThePeersAS() {
        var lab = BGPFabricLab()
        lab.replace("remote-as 65008", with: "remote-as 65009", in: \.spine)
        let found = lab.found(RuleID.bgpRemoteAS)
        #expect(found.count == 1, "\(found)")
        expectDiagnostic(
            lab.diagnostics, RuleID.bgpRemoteAS, file: "startup-conf/spine0-boot.cfg",
            line: line(of: "65009", in: lab.spine))
        // The refused session carries no routes: LG022 sees leaf0 and leaf1 cut off from each other's rack.
        #expect(!lab.found(RuleID.gatewayRoutes).isEmpty)
        #expect(BGPFabricLab().found(RuleID.gatewayRoutes).isEmpty)
        // Through a peer group too.
        var group = BGPFabricLab()
        group.leaf1 = group.leaf1
        group.replace("remote-as \"500\"", with: "remote-as \"600\"", in: \.leaf0)
        expectDiagnostic(
            group.diagnostics, RuleID.bgpRemoteAS, file: "startup-conf/leaf0-boot.cfg",
            line: line(of: "\"600\"", in: group.leaf0))
    }

    @Test func lg052SessionConfiguredOnOneSideOnly() {
        var lab = BGPFabricLab()
        lab.replace("        neighbor 10.1.11.1 {\n            remote-as 65008\n        }\n", with: "", in: \.spine)
        let found = lab.found(RuleID.bgpReverseNeighbor)
        #expect(found.count == 1, "\(found)")
        expectDiagnostic(
            lab.diagnostics, RuleID.bgpReverseNeighbor, file: "startup-conf/leaf1-boot.cfg",
            line: line(of: "neighbor 10.1.11.2", in: lab.leaf1))
    }

    @Test func lg052UnnumberedSessions() {
        var lab = BGPFabricLab()
        lab.leaf1 = lab.leaf1
        lab.replace(
            "        neighbor 10.1.10.2 {\n            peer-group \"SPINES\"\n        }\n",
            with:
                "        neighbor eth1 {\n            interface {\n                remote-as \"external\"\n            }\n        }\n",
            in: \.leaf0)
        lab.replace(
            "        neighbor 10.1.10.1 {\n            remote-as 65005\n        }\n",
            with:
                "        neighbor eth1 {\n            interface {\n                remote-as external\n            }\n        }\n",
            in: \.spine)
        // LG022 cannot follow unnumbered sessions (no address); the session rules agree with both ends.
        #expect(
            lab.found(RuleID.bgpReverseNeighbor).isEmpty && lab.found(RuleID.bgpRemoteAS).isEmpty, "\(lab.diagnostics)")
        lab.replace(
            "        neighbor eth1 {\n            interface {\n                remote-as external\n            }\n        }\n",
            with: "", in: \.spine)
        expectDiagnostic(
            lab.diagnostics, RuleID.bgpReverseNeighbor, file: "startup-conf/leaf0-boot.cfg",
            line: line(of: "neighbor eth1", in: lab.leaf0))
    }

    @Test func lg053RackNotAnnounced() {
        var lab = BGPFabricLab()
        lab.leaf1 = lab.leaf1
        lab.replace("                network 10.1.5.0/24 {\n                }\n", with: "", in: \.leaf0)
        expectDiagnostic(
            lab.diagnostics, RuleID.rackAnnouncement, file: "startup-conf/leaf0-boot.cfg",
            line: line(of: "    bgp {", in: lab.leaf0))
    }

    @Test func lg053CoveringNetworkWithoutARouteOnVyOS14() {
        var lab = BGPFabricLab()
        lab.leaf1 = lab.leaf1
        lab.replace("network 10.1.5.0/24 {", with: "network 10.1.4.0/22 {", in: \.leaf0)
        expectDiagnostic(
            lab.diagnostics, RuleID.rackAnnouncement, file: "startup-conf/leaf0-boot.cfg",
            line: line(of: "network 10.1.4.0/22", in: lab.leaf0))
        // LG022 follows the same import check: the other routers have no route to rack0.
        #expect(!lab.found(RuleID.gatewayRoutes).isEmpty)
        // VyOS 1.2's FRR announces the network as written.
        var crux = lab
        crux.replace(
            "image: vyos/vyos:1.4.7\n      binds:\n        - ./startup-conf/leaf0",
            with: "image: vyos/vyos:1.2.8\n      binds:\n        - ./startup-conf/leaf0", in: \.clab)
        #expect(
            crux.found(RuleID.rackAnnouncement).isEmpty && crux.found(RuleID.gatewayRoutes).isEmpty,
            "\(crux.diagnostics)")
        // A static route 10.1.4.0/22 (blackhole, not covering rack1) makes the network a route of the router: announced.
        lab.replace(
            "protocols {\n",
            with:
                "protocols {\n    static {\n        route 10.1.4.0/22 {\n            blackhole {\n            }\n        }\n    }\n",
            in: \.leaf0)
        #expect(
            lab.found(RuleID.rackAnnouncement).isEmpty && lab.found(RuleID.gatewayRoutes).isEmpty, "\(lab.diagnostics)")
    }

    @Test func lg054CalicoPeerIPOfAnotherRack() {
        var lab = BGPFabricLab()
        lab.replace("peerIP: 10.1.5.1", with: "peerIP: 10.1.8.1", in: \.calicoPeers)
        lab.replace("asNumber: 65005", with: "asNumber: 65008", in: \.calicoPeers)
        // eBGP from rack0's node (AS 65005) to leaf1 (AS 65008) on rack1's segment: not single-hop.
        expectDiagnostic(
            lab.diagnostics, RuleID.nodePeerAddress, file: "calico/bgp.yaml",
            line: line(of: "peerIP: 10.1.8.1", in: lab.calicoPeers))
    }

    @Test func lg054PeerASIsNotTheLeafs() {
        var lab = BGPFabricLab()
        lab.replace("asNumber: 65008", with: "asNumber: 65009", in: \.calicoPeers)
        expectDiagnostic(
            lab.diagnostics, RuleID.nodePeerAddress, file: "calico/bgp.yaml",
            line: line(of: "asNumber: 65009", in: lab.calicoPeers))
        var cilium = BGPFabricLab()
        cilium.cni = .cilium
        cilium.replace("peerASN: 65008", with: "peerASN: 65099", in: \.cilium)
        expectDiagnostic(
            cilium.diagnostics, RuleID.nodePeerAddress, file: "3-install-cilium.sh",
            line: line(of: "peerASN: 65099", in: cilium.cilium))
        #expect(
            cilium.found(RuleID.nodePeerAddress).first?.message.hasPrefix(
                "CiliumBGPClusterConfig 'rack1' gives 10.1.8.1 AS 65099, but leaf1 runs BGP in AS 65008") == true)
    }

    @Test func lg054PeerAddressNoRouterHas() {
        var lab = BGPFabricLab()
        lab.cni = .cilium
        lab.replace("peerAddress: \"10.1.5.1/32\"", with: "peerAddress: \"10.1.5.254/32\"", in: \.cilium)
        expectDiagnostic(
            lab.diagnostics, RuleID.nodePeerAddress, file: "3-install-cilium.sh",
            line: line(of: "10.1.5.254", in: lab.cilium))
    }

    @Test func lg055LeafLacksTheNodeNeighbor() {
        var lab = BGPFabricLab()
        lab.replace("neighbor 10.1.8.10 {", with: "neighbor 10.1.8.11 {", in: \.leaf1)
        let found = lab.found(RuleID.routerNodeNeighbors)
        #expect(found.count == 1, "\(found)")
        expectDiagnostic(
            lab.diagnostics, RuleID.routerNodeNeighbors, file: "startup-conf/leaf1-boot.cfg",
            line: line(of: "    bgp {", in: lab.leaf1))
    }

    @Test func lg055NeighborRemoteASIsNotTheNodesAS() {
        var lab = BGPFabricLab()
        lab.replace("projectcalico.org/ASNumber=65008", with: "projectcalico.org/ASNumber=64512", in: \.annotate)
        // The node speaks 64512 (eBGP now), leaf1 expects 65008 from it.
        expectDiagnostic(
            lab.diagnostics, RuleID.routerNodeNeighbors, file: "startup-conf/leaf1-boot.cfg",
            line: line(of: "remote-as \"65008\"", in: lab.leaf1))
    }

    @Test func lg055NodeNeighborNoPeeringAnswers() {
        var lab = BGPFabricLab()
        lab.cni = .cilium
        lab.replace("      rack: rack1\n  bgpInstances", with: "      rack: rack9\n  bgpInstances", in: \.cilium)
        expectDiagnostic(
            lab.diagnostics, RuleID.routerNodeNeighbors, file: "startup-conf/leaf1-boot.cfg",
            line: line(of: "neighbor 10.1.8.10", in: lab.leaf1))
        // And the cluster config that selects no node is a warning.
        expectDiagnostic(
            lab.diagnostics, RuleID.nodePeerAddress, file: "3-install-cilium.sh",
            line: line(of: "- name: leaf1", in: lab.cilium), severity: .warning)
    }

    @Test func lg054SelectorOnLabelsTheKindConfigDoesNotSetIsNotJudged() {
        var lab = BGPFabricLab()
        lab.replace("        node-labels: \"rack=rack0\"\n", with: "", in: \.kind)
        lab.replace("        node-labels: \"rack=rack1\"\n", with: "", in: \.kind)
        // The nodes get their rack labels later (kubectl label): no "selects no node" warning.
        #expect(lab.problems.isEmpty, "\(lab.problems)")
    }

    @Test func lg056BothEndsSetDifferentMTUs() {
        var lab = BGPFabricLab()
        lab.replace(
            "    ethernet eth2 {\n        address 10.1.11.2/24\n",
            with: "    ethernet eth2 {\n        address 10.1.11.2/24\n        mtu 1400\n", in: \.spine)
        lab.replace(
            "    - endpoints: [\"leaf1:eth1\", \"spine0:eth2\"]\n      mtu: 1500\n",
            with: "    - endpoints: [\"leaf1:eth1\", \"spine0:eth2\"]\n      mtu: 1400\n", in: \.clab)
        // leaf1 eth1 sets no mtu: VyOS 1.4 applies 1500 against spine0's 1400, a warning at the one that is set.
        expectDiagnostic(
            lab.diagnostics, RuleID.linkMTU, file: "startup-conf/spine0-boot.cfg",
            line: line(of: "mtu 1400", in: lab.spine), severity: .warning)
        lab.replace(
            "    ethernet eth1 {\n        address \"10.1.11.1/24\"\n",
            with: "    ethernet eth1 {\n        address \"10.1.11.1/24\"\n        mtu 9000\n", in: \.leaf1)
        expectDiagnostic(
            lab.diagnostics, RuleID.linkMTU, file: "startup-conf/spine0-boot.cfg",
            line: line(of: "mtu 1400", in: lab.spine))
    }

    @Test func lg056OneEndSetAgainstVyOSDefaultAndExecMTU() {
        var lab = BGPFabricLab()
        // leaf1 eth1 9000 against the spine's eth2, whose VyOS 1.2 keeps the link's 1500: LG016 (its link).
        lab.replace(
            "    ethernet eth1 {\n        address \"10.1.11.1/24\"\n",
            with: "    ethernet eth1 {\n        address \"10.1.11.1/24\"\n        mtu 9000\n", in: \.leaf1)
        #expect(lab.found(RuleID.linkMTU).isEmpty)
        // With a 1.4 spine, the spine's end runs VyOS's default 1500: a warning at leaf1's mtu.
        lab.replace("image: vyos/vyos:1.2.8", with: "image: vyos/vyos:1.4.7", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.linkMTU, file: "startup-conf/leaf1-boot.cfg",
            line: line(of: "mtu 9000", in: lab.leaf1), severity: .warning)
        // A host that lowers its end of a rack link below the link's MTU: a warning at the exec command.
        var host = BGPFabricLab()
        host.replace(
            "- ip addr add 10.1.5.10/24 dev net0",
            with: "- ip link set net0 mtu 1400\n      - ip addr add 10.1.5.10/24 dev net0", in: \.clab)
        expectDiagnostic(
            host.diagnostics, RuleID.linkMTU, file: "clab.yaml", line: line(of: "mtu 1400", in: host.clab),
            severity: .warning)
    }
}
