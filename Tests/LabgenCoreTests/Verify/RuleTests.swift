import Foundation
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// One single-fault variant of `TestLab` per rule: the rule must catch it, at the right file and line.
@Suite struct RuleTests {
    @Test func lg000UnreadableArtifact() {
        var lab = TestLab()
        lab.replace("  links:\n", with: "  links:\n    - endpoints: [\"a:b\"\n", in: \.clab)
        let diagnostics = lab.diagnostics
        #expect(diagnostics.contains { $0.id == RuleID.unreadable && $0.location?.file == "demo.clab.yaml" })
    }

    @Test func lg001NetworkModeNamesNoKindNode() {
        var lab = TestLab()
        lab.replace("container:demo-worker2", with: "container:demo-wroker2", in: \.clab)
        let diagnostics = lab.diagnostics
        expectDiagnostic(
            diagnostics, RuleID.networkMode, file: "demo.clab.yaml", line: line(of: "demo-wroker2", in: lab.clab))
        #expect(
            diagnostics.first { $0.id == RuleID.networkMode }?.message.contains("did you mean 'demo-worker2'") == true)
    }

    @Test func lg001ShortNameIsAWarningNamingTheBreakingReleases() {
        var lab = TestLab()
        lab.replace("name: demo\nnetworking", with: "name: clab-demo\nnetworking", in: \.kind)
        lab.replace("container:demo-worker2", with: "container:worker2", in: \.clab)
        lab.replace("container:demo-worker\n", with: "container:clab-demo-worker\n", in: \.clab)
        lab.replace("container:demo-control-plane", with: "container:clab-demo-control-plane", in: \.clab)
        let diagnostics = lab.diagnostics
        expectDiagnostic(
            diagnostics, RuleID.networkMode, file: "demo.clab.yaml", line: line(of: "container:worker2", in: lab.clab),
            severity: .warning)
        let message = diagnostics.first { $0.id == RuleID.networkMode }?.message ?? ""
        #expect(message.contains("1731") && message.contains("late 2023"))
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test func lg001ClusterNameFromTheCommandLine() {
        var lab = TestLab()
        lab.replace("name: demo\nnetworking", with: "networking", in: \.kind)
        #expect(Verifier.verify(LabFacts.read(lab.files, clusterName: "demo")).isEmpty)
        // Without --cluster-name kind names the cluster "kind".
        #expect(lab.diagnostics.contains { $0.id == RuleID.networkMode && $0.severity == .error })
    }

    @Test func lg001TwoServersJoinOneNode() {
        var lab = TestLab()
        lab.replace("container:demo-worker2", with: "container:demo-worker", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.networkMode, file: "demo.clab.yaml",
            line: line(of: "container:demo-worker", in: lab.clab, occurrence: 2))
    }

    @Test func lg002NodeIPDiffersFromServerAddress() {
        var lab = TestLab()
        lab.replace("ip addr add 10.1.8.10/24", with: "ip addr add 10.1.8.12/24", in: \.clab)
        let diagnostics = lab.diagnostics
        let line = line(of: "10.1.8.12/24", in: lab.clab)
        expectDiagnostic(diagnostics, RuleID.nodeIP, file: "demo.clab.yaml", line: line)
        let diagnostic = diagnostics.first { $0.id == RuleID.nodeIP }!
        #expect(diagnostic.message == "server3 assigns 10.1.8.12/24 but kind node 'demo-worker2' has node-ip 10.1.8.10")
        #expect(diagnostic.location?.column == 21)
        // The note points into the literal block of kind.yaml, at the node-ip value.
        let noteLine =
            TestLab().kind.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.contains("10.1.8.10")
            }! + 1
        #expect(diagnostic.notes.first?.location == SourceLocation(file: "kind.yaml", line: noteLine, column: 18))
        #expect(diagnostic.description.contains("kind.yaml:\(noteLine):18: note: node-ip is set here"))
    }

    @Test func lg003AddressOutsideGatewaySubnet() {
        var lab = TestLab()
        lab.replace("address \"10.1.8.1/24\"", with: "address \"10.1.9.1/24\"", in: \.vyos)
        expectDiagnostic(
            lab.diagnostics, RuleID.gatewaySubnet, file: "demo.clab.yaml", line: line(of: "10.1.8.10/24", in: lab.clab))
    }

    @Test func lg003PrefixLengthDiffers() {
        var lab = TestLab()
        lab.replace("10.1.8.10/24", with: "10.1.8.10/25", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.gatewaySubnet, file: "demo.clab.yaml", line: line(of: "10.1.8.10/25", in: lab.clab))
    }

    @Test func lg004DefaultRouteViaAnotherRacksGateway() {
        var lab = TestLab()
        lab.replace("default via 10.1.8.1", with: "default via 10.1.5.1\n", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.defaultRoute, file: "demo.clab.yaml",
            line: line(of: "default via 10.1.5.1", in: lab.clab, occurrence: 3))
    }

    @Test func lg005LinkedGatewayInterfaceWithoutAddress() {
        var lab = TestLab()
        lab.replace("        address \"10.1.8.1/24\"\n", with: "", in: \.vyos)
        expectDiagnostic(
            lab.diagnostics, RuleID.gatewayInterfaces, file: "demo.clab.yaml", line: line(of: "gw0:eth2", in: lab.clab))
    }

    @Test func lg005AddressedInterfaceWithoutLink() {
        var lab = TestLab()
        lab.replace(
            "    loopback lo {", with: "    ethernet eth3 {\n        address \"10.1.9.1/24\"\n    }\n    loopback lo {",
            in: \.vyos)
        expectDiagnostic(
            lab.diagnostics, RuleID.gatewayInterfaces, file: "startup-conf/gw0-boot.cfg",
            line: line(of: "10.1.9.1", in: lab.vyos),
            severity: .warning)
    }

    @Test func lg006RackLabelDisagreesWithBridge() {
        var lab = TestLab()
        lab.replace(
            "node-ip: 10.1.5.11\n        node-labels: \"rack=rack0\"",
            with: "node-ip: 10.1.5.11\n        node-labels: \"rack=rack1\"", in: \.kind)
        let diagnostics = lab.diagnostics
        expectDiagnostic(diagnostics, RuleID.rackLabels, file: "kind.yaml", line: line(of: "rack=rack1", in: lab.kind))
    }

    @Test func lg007PoolDiffersFromPodSubnet() {
        var lab = TestLab()
        lab.replace("cidr: 10.244.0.0/16", with: "cidr: 10.245.0.0/16", in: \.pool)
        expectDiagnostic(lab.diagnostics, RuleID.podSubnet, file: "calico/ippool.yaml", line: 6)
    }

    @Test func lg007PoolOverlapsNodesAndServicesAndIsSmallerThanABlock() {
        var lab = TestLab()
        lab.replace("podSubnet: \"10.244.0.0/16\"", with: "podSubnet: \"10.1.0.0/16\"", in: \.kind)
        lab.replace("cidr: 10.244.0.0/16", with: "cidr: 10.1.0.0/16", in: \.pool)
        let diagnostics = lab.diagnostics
        #expect(
            diagnostics.contains {
                $0.id == RuleID.podSubnet && $0.message.contains("overlaps node subnet") && $0.location?.line == 6
            })
        var small = TestLab()
        small.replace("blockSize: 26", with: "blockSize: 14", in: \.pool)
        expectDiagnostic(small.diagnostics, RuleID.podSubnet, file: "calico/ippool.yaml", line: 7)
        var service = TestLab()
        service.replace("podSubnet: \"10.244.0.0/16\"", with: "podSubnet: \"10.96.0.0/16\"", in: \.kind)
        service.replace("cidr: 10.244.0.0/16", with: "cidr: 10.96.0.0/16", in: \.pool)
        #expect(service.diagnostics.contains { $0.id == RuleID.podSubnet && $0.message.contains("service subnet") })
    }

    @Test func lg008CrossSubnetWithOneSubnetAndBothEncapsulations() {
        var lab = TestLab()
        lab.replace("vxlanMode: Never", with: "vxlanMode: Always", in: \.pool)
        expectDiagnostic(lab.diagnostics, RuleID.encapsulation, file: "calico/ippool.yaml", line: 9)
        var one = TestLab()
        // One rack only: drop server3 and its links.
        one.replace(
            "    server3:\n      kind: linux\n      network-mode: container:demo-worker2\n      exec:\n      - ip addr add 10.1.8.10/24 dev net0\n      - ip route replace default via 10.1.8.1\n",
            with: "", in: \.clab)
        one.replace(
            "    - endpoints: [\"br-pool1:br-pool1-net0\", \"server3:net0\"]\n      mtu: 1500\n", with: "", in: \.clab)
        one.replace(
            "    - endpoints: [\"gw0:eth2\", \"br-pool1:br-pool1-net2\"]\n      mtu: 1500\n", with: "", in: \.clab)
        one.replace("    ethernet eth2 {\n        address \"10.1.8.1/24\"\n    }\n", with: "", in: \.vyos)
        one.replace("node-ip: 10.1.8.10", with: "node-ip: 10.1.5.12", in: \.kind)
        expectDiagnostic(one.diagnostics, RuleID.encapsulation, file: "calico/ippool.yaml", line: 8, severity: .warning)
    }

    @Test func lg009PrivateRegistryWithoutMirror() {
        var lab = TestLab()
        lab.replace("mirrors.\"192.168.2.100:5000\"", with: "mirrors.\"192.168.2.200:5000\"", in: \.kind)
        lab.extra = [
            (
                "cni.yaml",
                "apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      containers:\n      - name: t\n        image: 192.168.2.100:5000/nettool\n"
            )
        ]
        expectDiagnostic(lab.diagnostics, RuleID.registryMirror, file: "cni.yaml", line: 8)
        var scheme = TestLab()
        scheme.replace(
            "endpoint = [\"http://192.168.2.100:5000\"]", with: "endpoint = [\"192.168.2.100:5000\"]", in: \.kind)
        expectDiagnostic(
            scheme.diagnostics, RuleID.registryMirror, file: "kind.yaml", line: line(of: "endpoint =", in: scheme.kind))
    }

    @Test func lg010BindSourceMissingOrWrongTarget() {
        var lab = TestLab()
        lab.replace("./startup-conf/gw0-boot.cfg", with: "./startup-config/gw0-boot.cfg", in: \.clab)
        expectDiagnostic(lab.diagnostics, RuleID.vyosBind, file: "demo.clab.yaml", line: 8)
        var target = TestLab()
        target.replace("/opt/vyatta/etc/config/config.boot", with: "/opt/vyatta/etc/config.boot", in: \.clab)
        expectDiagnostic(target.diagnostics, RuleID.vyosBind, file: "demo.clab.yaml", line: 8)
    }

    @Test func lg011NoMasqueradeForARack() {
        var lab = TestLab()
        lab.replace("address \"10.1.0.0/16\"", with: "address \"10.1.5.0/24\"", in: \.vyos)
        expectDiagnostic(
            lab.diagnostics, RuleID.masquerade, file: "startup-conf/gw0-boot.cfg",
            line: line(of: "10.1.8.1/24", in: lab.vyos),
            severity: .warning)
    }

    @Test func lg012DuplicateAndBroadcastAddresses() {
        var lab = TestLab()
        lab.replace("address \"10.1.8.1/24\"", with: "address \"10.1.5.11/24\"", in: \.vyos)
        expectDiagnostic(
            lab.diagnostics, RuleID.addresses, file: "startup-conf/gw0-boot.cfg",
            line: line(of: "10.1.5.11", in: lab.vyos))
        var broadcast = TestLab()
        broadcast.replace("address \"10.1.8.1/24\"", with: "address \"10.1.8.255/24\"", in: \.vyos)
        expectDiagnostic(
            broadcast.diagnostics, RuleID.addresses, file: "startup-conf/gw0-boot.cfg",
            line: line(of: "10.1.8.255", in: broadcast.vyos))
    }

    @Test func lg013LongInterfaceNameAndBridgeNotCreated() {
        var lab = TestLab()
        lab.replace("br-pool0:br-pool0-net1", with: "br-pool0:br-pool0-net1-long", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.interfaceNames, file: "demo.clab.yaml", line: line(of: "net1-long", in: lab.clab))
        var script = TestLab()
        script.replace("BRIDGES='br-pool0 br-pool1'", with: "BRIDGES='br-pool0'", in: \.bridges)
        expectDiagnostic(
            script.diagnostics, RuleID.interfaceNames, file: "demo.clab.yaml",
            line: line(of: "br-pool1:", in: script.clab))
    }

    @Test func lg014UnknownNodeAndEndpointUsedTwice() {
        var lab = TestLab()
        lab.replace("\"server2:net0\"", with: "\"server9:net0\"", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.linkEndpoints, file: "demo.clab.yaml", line: line(of: "server9:net0", in: lab.clab))
        var twice = TestLab()
        twice.replace("br-pool0:br-pool0-net1", with: "br-pool0:br-pool0-net0", in: \.clab)
        expectDiagnostic(
            twice.diagnostics, RuleID.linkEndpoints, file: "demo.clab.yaml",
            line: line(of: "server2:net0", in: twice.clab))
    }

    @Test func lg015UnknownFieldWithSuggestionAndWrongType() {
        var lab = TestLab()
        lab.replace(
            "      kubeletExtraArgs:\n        node-ip: 10.1.5.11",
            with: "      kubeIetExtraArgs:\n        node-ip: 10.1.5.11", in: \.kind)
        let diagnostics = lab.diagnostics
        let line = line(of: "kubeIetExtraArgs", in: lab.kind)
        expectDiagnostic(diagnostics, RuleID.strictDecoding, file: "kind.yaml", line: line)
        let diagnostic = diagnostics.first { $0.id == RuleID.strictDecoding }!
        #expect(diagnostic.message.contains("did you mean 'kubeletExtraArgs'?"))
        #expect(diagnostic.location?.column == 7)
        var type = TestLab()
        type.replace("disableDefaultCNI: true", with: "disableDefaultCNI: true\n  podSubnets: x", in: \.kind)
        expectDiagnostic(type.diagnostics, RuleID.strictDecoding, file: "kind.yaml", line: 6)
        let nodes = LabFacts.read([("kind.yaml", "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes: 3\n")])
        #expect(
            nodes.readDiagnostics.map(\.description) == [
                "kind.yaml:3:8: error: 'nodes' in Cluster must be a list, not the integer 3 (the kind config is decoded strictly) [LG015]"
            ])
    }

    @Test func lg016MTUMismatchOnABridge() {
        var lab = TestLab()
        lab.replace(
            "    - endpoints: [\"br-pool0:br-pool0-net1\", \"server2:net0\"]\n      mtu: 1500",
            with: "    - endpoints: [\"br-pool0:br-pool0-net1\", \"server2:net0\"]\n      mtu: 9000", in: \.clab)
        expectDiagnostic(lab.diagnostics, RuleID.mtu, file: "demo.clab.yaml", line: line(of: "mtu: 9000", in: lab.clab))
        var veth = TestLab()
        veth.extra = [
            (
                "calico/config.yaml",
                "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: calico-config\ndata:\n  veth_mtu: \"1500\"\n"
            )
        ]
        expectDiagnostic(veth.diagnostics, RuleID.mtu, file: "calico/config.yaml", line: 6)
    }

    @Test func lg017AutodetectionMissingOrMissingANode() {
        var lab = TestLab()
        lab.replace("cidr=10.1.5.0/24,10.1.8.0/24", with: "cidr=10.1.5.0/24", in: \.calicoNode)
        expectDiagnostic(lab.diagnostics, RuleID.autodetection, file: "calico/calico-node-patch.yaml", line: 8)
        var missing = TestLab()
        missing.calicoNode = ""
        expectDiagnostic(
            missing.diagnostics, RuleID.autodetection, file: "calico/ippool.yaml", line: 8, severity: .warning)
    }

    @Test func lg018ServiceSubnetOverlapsNodes() {
        var lab = TestLab()
        lab.replace(
            "podSubnet: \"10.244.0.0/16\"", with: "podSubnet: \"10.244.0.0/16\"\n  serviceSubnet: \"10.1.0.0/16\"",
            in: \.kind)
        expectDiagnostic(lab.diagnostics, RuleID.serviceSubnet, file: "kind.yaml", line: 7)
        var mode = TestLab()
        mode.replace("disableDefaultCNI: true", with: "disableDefaultCNI: true\n  kubeProxyMode: ipvss", in: \.kind)
        expectDiagnostic(mode.diagnostics, RuleID.serviceSubnet, file: "kind.yaml", line: 6)
    }

    @Test func lg019PatchKindThatDoesNotReachItsNode() {
        var lab = TestLab()
        lab.replace("kind: InitConfiguration", with: "kind: JoinConfiguration", in: \.kind)
        expectDiagnostic(lab.diagnostics, RuleID.patchKind, file: "kind.yaml", line: 11)
    }

    @Test func lg020StandalonePatchDisagrees() {
        var lab = TestLab()
        lab.extra = [
            (
                "kubeadm/demo-worker2.yaml",
                "kind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: 10.1.8.10\n    node-labels: rack=rack1\n"
            )
        ]
        #expect(lab.diagnostics.isEmpty)
        lab.extra = [
            (
                "kubeadm/demo-worker2.yaml",
                "kind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: 10.1.8.11\n    node-labels: rack=rack1\n"
            )
        ]
        expectDiagnostic(lab.diagnostics, RuleID.standalonePatch, file: "kubeadm/demo-worker2.yaml", line: 4)
    }

    /// kubeadm.yaml: one document per node, found by its nodeRegistration.name (not by the file name).
    @Test func lg020MultiDocumentPatchFile() {
        func document(_ kind: String, _ name: String, _ ip: String, _ rack: String) -> String {
            "kind: \(kind)\nnodeRegistration:\n  name: \(name)\n  kubeletExtraArgs:\n    node-ip: \(ip)\n"
                + "    node-labels: rack=\(rack)\n"
        }
        var lab = TestLab()
        let agreeing = document("JoinConfiguration", "demo-worker2", "10.1.8.10", "rack1")
        lab.extra = [("kubeadm.yaml", agreeing)]
        #expect(lab.diagnostics.isEmpty)
        // The second document names worker2 but sets another address.
        lab.extra = [
            ("kubeadm.yaml", agreeing + "---\n" + document("JoinConfiguration", "demo-worker2", "10.1.8.11", "rack1"))
        ]
        expectDiagnostic(lab.diagnostics, RuleID.standalonePatch, file: "kubeadm.yaml", line: 12)
        // A name the kind config does not have.
        lab.extra = [("kubeadm.yaml", document("JoinConfiguration", "demo-wroker2", "10.1.8.10", "rack1"))]
        expectDiagnostic(lab.diagnostics, RuleID.standalonePatch, file: "kubeadm.yaml", line: 3)
        #expect(lab.diagnostics.contains { $0.message.contains("did you mean 'demo-worker2'?") })
        // A document of the wrong kind for its named node.
        lab.extra = [("kubeadm.yaml", document("InitConfiguration", "demo-worker2", "10.1.8.10", "rack1"))]
        expectDiagnostic(lab.diagnostics, RuleID.patchKind, file: "kubeadm.yaml", line: 1)
    }

    @Test func lg008NoEncapsulationAcrossRacksBehindAGateway() {
        var lab = TestLab()
        lab.replace("ipipMode: CrossSubnet", with: "ipipMode: Never", in: \.pool)
        let found = lab.diagnostics.filter { $0.id == RuleID.encapsulation }
        #expect(found.count == 1, "\(lab.diagnostics)")
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location?.file == "calico/ippool.yaml")
    }

    @Test func lg021SetCommandsDisagreeWithConfigBoot() {
        var lab = TestLab()
        // A subset that agrees: fine (the set file may leave defaults out).
        lab.extra = [
            (
                "startup-conf/gw0.cfg",
                "set interfaces ethernet eth1 address '10.1.5.1/24'\nset interfaces ethernet eth2 address '10.1.8.1/24'\n"
            )
        ]
        #expect(lab.diagnostics.isEmpty, "\(lab.diagnostics)")
        // The topology mounts gw0-boot.cfg, not gw0.cfg: a differing gw0.cfg is stale, a warning that says so.
        lab.extra = [
            (
                "startup-conf/gw0.cfg",
                "set interfaces ethernet eth2 address '10.1.8.1/24'\nset interfaces ethernet eth1 address '10.1.5.9/24'\n"
            )
        ]
        expectDiagnostic(lab.diagnostics, RuleID.vyosForms, file: "startup-conf/gw0.cfg", line: 2, severity: .warning)
        #expect(
            lab.diagnostics.first { $0.id == RuleID.vyosForms }?.message.contains("not mounted by the topology") == true
        )
        // A setting only the commands have.
        lab.extra = [
            (
                "startup-conf/gw0.cfg",
                "set interfaces ethernet eth1 address '10.1.5.1/24'\nset interfaces ethernet eth1 mtu '1400'\n"
            )
        ]
        expectDiagnostic(lab.diagnostics, RuleID.vyosForms, file: "startup-conf/gw0.cfg", line: 2, severity: .warning)
        // Without a topology that settles which one is booted, a difference is an error.
        var alone = lab
        alone.clab = "name: other\n"
        expectDiagnostic(alone.diagnostics, RuleID.vyosForms, file: "startup-conf/gw0.cfg", line: 2)
    }

    /// 1.2's `outbound-interface eth0` and 1.4's `outbound-interface { name eth0 }` are one value.
    @Test func lg021DialectFormsAreNotDrift() {
        var lab = TestLab()
        lab.replace("./startup-conf/gw0-boot.cfg", with: "./startup-conf/gw0.cfg", in: \.clab)
        let nat =
            "set nat source rule 100 source address '10.1.0.0/16'\nset nat source rule 100 translation address 'masquerade'\n"
        lab.extra = [
            (
                "startup-conf/gw0.cfg",
                "set interfaces ethernet eth1 address '10.1.5.1/24'\nset interfaces ethernet eth2 address '10.1.8.1/24'\nset nat source rule 100 outbound-interface 'eth0'\n"
                    + nat
            )
        ]
        #expect(lab.diagnostics.filter { $0.severity != .note }.isEmpty, "\(lab.diagnostics)")
        lab.extra = [
            (
                "startup-conf/gw0.cfg",
                "set interfaces ethernet eth1 address '10.1.5.1/24'\nset interfaces ethernet eth2 address '10.1.8.1/24'\nset nat source rule 100 outbound-interface 'eth3'\n"
                    + nat
            )
        ]
        // Mounted set commands that differ from the config.boot next to them: an error.
        expectDiagnostic(lab.diagnostics, RuleID.vyosForms, file: "startup-conf/gw0.cfg", line: 3)
    }

    /// LG022 on the two-gateway template: without gw0's static route, gw0's racks cannot reach
    /// the rack behind gw1; with a next hop that is not gw1's, a warning.
    @Test func lg022RoutesBetweenGateways() throws {
        let template = try #require(templateLabs.first { $0.file == "calico-ipip-crosssubnet-2gw.swift" })
        let rendered = try #require(Pipeline.compile(template.lab.spec).rendered)
        #expect(Verifier.verify(LabFacts.read(rendered)).isEmpty)
        var files = rendered.artifacts.filter { $0.kind != .labModel }.map { ($0.path, $0.contents) }
        let index = try #require(files.firstIndex { $0.0 == "startup-conf/gw0-boot.cfg" })
        let boot = files[index].1
        let start = try #require(boot.range(of: "protocols {\n"))
        let end = try #require(boot.range(of: "\n}\n", range: start.upperBound..<boot.endIndex))
        files[index].1 = boot.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
        let diagnostics = Verifier.verify(LabFacts.read(files))
        let routes = diagnostics.filter { $0.id == RuleID.gatewayRoutes }
        #expect(routes.count == 1, "\(diagnostics.map(\.description))")
        #expect(routes.first?.severity == .error)
        #expect(routes.first?.location?.file == "startup-conf/gw0-boot.cfg")
        #expect(routes.first?.notes.first?.location?.file == "startup-conf/gw1-boot.cfg")
    }
}
