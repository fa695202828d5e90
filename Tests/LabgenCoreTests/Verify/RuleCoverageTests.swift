import LabModel
import Testing

@testable import LabgenCore

/// A lab that verifies without the rule's diagnostic, and the same lab with one fault that the rule
/// must report. The faults are those of the rule's own tests (`detail` names one), which check the
/// file, line and message.
struct SingleFault: Sendable, CustomTestStringConvertible {
    typealias Files = [(path: String, text: String)]

    var id: DiagnosticID
    /// The test that checks the rule in detail.
    var detail: String
    var clean: @Sendable () throws -> Files
    var faulted: @Sendable () throws -> Files

    var testDescription: String { "\(id.rawValue) (\(detail))" }

    /// A fault made in `TestLab`.
    static func testLab(
        _ id: DiagnosticID, _ detail: String, _ change: @escaping @Sendable (inout TestLab) -> Void
    ) -> SingleFault {
        SingleFault(
            id: id, detail: detail, clean: { TestLab().files },
            faulted: {
                var lab = TestLab()
                change(&lab)
                return lab.files
            })
    }

    /// A fault made in `FabricLab` (a hand-written spine/leaf lab).
    static func fabric(
        _ id: DiagnosticID, _ detail: String, _ change: @escaping @Sendable (inout FabricLab) -> Void
    ) -> SingleFault {
        SingleFault(
            id: id, detail: detail, clean: { FabricLab().files },
            faulted: {
                var lab = FabricLab()
                change(&lab)
                return lab.files
            })
    }

    /// A fault made in `BGPFabricLab` (a spine/leaf BGP fabric with the nodes' Calico or Cilium peerings).
    static func bgpFabric(
        _ id: DiagnosticID, _ detail: String, cni: BGPFabricLab.CNI = .calico,
        _ change: @escaping @Sendable (inout BGPFabricLab) -> Void
    ) -> SingleFault {
        SingleFault(
            id: id, detail: detail,
            clean: {
                var lab = BGPFabricLab()
                lab.cni = cni
                return lab.files
            },
            faulted: {
                var lab = BGPFabricLab()
                lab.cni = cni
                change(&lab)
                return lab.files
            })
    }

    /// A fault made by replacing `old` with `new` once in `path` of a template lab's rendered files.
    static func template(
        _ id: DiagnosticID, _ detail: String, _ template: String, _ path: String, _ old: String, _ new: String
    ) -> SingleFault {
        SingleFault(
            id: id, detail: detail, clean: { try CNIRuleTests.files(template) },
            faulted: { CNIRuleTests.changed(try CNIRuleTests.files(template), path, old, new) })
    }
}

extension SingleFault {
    /// One case per rule of `Rule.catalogue`; a new rule adds its own.
    static let all: [SingleFault] = [
        testLab(RuleID.unreadable, "RuleTests.lg000UnreadableArtifact") {
            $0.replace("  links:\n", with: "  links:\n    - endpoints: [\"a:b\"\n", in: \.clab)
        },
        testLab(RuleID.networkMode, "RuleTests.lg001NetworkModeNamesNoKindNode") {
            $0.replace("container:demo-worker2", with: "container:demo-wroker2", in: \.clab)
        },
        testLab(RuleID.nodeIP, "RuleTests.lg002NodeIPDiffersFromServerAddress") {
            $0.replace("ip addr add 10.1.8.10/24", with: "ip addr add 10.1.8.12/24", in: \.clab)
        },
        testLab(RuleID.gatewaySubnet, "RuleTests.lg003AddressOutsideGatewaySubnet") {
            $0.replace("address \"10.1.8.1/24\"", with: "address \"10.1.9.1/24\"", in: \.vyos)
        },
        testLab(RuleID.defaultRoute, "RuleTests.lg004DefaultRouteViaAnotherRacksGateway") {
            $0.replace("default via 10.1.8.1", with: "default via 10.1.5.1\n", in: \.clab)
        },
        testLab(RuleID.gatewayInterfaces, "RuleTests.lg005LinkedGatewayInterfaceWithoutAddress") {
            $0.replace("        address \"10.1.8.1/24\"\n", with: "", in: \.vyos)
        },
        testLab(RuleID.rackLabels, "RuleTests.lg006RackLabelDisagreesWithBridge") {
            $0.replace(
                "node-ip: 10.1.5.11\n        node-labels: \"rack=rack0\"",
                with: "node-ip: 10.1.5.11\n        node-labels: \"rack=rack1\"", in: \.kind)
        },
        testLab(RuleID.podSubnet, "RuleTests.lg007PoolDiffersFromPodSubnet") {
            $0.replace("cidr: 10.244.0.0/16", with: "cidr: 10.245.0.0/16", in: \.pool)
        },
        testLab(RuleID.encapsulation, "RuleTests.lg008CrossSubnetWithOneSubnetAndBothEncapsulations") {
            $0.replace("vxlanMode: Never", with: "vxlanMode: Always", in: \.pool)
        },
        testLab(RuleID.registryMirror, "RuleTests.lg009PrivateRegistryWithoutMirror") {
            $0.replace(
                "endpoint = [\"http://192.168.2.100:5000\"]", with: "endpoint = [\"192.168.2.100:5000\"]", in: \.kind)
        },
        testLab(RuleID.vyosBind, "RuleTests.lg010BindSourceMissingOrWrongTarget") {
            $0.replace("./startup-conf/gw0-boot.cfg", with: "./startup-config/gw0-boot.cfg", in: \.clab)
        },
        testLab(RuleID.masquerade, "RuleTests.lg011NoMasqueradeForARack") {
            $0.replace("address \"10.1.0.0/16\"", with: "address \"10.1.5.0/24\"", in: \.vyos)
        },
        testLab(RuleID.addresses, "RuleTests.lg012DuplicateAndBroadcastAddresses") {
            $0.replace("address \"10.1.8.1/24\"", with: "address \"10.1.8.255/24\"", in: \.vyos)
        },
        testLab(RuleID.interfaceNames, "RuleTests.lg013LongInterfaceNameAndBridgeNotCreated") {
            $0.replace("BRIDGES='br-pool0 br-pool1'", with: "BRIDGES='br-pool0'", in: \.bridges)
        },
        testLab(RuleID.linkEndpoints, "RuleTests.lg014UnknownNodeAndEndpointUsedTwice") {
            $0.replace("\"server2:net0\"", with: "\"server9:net0\"", in: \.clab)
        },
        testLab(RuleID.strictDecoding, "RuleTests.lg015UnknownFieldWithSuggestionAndWrongType") {
            $0.replace(
                "      kubeletExtraArgs:\n        node-ip: 10.1.5.11",
                with: "      kubeIetExtraArgs:\n        node-ip: 10.1.5.11", in: \.kind)
        },
        testLab(RuleID.mtu, "RuleTests.lg016MTUMismatchOnABridge") {
            $0.replace(
                "    - endpoints: [\"br-pool0:br-pool0-net1\", \"server2:net0\"]\n      mtu: 1500",
                with: "    - endpoints: [\"br-pool0:br-pool0-net1\", \"server2:net0\"]\n      mtu: 9000", in: \.clab)
        },
        testLab(RuleID.autodetection, "RuleTests.lg017AutodetectionMissingOrMissingANode") {
            $0.replace("cidr=10.1.5.0/24,10.1.8.0/24", with: "cidr=10.1.5.0/24", in: \.calicoNode)
        },
        testLab(RuleID.serviceSubnet, "RuleTests.lg018ServiceSubnetOverlapsNodes") {
            $0.replace(
                "podSubnet: \"10.244.0.0/16\"", with: "podSubnet: \"10.244.0.0/16\"\n  serviceSubnet: \"10.1.0.0/16\"",
                in: \.kind)
        },
        testLab(RuleID.patchKind, "RuleTests.lg019PatchKindThatDoesNotReachItsNode") {
            $0.replace("kind: InitConfiguration", with: "kind: JoinConfiguration", in: \.kind)
        },
        testLab(RuleID.standalonePatch, "RuleTests.lg020StandalonePatchDisagrees") {
            $0.extra = [
                (
                    "kubeadm/demo-worker2.yaml",
                    "kind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: 10.1.8.11\n"
                        + "    node-labels: rack=rack1\n"
                )
            ]
        },
        testLab(RuleID.vyosForms, "RuleTests.lg021SetCommandsDisagreeWithConfigBoot") {
            $0.extra = [
                (
                    "startup-conf/gw0.cfg",
                    "set interfaces ethernet eth2 address '10.1.8.1/24'\n"
                        + "set interfaces ethernet eth1 address '10.1.5.9/24'\n"
                )
            ]
        },
        template(
            RuleID.gatewayRoutes, "RuleTests.lg022RoutesBetweenGateways", "calico-ipip-crosssubnet-2gw.swift",
            "startup-conf/gw0-boot.cfg",
            "        route 10.1.2.0/24 {\n            next-hop 10.1.255.250 {\n            }\n        }\n", ""),
        testLab(RuleID.execInterface, "DriftTests.lg023ExecAddressOnAMissingInterface") {
            $0.replace(
                "- endpoints: [\"br-pool0:br-pool0-net1\", \"server2:net0\"]",
                with: "- endpoints: [\"br-pool0:br-pool0-net1\", \"server2:net1\"]", in: \.clab)
        },
        testLab(RuleID.rackRouter, "DriftTests.lg024RackBridgeWithoutRouter") {
            $0.replace(
                "    - endpoints: [\"gw0:eth2\", \"br-pool1:br-pool1-net2\"]\n      mtu: 1500\n", with: "", in: \.clab)
        },
        fabric(RuleID.linkSubnet, "DriftTests.lg025PrefixLengthsOfAPointToPointLink") {
            $0.replace("address 10.1.10.2/24", with: "address 10.1.10.0/31", in: \.spine)
            $0.replace("neighbor 10.1.10.2", with: "neighbor 10.1.10.0", in: \.leaf0)
        },
        SingleFault(
            id: RuleID.calicoInstallation, detail: "InstallationRuleTests.lg030NotNamedDefault",
            clean: { InstallationRuleTests.lab().0.files },
            faulted: {
                InstallationRuleTests.lab(InstallationRuleTests.replacing("  name: default\n", "  name: calico\n")).0
                    .files
            }),
        SingleFault(
            id: RuleID.poolEnvironment, detail: "PoolEnvironmentRuleTests.lg031EnvironmentDiffersFromTheIPPool",
            clean: { PoolEnvironmentRuleTests.lab(ipip: "CrossSubnet").files },
            faulted: { PoolEnvironmentRuleTests.lab(ipip: "Always").files }),
        template(
            RuleID.flannelNetwork, "CNIRuleTests.lg040NetConfNetworkIsNotThePodSubnet", "flannel-host-gw.swift",
            "flannel/net-conf.yaml", "10.244.0.0/16", "10.245.0.0/16"),
        template(
            RuleID.flannelHostGateway, "CNIRuleTests.lg041HostGatewayAcrossRacksWithoutTheGatewayRoute",
            "flannel-host-gw.swift", "startup-conf/gw0-boot.cfg",
            "route 10.244.2.0/24 {\n            next-hop 10.1.8.10 {\n            }\n        }\n", ""),
        template(
            RuleID.flannelDirectRouting, "CNIRuleTests.lg042DirectRoutingAcrossRacksIsANote",
            "flannel-host-gw.swift", "flannel/net-conf.yaml", "\"Type\": \"host-gw\"",
            "\"Type\": \"host-gw\",\n        \"DirectRouting\": true"),
        template(
            RuleID.ciliumPodCIDR, "CNIRuleTests.lg043NativeRoutingCIDRMissesThePods", "cilium-native-routing.swift",
            "cilium/values.yaml", "ipv4NativeRoutingCIDR: 10.244.0.0/16", "ipv4NativeRoutingCIDR: 10.244.0.0/17"),
        template(
            RuleID.ciliumNativeRoutes, "CNIRuleTests.lg044NativeRoutingAcrossRacksWithoutGatewayRoutes",
            "cilium-native-routing.swift", "startup-conf/gw0-boot.cfg",
            "route 10.244.1.0/24 {\n            next-hop 10.1.5.11 {\n            }\n        }\n", ""),
        template(
            RuleID.ciliumMTU, "CNIRuleTests.lg045MTULargerThanTheNodeLinks", "cilium-vxlan.swift", "cilium/values.yaml",
            "MTU: 1500", "MTU: 1550"),
        template(
            RuleID.ciliumKubeProxy, "CNIRuleTests.lg046KubeProxyReplacementWithKubeProxyRunning",
            "cilium-native-routing.swift", "kind.yaml", "  kubeProxyMode: none\n", ""),
        bgpFabric(RuleID.bgpNeighborLink, "FabricRuleTests.lg050CrossedCabling") {
            $0.replace("[\"leaf0:eth1\", \"spine0:eth1\"]", with: "[\"leaf0:eth1\", \"spine0:eth2\"]", in: \.clab)
            $0.replace("[\"leaf1:eth1\", \"spine0:eth2\"]", with: "[\"leaf1:eth1\", \"spine0:eth1\"]", in: \.clab)
        },
        bgpFabric(RuleID.bgpRemoteAS, "FabricRuleTests.lg051RemoteASIsNotThePeersAS") {
            $0.replace("remote-as 65008", with: "remote-as 65009", in: \.spine)
        },
        bgpFabric(RuleID.bgpReverseNeighbor, "FabricRuleTests.lg052SessionConfiguredOnOneSideOnly") {
            $0.replace("        neighbor 10.1.11.1 {\n            remote-as 65008\n        }\n", with: "", in: \.spine)
        },
        bgpFabric(RuleID.rackAnnouncement, "FabricRuleTests.lg053CoveringNetworkWithoutARouteOnVyOS14") {
            $0.leaf1 = $0.leaf1
            $0.replace("network 10.1.5.0/24 {", with: "network 10.1.0.0/16 {", in: \.leaf0)
        },
        bgpFabric(RuleID.nodePeerAddress, "FabricRuleTests.lg054PeerASIsNotTheLeafs", cni: .cilium) {
            $0.replace("peerASN: 65008", with: "peerASN: 65099", in: \.cilium)
        },
        bgpFabric(RuleID.routerNodeNeighbors, "FabricRuleTests.lg055LeafLacksTheNodeNeighbor") {
            $0.replace("neighbor 10.1.8.10 {", with: "neighbor 10.1.8.11 {", in: \.leaf1)
        },
        bgpFabric(RuleID.linkMTU, "FabricRuleTests.lg056OneEndSetAgainstVyOSDefaultAndExecMTU") {
            $0.replace(
                "- ip addr add 10.1.5.10/24 dev net0",
                with: "- ip link set net0 mtu 1400\n      - ip addr add 10.1.5.10/24 dev net0", in: \.clab)
        },
        SingleFault(
            id: RuleID.vyosReleaseSyntax, detail: "VyOSReleaseTests.syntaxOfAnOlderReleaseThanTheFooterSays",
            clean: {
                var lab = TestLab()
                lab.vyos += "// vyos-config-version: \"nat@7:ntp@3:system@26\"\n// Release version: 1.4.9\n"
                return lab.files
            },
            faulted: {
                // The 1.4 syntax (`outbound-interface { name "eth0" }`) under a 1.3 footer.
                var lab = TestLab()
                lab.vyos += "// vyos-config-version: \"nat@5:ntp@1:system@21\"\n// Release version: 1.3.8\n"
                return lab.files
            }),
    ]
}

/// Every rule of the catalogue has a single-fault case, and each case's fault is what makes its rule report.
@Suite struct RuleCoverageTests {
    @Test func everyRuleOfTheCatalogueHasASingleFaultCase() {
        let covered = SingleFault.all.map(\.id.rawValue)
        #expect(Set(covered).count == covered.count, "a rule has two cases: \(covered)")
        #expect(Set(covered) == Set(Rule.catalogue.map(\.id.rawValue)))
    }

    @Test(arguments: SingleFault.all)
    func theRuleReportsItsFaultAndOnlyWithIt(_ fault: SingleFault) throws {
        let clean = Verifier.verify(LabFacts.read(try fault.clean()))
        #expect(!clean.contains { $0.id == fault.id }, "\(clean.map(\.description))")
        let faulted = Verifier.verify(LabFacts.read(try fault.faulted()))
        #expect(faulted.contains { $0.id == fault.id }, "\(faulted.map(\.description))")
    }

    @Test func everyRuleHasAnExplanation() {
        #expect(Rule.catalogue.count >= 21)
        #expect(Set(Rule.catalogue.map(\.id)).count == Rule.catalogue.count)
        for rule in Rule.catalogue {
            #expect(rule.explanation.count > 150, "\(rule.id)")
            #expect(!rule.summary.contains("\n"))
        }
    }
}
