import LabModel
import Testing

@testable import LabgenCore

/// A spine/leaf fabric as hand-written labs have it: the kind config in a setup script's heredoc,
/// bridges made by a loop, two VyOS 1.4 leaves that announce their rack with BGP `network` and peer
/// eBGP with one VyOS 1.2 spine, all links at MTU 1500 (VyOS 1.4's default, LG056). Tests change one line
/// to make one fault.
struct FabricLab {
    var setup = """
        #!/bin/bash
        set -v
        cat <<EOF | kind create cluster --name=fab --image=kindest/node:v1.27.3 --config=-
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        networking:
          disableDefaultCNI: true
        nodes:
        - role: control-plane
          kubeadmConfigPatches:
          - |
            kind: InitConfiguration
            nodeRegistration:
              kubeletExtraArgs:
                node-ip: 10.1.5.10
        - role: worker
          kubeadmConfigPatches:
          - |
            kind: JoinConfiguration
            nodeRegistration:
              kubeletExtraArgs:
                node-ip: 10.1.8.10
        EOF

        """

    var bridges = """
        #!/bin/bash
        for br in br-leaf0 br-leaf1; do
            ip l a $br type bridge
            ip l s $br up
        done
        cat <<EOF>clab.yaml | clab deploy -t clab.yaml -
        name: copy
        topology:
          nodes:
            ignored: {kind: linux}
        EOF

        """

    var clab = """
        name: fab
        topology:
          nodes:
            spine0:
              kind: linux
              image: vyos/vyos:1.4.7
              binds:
                - ./startup-conf/spine0-boot.cfg:/opt/vyatta/etc/config/config.boot
            leaf0:
              kind: linux
              image: vyos/vyos:1.4.7
              binds:
                - ./startup-conf/leaf0-boot.cfg:/opt/vyatta/etc/config/config.boot
            leaf1:
              kind: linux
              image: vyos/vyos:1.4.7
              binds:
                - ./startup-conf/leaf1-boot.cfg:/opt/vyatta/etc/config/config.boot
            br-leaf0:
              kind: bridge
            br-leaf1:
              kind: bridge
            server1:
              kind: linux
              network-mode: container:fab-control-plane
              exec:
              - ip addr add 10.1.5.10/24 dev net0
              - ip route replace default via 10.1.5.1
            server2:
              kind: linux
              network-mode: container:fab-worker
              exec:
              - ip a a 10.1.8.10/24 dev net0
              - ip r r default via 10.1.8.1
          links:
            - endpoints: ["br-leaf0:br-leaf0-net0", "server1:net0"]
              mtu: 1500
            - endpoints: ["br-leaf1:br-leaf1-net0", "server2:net0"]
              mtu: 1500
            - endpoints: ["leaf0:eth1", "spine0:eth1"]
              mtu: 1500
            - endpoints: ["leaf1:eth1", "spine0:eth2"]
              mtu: 1500
            - endpoints: ["leaf0:eth3", "br-leaf0:br-leaf0-net1"]
              mtu: 1500
            - endpoints: ["leaf1:eth3", "br-leaf1:br-leaf1-net1"]
              mtu: 1500

        """

    var spine = """
        interfaces {
            ethernet eth1 {
                address 10.1.10.2/24
            }
            ethernet eth2 {
                address 10.1.11.2/24
            }
        }
        protocols {
            bgp 500 {
                neighbor 10.1.10.1 {
                    remote-as 65005
                }
                neighbor 10.1.11.1 {
                    remote-as 65008
                }
            }
        }

        """

    var leaf0 = """
        interfaces {
            ethernet eth1 {
                address "10.1.10.1/24"
            }
            ethernet eth3 {
                address "10.1.5.1/24"
            }
        }
        nat {
            source {
                rule 100 {
                    outbound-interface {
                        name "eth0"
                    }
                    source {
                        address "10.1.0.0/16"
                    }
                    translation {
                        address "masquerade"
                    }
                }
            }
        }
        protocols {
            bgp {
                address-family {
                    ipv4-unicast {
                        network 10.1.5.0/24 {
                        }
                    }
                }
                neighbor 10.1.10.2 {
                    remote-as "500"
                }
                system-as "65005"
            }
        }

        """

    var leaf1: String {
        get {
            leaf1Override
                ?? leaf0.replacingOccurrences(of: "10.1.10.1/24", with: "10.1.11.1/24")
                .replacingOccurrences(of: "10.1.5.1/24", with: "10.1.8.1/24")
                .replacingOccurrences(of: "network 10.1.5.0/24", with: "network 10.1.8.0/24")
                .replacingOccurrences(of: "neighbor 10.1.10.2", with: "neighbor 10.1.11.2")
                .replacingOccurrences(of: "65005", with: "65008")
        }
        set { leaf1Override = newValue }
    }
    var leaf1Override: String?

    var extra: [(String, String)] = []

    var files: [(path: String, text: String)] {
        [
            ("1-setup-env.sh", setup), ("2-setup-clab.sh", bridges), ("clab.yaml", clab),
            ("startup-conf/spine0-boot.cfg", spine), ("startup-conf/leaf0-boot.cfg", leaf0),
            ("startup-conf/leaf1-boot.cfg", leaf1),
        ] + extra
    }

    var facts: LabFacts { LabFacts.read(files) }
    var diagnostics: [Diagnostic] { Verifier.verify(facts) }
    var problems: [Diagnostic] { diagnostics.filter { $0.severity != .note } }

    mutating func replace(_ old: String, with new: String, in keyPath: WritableKeyPath<FabricLab, String>) {
        let text = self[keyPath: keyPath]
        let count = text.components(separatedBy: old).count - 1
        #expect(count == 1, "'\(old)' occurs \(count) times")
        self[keyPath: keyPath] = text.replacingOccurrences(of: old, with: new)
    }
}

@Suite struct ShellScriptTests {
    @Test func theFabricVerifiesCleanWithItsKindConfigFromTheScript() {
        let lab = FabricLab()
        let facts = lab.facts
        #expect(facts.kind?.file == "1-setup-env.sh")
        #expect(facts.kind?.name?.value == "fab")
        #expect(facts.kind?.name?.location == SourceLocation(file: "1-setup-env.sh", line: 3, column: 40))
        #expect(facts.kind?.nodes.first?.patches.first?.nodeIP?.location.line == 15)
        #expect(facts.images.contains { $0.reference.value == "kindest/node:v1.27.3" })
        #expect(facts.bridgeScripts.flatMap(\.bridges).map(\.value) == ["br-leaf0", "br-leaf1"])
        #expect(facts.clab?.file == "clab.yaml")
        #expect(lab.problems.map(\.description) == [])
    }

    @Test func kindCreateForms() {
        let forms = [
            "kind create cluster --name demo --config - <<'EOF'\nkind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nEOF\n",
            "cat <<-EOF | kind create cluster --image=img --name=demo --config=-\n\tkind: Cluster\n\tapiVersion: kind.x-k8s.io/v1alpha4\n\tEOF\n",
            "sudo kind create cluster \\\n  --name=demo --config=- << \"END\"\nkind: Cluster\nEND\n",
        ]
        for form in forms {
            let script = ShellScriptReader.read(form, file: "s.sh")
            #expect(script.kindClusters.count == 1, "\(form)")
            #expect(script.kindClusters.first?.name?.value == "demo")
            #expect(script.kindClusters.first?.config.contains("kind: Cluster") == true)
        }
        // A config from a file is found as that file, not here.
        #expect(ShellScriptReader.read("kind create cluster --config kind.yaml\n", file: "s.sh").kindClusters.isEmpty)
    }

    @Test func bridgeForms() {
        let script = ShellScriptReader.read(
            """
            brctl addbr br-a;ifconfig br-a up;brctl addbr br-b
            ip link add br-c type bridge
            ip l a br-d type bridge && ip l s br-d up
            ip link add name br-e type bridge
            for br in br-f br-g; do ip l a $br type bridge; done
            for x in br-h
            do
              ip link add "$x" type bridge
            done
            ip link add veth0 type veth peer name veth1
            ip netns exec ns1 ip link add br-ns type bridge
            docker exec gw ip link add br-container type bridge
            cat <<EOF > clab.yaml
                - ip link add br-in-heredoc type bridge
            EOF
            # ip link add br-comment type bridge

            """, file: "2-setup.sh")
        #expect(script.bridges.map(\.value) == ["br-a", "br-b", "br-c", "br-d", "br-e", "br-f", "br-g", "br-h"])
        #expect(script.bridges[5].location == SourceLocation(file: "2-setup.sh", line: 5, column: 11))
        #expect(script.unresolvedBridge == nil)
        #expect(ShellScriptReader.read("ip link add $1 type bridge\n", file: "s.sh").unresolvedBridge != nil)
    }

    @Test func bridgesCreatedByAFunctionAreReadFromItsCalls() {
        // labgen's own bridges.sh: a function creates the bridge its first argument names.
        let text = """
            #!/bin/sh
            bridge_up() {
                if ! ip link show dev "$1" >/dev/null 2>&1; then
                    ip link add name "$1" type bridge
                fi
            }
            case "${1:-up}" in
            up)
                bridge_up 'br-pool0'
                bridge_up 'br-pool1'
                ;;
            esac

            """
        let script = ShellScriptReader.read(text, file: "bridges.sh")
        #expect(script.bridges.map(\.value) == ["br-pool0", "br-pool1"])
        #expect(script.bridges.first?.location.line == 9)
        #expect(script.unresolvedBridge == nil)
        // Without the calls, nothing is created (and nothing is unresolved).
        let withoutCalls = ShellScriptReader.read(
            text.replacingOccurrences(of: "bridge_up 'br-pool1'", with: ":"), file: "b.sh")
        #expect(withoutCalls.bridges.map(\.value) == ["br-pool0"])
    }

    @Test func aVariableThatGrowsLineByLineIsForgottenPastItsBound() {
        // lab.sh collects node names this way; expanding it on every line made reading quadratic.
        let growing = (0..<(ShellScriptReader.maximumVariableWords + 10)).map { "w=\"$w n\($0)\"\n" }.joined()
        let script = ShellScriptReader.read(growing + "for br in $w; do brctl addbr $br; done\n", file: "s.sh")
        #expect(script.bridges.isEmpty)
        #expect(script.unresolvedBridge != nil)
        let short = ShellScriptReader.read(
            "B=\"br-a\"\nB=\"$B br-b\"\nfor br in $B; do brctl addbr $br; done\n", file: "s.sh")
        #expect(short.bridges.map(\.value) == ["br-a", "br-b"])
    }

    @Test func scriptsAndUnknownFilesAreNeverParsedAsYAML() {
        var lab = FabricLab()
        lab.extra = [
            ("3-install.sh", "#!/bin/bash\ncat <<EOF | kubectl apply -f -\nkind: Cluster\n  bad: [\nEOF\n"),
            ("run", "#!/usr/bin/env bash\ntopology: [\n"),
            ("docker-compose.yaml", "x-common: &common\n  image: a\nservices:\n  a:\n    <<: *common\n"),
            ("page.html", "<html>topology: kind: Cluster [</html>\n"),
            ("tool.py", "#!/usr/bin/env python3\nprint('topology:')\n"),
        ]
        let diagnostics = lab.diagnostics
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.severity == .note && $0.location?.file == "docker-compose.yaml" })
    }

    @Test func aSubfolderWithItsOwnTopologyIsAnotherLab() {
        var lab = FabricLab()
        lab.extra = [
            ("variant/clab.yaml", "name: other\ntopology:\n  nodes:\n    x: {kind: bridge}\n"),
            ("variant/kind.yaml", "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes: 3\n"),
        ]
        let diagnostics = lab.diagnostics
        #expect(lab.problems.isEmpty, "\(diagnostics)")
        #expect(
            diagnostics.contains {
                $0.severity == .note && $0.message.contains("variant/ holds its own containerlab topology")
            })
    }
}

@Suite struct DynamicRoutingTests {
    @Test func bgpNetworkAndSessionsAreRoutes() {
        // Clean: leaf0 learns 10.1.8.0/24 from leaf1 through spine0 (two eBGP sessions).
        #expect(FabricLab().problems.isEmpty)
    }

    @Test func aSessionConfiguredOnOneSideOnlyIsNoRoute() {
        var lab = FabricLab()
        lab.replace("        neighbor 10.1.11.1 {\n            remote-as 65008\n        }\n", with: "", in: \.spine)
        let found = lab.diagnostics.filter { $0.id == RuleID.gatewayRoutes }
        // leaf0 and spine0 have no route to leaf1's rack, leaf1 none to leaf0's.
        #expect(found.count == 3, "\(found)")
        #expect(found.allSatisfy { $0.message.contains("BGP/OSPF") })
    }

    @Test func redistributeConnectedAnnouncesTheRack() {
        var lab = FabricLab()
        lab.leaf1 = FabricLab().leaf1
        lab.replace(
            "        address-family {\n            ipv4-unicast {\n                network 10.1.5.0/24 {\n                }\n            }\n        }\n",
            with:
                "        address-family {\n            ipv4-unicast {\n                redistribute {\n                    connected {\n                    }\n                }\n            }\n        }\n",
            in: \.leaf0)
        #expect(lab.problems.isEmpty, "\(lab.problems)")
        // Without it, leaf1 has no route to leaf0's rack: LG022 at leaf1.
        lab.replace(
            "                redistribute {\n                    connected {\n                    }\n                }\n",
            with: "", in: \.leaf0)
        let found = lab.diagnostics.filter { $0.id == RuleID.gatewayRoutes }
        #expect(
            found.map(\.location?.file) == ["startup-conf/leaf1-boot.cfg", "startup-conf/spine0-boot.cfg"], "\(found)")
    }

    @Test func ospfAreaNetworksAreRoutes() {
        var lab = FabricLab()
        let ospf = { (a: String, b: String) in
            "interfaces {\n    ethernet eth1 {\n        address \(a)\n    }\n    ethernet eth3 {\n        address \(b)\n    }\n}\n"
                + "nat {\n    source {\n        rule 100 {\n            outbound-interface eth0\n            source {\n                address 10.1.0.0/16\n            }\n            translation {\n                address masquerade\n            }\n        }\n    }\n}\n"
                + "protocols {\n    ospf {\n        area 0 {\n            network 10.1.0.0/16\n        }\n    }\n}\n"
        }
        lab.leaf0 = ospf("10.1.10.1/24", "10.1.5.1/24")
        lab.leaf1 = ospf("10.1.11.1/24", "10.1.8.1/24")
        lab.spine =
            "interfaces {\n    ethernet eth1 {\n        address 10.1.10.2/24\n    }\n    ethernet eth2 {\n        address 10.1.11.2/24\n    }\n}\nprotocols {\n    ospf {\n        area 0.0.0.0 {\n            network 10.1.0.0/16\n        }\n    }\n}\n"
        #expect(lab.problems.isEmpty, "\(lab.problems)")
        lab.replace("network 10.1.0.0/16", with: "network 10.1.10.0/24", in: \.spine)
        // spine0 no longer runs OSPF towards leaf1: no path between the leaves.
        #expect(lab.diagnostics.filter { $0.id == RuleID.gatewayRoutes }.count == 3)
    }

    @Test func lg008GatewayPeeringBGPWithTheNodes() {
        var lab = TestLab()
        lab.replace("ipipMode: CrossSubnet", with: "ipipMode: Never", in: \.pool)
        #expect(lab.diagnostics.contains { $0.id == RuleID.encapsulation })
        lab.replace(
            "nat {\n",
            with:
                "protocols {\n    bgp 65000 {\n        neighbor 10.1.5.10 {\n            remote-as 65000\n        }\n        neighbor 10.1.8.10 {\n            remote-as 65000\n        }\n    }\n}\nnat {\n",
            in: \.vyos)
        #expect(!lab.diagnostics.contains { $0.id == RuleID.encapsulation }, "\(lab.diagnostics)")
    }
}

@Suite struct GatewayShapeTests {
    @Test func vifAndBridgeMemberAddressesServeTheirPorts() {
        var lab = TestLab()
        // gw0 eth1: the rack address on vif 5 of a VyOS bridge whose member is eth1.
        lab.replace(
            "    ethernet eth1 {\n        address \"10.1.5.1/24\"\n    }\n",
            with:
                "    bridge br0 {\n        member {\n            interface eth1 {\n                native-vlan 5\n            }\n        }\n        vif 5 {\n            address \"10.1.5.1/24\"\n        }\n    }\n",
            in: \.vyos)
        // gw0 eth2: on vif 8 of the ethernet interface.
        lab.replace(
            "address \"10.1.8.1/24\"", with: "vif 8 {\n            address \"10.1.8.1/24\"\n        }", in: \.vyos)
        #expect(lab.diagnostics.isEmpty, "\(lab.diagnostics)")
        // Without the vif address, eth1 is a plain switch port (no LG005), but rack0's gateway is gone.
        lab.replace("address \"10.1.5.1/24\"", with: "description none", in: \.vyos)
        #expect(!lab.diagnostics.contains { $0.id == RuleID.gatewayInterfaces && $0.severity == .error })
        expectDiagnostic(
            lab.diagnostics, RuleID.rackRouter, file: "demo.clab.yaml", line: line(of: "via 10.1.5.1", in: lab.clab))
    }

    @Test func serversWiredStraightToARouterPort() {
        var lab = TestLab()
        // server3 (alone in rack1) on gw0's eth2 itself, no bridge between.
        lab.replace(
            "- endpoints: [\"br-pool1:br-pool1-net0\", \"server3:net0\"]",
            with: "- endpoints: [\"gw0:eth2\", \"server3:net0\"]", in: \.clab)
        lab.replace(
            "    - endpoints: [\"gw0:eth2\", \"br-pool1:br-pool1-net2\"]\n      mtu: 1500\n", with: "", in: \.clab)
        #expect(lab.diagnostics.isEmpty, "\(lab.diagnostics)")
        // A wrong default route, or address, on that direct link is still caught.
        lab.replace("ip route replace default via 10.1.8.1", with: "ip route replace default via 10.1.8.9", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.defaultRoute, file: "demo.clab.yaml", line: line(of: "via 10.1.8.9", in: lab.clab))
        lab.replace("ip addr add 10.1.8.10/24", with: "ip addr add 10.1.9.10/24", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.gatewaySubnet, file: "demo.clab.yaml", line: line(of: "10.1.9.10/24", in: lab.clab))
    }

    @Test func unmodeledNodesAreNotedNotGuessed() {
        var lab = TestLab()
        lab.replace(
            "    br-pool0:\n",
            with:
                "    frr1:\n      kind: linux\n      image: frrouting/frr\n      binds:\n        - ./frr/frr1.conf:/etc/frr/frr.conf\n    sonic1:\n      kind: sonic-vm\n      image: sonic\n    br-pool0:\n",
            in: \.clab)
        let notes = lab.diagnostics.filter { $0.severity == .note }
        #expect(notes.count == 2, "\(lab.diagnostics)")
        #expect(notes.contains { $0.message.contains("FRR") } && notes.contains { $0.message.contains("sonic-vm") })
        #expect(!lab.diagnostics.contains { $0.severity != .note })
    }
}

@Suite struct ValidShapeTests {
    @Test func ipv6InExecIsNotAnError() {
        var lab = TestLab()
        lab.replace(
            "      - ip addr add 10.1.5.11/24 dev net0\n",
            with:
                "      - ip addr add 10.1.5.11/24 dev net0\n      - ip -6 addr add 2001:db8::11/64 dev net0\n      - ip addr add 2001:db8::12/64 dev net0\n      - ip -6 route replace default via 2001:db8::1\n",
            in: \.clab)
        #expect(lab.diagnostics.isEmpty, "\(lab.diagnostics)")
        lab.replace("2001:db8::12/64", with: "10.1.5.300/24", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.nodeIP, file: "demo.clab.yaml", line: line(of: "10.1.5.300", in: lab.clab))
    }

    static let evpnTopology = """
        name: evpn
        topology:
          nodes:
            leaf1:
              kind: linux
              exec:
                - ip link add red type vrf table 1100
                - ip link add br5 type bridge
                - ip link set br5 master red
                - ip addr add 10.1.5.254/24 dev br5
                - ip addr add 10.1.6.1/24 dev eth3.6
            leaf2:
              kind: linux
              exec:
                - ip link add red type vrf table 1100
                - ip link add br5 type bridge
                - ip link set br5 master red
                - ip addr add 10.1.5.254/24 dev br5
                - ip addr add 10.1.6.1/24 dev eth3.7
            vm1:
              kind: linux
              exec:
                - ip addr add 10.1.5.10/24 dev eth1
            vm2:
              kind: linux
              exec:
                - ip addr add 10.1.5.10/24 dev eth1
            vpp1:
              kind: linux
            vpp2:
              kind: linux
          links:
            - endpoints: ["leaf1:eth2", "vm1:eth1"]
            - endpoints: ["leaf2:eth2", "vm2:eth1"]
            - endpoints: ["leaf1:eth3", "leaf2:eth3"]
            - endpoints: ["vpp1:eth1", "macvlan:ens256"]
            - endpoints: ["vpp2:eth1", "macvlan:ens256"]

        """

    @Test func anycastGatewaysVLANsAndMacvlanParents() {
        let diagnostics = Verifier.verify(LabFacts.read([("clab.yaml", Self.evpnTopology)]))
        // Only vm1/vm2's 10.1.5.10 (same scope) is a duplicate; the VRF and VLAN ones and the macvlan parent are fine.
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(diagnostics)")
        #expect(errors.first?.id == RuleID.addresses && errors.first?.message.contains("10.1.5.10") == true)
    }
}

@Suite struct DriftTests {
    @Test func lg002NodeIPThatNothingAssigns() {
        var lab = TestLab()
        lab.replace(
            "    server3:\n      kind: linux\n      network-mode: container:demo-worker2\n      exec:\n      - ip addr add 10.1.8.10/24 dev net0\n      - ip route replace default via 10.1.8.1\n",
            with: "", in: \.clab)
        lab.replace(
            "    - endpoints: [\"br-pool1:br-pool1-net0\", \"server3:net0\"]\n      mtu: 1500\n", with: "", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.nodeIP, file: "kind.yaml", line: line(of: "node-ip: 10.1.8.10", in: lab.kind))
    }

    @Test func lg024RackBridgeWithoutRouter() {
        var lab = TestLab()
        lab.replace(
            "    - endpoints: [\"gw0:eth2\", \"br-pool1:br-pool1-net2\"]\n      mtu: 1500\n", with: "", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.rackRouter, file: "demo.clab.yaml", line: line(of: "br-pool1:", in: lab.clab))
        #expect(
            lab.diagnostics.first { $0.id == RuleID.rackRouter }?.notes.contains {
                $0.message.contains("gw0 has 10.1.8.1")
            } == true)
    }

    @Test func lg023ExecAddressOnAMissingInterface() {
        var lab = TestLab()
        lab.replace("ip addr add 10.1.5.11/24 dev net0", with: "ip a a 10.1.5.11/24 dev net0", in: \.clab)
        #expect(lab.diagnostics.isEmpty, "\(lab.diagnostics)")
        lab.replace(
            "- endpoints: [\"br-pool0:br-pool0-net1\", \"server2:net0\"]",
            with: "- endpoints: [\"br-pool0:br-pool0-net1\", \"server2:net1\"]", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.execInterface, file: "demo.clab.yaml",
            line: line(of: "ip a a 10.1.5.11/24", in: lab.clab))
        // Created by another exec command: fine.
        lab.replace(
            "ip a a 10.1.5.11/24 dev net0",
            with: "ip link add net0 type dummy\n      - ip -4 a add 10.1.5.11/24 dev net0", in: \.clab)
        #expect(!lab.diagnostics.contains { $0.id == RuleID.execInterface })
    }

    @Test func abbreviatedIPCommandsAreRead() {
        var lab = TestLab()
        lab.replace(
            "ip route replace default via 10.1.8.1", with: "bash -c 'ip l s net0 up && ip r r default via 10.1.8.7'",
            in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.defaultRoute, file: "demo.clab.yaml", line: line(of: "10.1.8.7", in: lab.clab))
    }

    @Test func lg016RouterLinksAndTheDefaultMTU() {
        var lab = FabricLab()
        lab.leaf1 = FabricLab().leaf1
        // The leaf-spine link at containerlab's default MTU, and leaf0's end set to 9000.
        lab.replace(
            "[\"leaf0:eth1\", \"spine0:eth1\"]\n      mtu: 1500\n", with: "[\"leaf0:eth1\", \"spine0:eth1\"]\n",
            in: \.clab)
        lab.replace(
            "        address \"10.1.10.1/24\"\n", with: "        address \"10.1.10.1/24\"\n        mtu 9000\n",
            in: \.leaf0)
        let found = lab.diagnostics.filter { $0.id == RuleID.mtu }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.severity == .warning && found.first?.message.contains("containerlab's default") == true)
        #expect(found.first?.location?.file == "startup-conf/leaf0-boot.cfg")
    }

    @Test func lg025PrefixLengthsOfAPointToPointLink() {
        var lab = FabricLab()
        lab.replace("address 10.1.10.2/24", with: "address 10.1.10.0/31", in: \.spine)
        lab.replace("neighbor 10.1.10.2", with: "neighbor 10.1.10.0", in: \.leaf0)
        let found = lab.diagnostics.filter { $0.id == RuleID.linkSubnet }
        #expect(found.count == 1, "\(lab.diagnostics)")
        #expect(found.first?.severity == .warning)
    }
}

@Suite struct MoreScriptShapesTests {
    @Test func variablesInTheKindCommandAreExpandedOrTheConfigIsNoted() {
        var lab = FabricLab()
        lab.replace(
            "cat <<EOF | kind create cluster --name=fab",
            with: "NAME=fab\ncat <<EOF | kind create cluster --name=$NAME", in: \.setup)
        #expect(lab.facts.kind?.name?.value == "fab")
        #expect(lab.problems.isEmpty, "\(lab.problems)")
        lab.replace("NAME=fab\n", with: "", in: \.setup)
        #expect(lab.facts.kind == nil)
        #expect(lab.diagnostics.contains { $0.severity == .note && $0.message.contains("$NAME") })
        #expect(!lab.diagnostics.contains { $0.severity == .error })
    }

    @Test func twoClustersInOneLabCheckTheOneTheTopologyJoins() {
        var lab = FabricLab()
        lab.replace(
            "#!/bin/bash\n",
            with:
                "#!/bin/bash\nkind create cluster --name=other --config=- <<'EOF'\nkind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nEOF\n",
            in: \.setup)
        let facts = lab.facts
        #expect(facts.kind?.name?.value == "fab")
        #expect(facts.otherKindConfigs.map { $0.name?.value } == ["other"])
        #expect(lab.problems.isEmpty, "\(lab.problems)")
        #expect(lab.diagnostics.contains { $0.severity == .note && $0.message.contains("found 2 kind configs") })
    }

    @Test func aHostBridgeWithTheGatewayAddressIsTheRacksRouter() {
        var lab = TestLab()
        lab.replace(
            "    - endpoints: [\"gw0:eth2\", \"br-pool1:br-pool1-net2\"]\n      mtu: 1500\n", with: "", in: \.clab)
        #expect(lab.diagnostics.contains { $0.id == RuleID.rackRouter })
        lab.bridges += "ip addr add 10.1.8.1/24 dev br-pool1\n"
        #expect(!lab.diagnostics.contains { $0.id == RuleID.rackRouter }, "\(lab.diagnostics)")
    }

    @Test func extendedLinkEndpoints() {
        var diagnostics = DiagnosticList()
        let clab = ContainerlabReader.read(
            "name: x\ntopology:\n  nodes:\n    a: {kind: linux}\n  links:\n  - type: veth\n    endpoints:\n    - node: a\n      interface: eth1\n    - {node: b, interface: eth2}\n  - type: macvlan\n    endpoint: {node: a, interface: eth3}\n    host-interface: ens256\n",
            file: "t.yaml", diagnostics: &diagnostics)
        #expect(clab?.links.map { $0.endpoints.map(\.key) } == [["a:eth1", "b:eth2"], ["a:eth3"]])
    }

    @Test func aGatewayPeeringWithARouterLabgenDoesNotReadIsNotBlamed() {
        var lab = FabricLab()
        // spine0 is replaced by an FRR router: the leaves peer with addresses no VyOS config has.
        lab.replace(
            "- ./startup-conf/spine0-boot.cfg:/opt/vyatta/etc/config/config.boot",
            with: "- ./frr/spine0.conf:/etc/frr/frr.conf", in: \.clab)
        lab.replace(
            "image: vyos/vyos:1.4.7\n      binds:\n        - ./frr",
            with: "image: frrouting/frr\n      binds:\n        - ./frr", in: \.clab)
        #expect(!lab.diagnostics.contains { $0.id == RuleID.gatewayRoutes }, "\(lab.diagnostics)")
        #expect(lab.diagnostics.contains { $0.severity == .note && $0.message.contains("FRR") })
    }
}

@Suite struct ShellQuotingTests {
    @Test func aQuoteOverSeveralLinesHidesItsHeredoc() {
        let script = ShellScriptReader.read(
            "docker exec -t n bash -c 'cat << EOF > /root/x.sh\n#!/bin/bash\nip -ts monitor all\nEOF\nchmod +x /root/x.sh'\nbrctl addbr br-after\n",
            file: "s.sh")
        #expect(script.bridges.map(\.value) == ["br-after"])
        #expect(script.bridges.first?.location.line == 6)
    }

    @Test func execAddressKeywordsInAnyOrder() {
        var lab = TestLab()
        lab.replace("ip addr add 10.1.5.11/24 dev net0", with: "ip addr add dev net0 10.1.5.12/24 brd +", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.nodeIP, file: "demo.clab.yaml", line: line(of: "10.1.5.12/24", in: lab.clab))
    }
}

@Suite struct ServerShapeTests {
    /// A server wired to a router labgen does not model (an exec-configured linux router), and a
    /// server with a second address: the node-ip is one of its addresses, so no LG002.
    @Test func nodeIPOnALinkToAnUnmodeledRouterOrASecondInterface() {
        var lab = TestLab()
        lab.replace(
            "    br-pool0:\n",
            with: "    r1:\n      kind: linux\n      exec:\n      - ip addr add 10.1.9.1/24 dev eth1\n    br-pool0:\n",
            in: \.clab)
        lab.replace(
            "- endpoints: [\"br-pool1:br-pool1-net0\", \"server3:net0\"]",
            with: "- endpoints: [\"r1:eth1\", \"server3:net0\"]", in: \.clab)
        lab.replace("ip addr add 10.1.8.10/24 dev net0", with: "ip addr add 10.1.9.10/24 dev net0", in: \.clab)
        lab.replace("ip route replace default via 10.1.8.1", with: "ip route replace default via 10.1.9.1", in: \.clab)
        lab.replace("node-ip: 10.1.8.10", with: "node-ip: 10.1.9.10", in: \.kind)
        let errors = lab.diagnostics.filter { $0.id == RuleID.nodeIP }
        #expect(errors.isEmpty, "\(errors)")
        // A second address of server1 that is its node-ip.
        var second = TestLab()
        second.replace(
            "      - ip addr add 10.1.5.10/24 dev net0\n",
            with: "      - ip addr add 10.1.5.10/24 dev net0\n      - ip addr add 172.16.0.10/24 dev net1\n", in: \.clab
        )
        second.replace(
            "  links:\n", with: "  links:\n    - endpoints: [\"server1:net1\", \"server2:net1\"]\n", in: \.clab)
        second.replace("node-ip: 10.1.5.10", with: "node-ip: 172.16.0.10", in: \.kind)
        #expect(
            !second.diagnostics.contains { $0.id == RuleID.nodeIP && $0.severity == .error }, "\(second.diagnostics)")
    }
}

@Suite struct SwitchAndVariantTests {
    @Test func aVyOSSwitchPortNeedsNoAddress() {
        var lab = TestLab()
        lab.replace(
            "    ethernet eth1 {\n        address \"10.1.5.1/24\"\n    }\n",
            with:
                "    bridge br0 {\n        member {\n            interface eth1 {\n            }\n        }\n    }\n    ethernet eth3 {\n        address \"10.1.5.1/24\"\n    }\n",
            in: \.vyos)
        #expect(
            !lab.diagnostics.contains { $0.id == RuleID.gatewayInterfaces && $0.severity == .error },
            "\(lab.diagnostics)")
    }

    @Test func twoTopologiesAreAWarningNamingTheCheckedOne() {
        var lab = TestLab()
        lab.extra = [("v6.clab.yaml", "name: demo6\ntopology:\n  nodes:\n    a: {kind: linux}\n")]
        let found = lab.diagnostics.filter { $0.id == RuleID.unreadable }
        #expect(
            found.count == 1 && found[0].severity == .warning && found[0].message.contains("checked demo.clab.yaml"),
            "\(found)")
    }

    @Test func routingInsideAVRFIsNotBlamed() {
        var lab = FabricLab()
        lab.replace("        neighbor 10.1.11.1 {\n            remote-as 65008\n        }\n", with: "", in: \.spine)
        #expect(lab.diagnostics.contains { $0.id == RuleID.gatewayRoutes })
        lab.spine +=
            "vrf {\n    name red {\n        protocols {\n            bgp {\n                system-as 500\n            }\n        }\n        table 100\n    }\n}\n"
        // spine0 routes inside a VRF labgen does not follow: it is not blamed, and neither are routes through it.
        #expect(
            !lab.diagnostics.contains {
                $0.id == RuleID.gatewayRoutes && $0.location?.file == "startup-conf/spine0-boot.cfg"
            })
    }
}

@Suite struct BindPathTests {
    @Test func anAbsoluteBindFromTheAuthorsMachineIsTheLabsOwnFile() {
        var lab = TestLab()
        lab.replace("./startup-conf/gw0-boot.cfg", with: "/root/wcni/lab/startup-conf/gw0-boot.cfg", in: \.clab)
        #expect(lab.diagnostics.isEmpty, "\(lab.diagnostics)")
        lab.replace(
            "/root/wcni/lab/startup-conf/gw0-boot.cfg", with: "/root/wcni/lab/startup-conf/gw9-boot.cfg", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.vyosBind, file: "demo.clab.yaml", line: line(of: "gw9-boot.cfg", in: lab.clab))
    }
}

@Suite struct BindPWDTests {
    @Test func pwdPrefixedBindsAreRelativeToTheTopology() {
        var lab = TestLab()
        lab.replace("./startup-conf/gw0-boot.cfg", with: "${PWD}/startup-conf/gw0-boot.cfg", in: \.clab)
        #expect(lab.diagnostics.isEmpty, "\(lab.diagnostics)")
    }
}

@Suite struct SourceRoutingTests {
    @Test func defaultRoutesOfOtherTablesAndInterfacesAreNotTheRacks() {
        var lab = TestLab()
        lab.replace(
            "      - ip route replace default via 10.1.8.1\n",
            with:
                "      - ip route replace default via 10.1.8.1\n      - ip addr add 172.16.0.10/24 dev net1\n      - ip route add default via 172.16.0.1 dev net1 table 100\n      - ip route add default via 172.16.0.1 dev net1\n",
            in: \.clab)
        lab.replace("  links:\n", with: "  links:\n    - endpoints: [\"server3:net1\", \"server2:net1\"]\n", in: \.clab)
        #expect(!lab.diagnostics.contains { $0.id == RuleID.defaultRoute }, "\(lab.diagnostics)")
        // Still caught: a default route via an address that is on none of the server's subnets.
        lab.replace(
            "ip route add default via 172.16.0.1 dev net1\n", with: "ip route add default via 10.9.9.9\n", in: \.clab)
        expectDiagnostic(
            lab.diagnostics, RuleID.defaultRoute, file: "demo.clab.yaml", line: line(of: "10.9.9.9", in: lab.clab))
    }
}

@Suite struct IPv6KindTests {
    @Test func ipv6AndDualStackKindConfigsAreValid() {
        let kind =
            "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: ipv6\n  podSubnet: \"fd00:10:244::/56\"\n  serviceSubnet: \"fd00:10:96::/112\"\nnodes:\n- role: control-plane\n  kubeadmConfigPatches:\n  - |\n    kind: InitConfiguration\n    nodeRegistration:\n      kubeletExtraArgs:\n        node-ip: \"10.1.5.10,2001:db8::10\"\n"
        let facts = LabFacts.read([("kind.yaml", kind)])
        #expect(Verifier.verify(facts).filter { $0.severity == .error }.isEmpty, "\(Verifier.verify(facts))")
        #expect(facts.kind?.nodes.first?.patches.first?.nodeIP?.value == IPv4Address("10.1.5.10"))
    }
}

@Suite struct WrittenKindConfigTests {
    @Test func aHeredocWrittenToAFileThatKindReads() {
        var lab = FabricLab()
        lab.replace(
            "cat <<EOF | kind create cluster --name=fab --image=kindest/node:v1.27.3 --config=-\n",
            with: "cat > kind.yaml <<'EOF'\n", in: \.setup)
        lab.setup += "kind create cluster --name fab --config ./kind.yaml > /dev/null 2>&1\n"
        #expect(lab.facts.kind?.name?.value == "fab")
        #expect(lab.facts.kind?.nodes.first?.patches.first?.nodeIP?.location.line == 15)
        #expect(lab.problems.isEmpty, "\(lab.problems)")
        // The lab keeps kind.yaml too: that file is the kind config, read once.
        lab.extra = [
            (
                "kind.yaml",
                "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n"
            )
        ]
        #expect(lab.facts.kind?.file == "kind.yaml")
        #expect(lab.facts.otherKindConfigs.isEmpty)
    }
}

@Suite struct ScriptAddressTests {
    @Test func aGatewayAddressGivenByAScriptAfterDeployCounts() {
        var lab = TestLab()
        lab.replace("address \"10.1.5.1/24\"", with: "description none", in: \.vyos)
        #expect(lab.diagnostics.contains { $0.id == RuleID.rackRouter }, "\(lab.diagnostics)")
        lab.extra = [("3-config.sh", "#!/bin/bash\ndocker exec clab-demo-gw0 ip addr add 10.1.5.1/24 dev eth1\n")]
        #expect(!lab.diagnostics.contains { $0.id == RuleID.rackRouter }, "\(lab.diagnostics)")
    }
}
