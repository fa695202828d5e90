import LabFormats
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

@Suite struct ReaderTests {
    @Test func embeddedKubeadmPatchAndTOMLMapToKindFilePositions() {
        let lab = TestLab()
        var diagnostics = DiagnosticList()
        let kind = KindConfigReader.read(lab.kind, file: "kind.yaml", diagnostics: &diagnostics)!
        #expect(diagnostics.isEmpty)
        #expect(kind.nodes.count == 3)
        let ip = kind.nodes[2].patches[0].nodeIP!
        #expect(ip.value == IPv4Address("10.1.8.10"))
        #expect(ip.location == SourceLocation(file: "kind.yaml", line: line(of: "10.1.8.10", in: lab.kind), column: 18))
        #expect(kind.nodes[0].patches[0].kind.location == SourceLocation(file: "kind.yaml", line: 11, column: 11))
        let label = kind.nodes[0].patches[0].nodeLabels[0]
        #expect(label.value == NodeLabel(key: "rack", value: "rack0"))
        #expect(label.location.line == 15 && label.location.column == 23)
        let mirror = kind.mirrors[0]
        #expect(mirror.host == "192.168.2.100:5000")
        #expect(
            mirror.location == SourceLocation(file: "kind.yaml", line: line(of: "[plugins", in: lab.kind), column: 3))
        #expect(mirror.endpoints[0].value == "http://192.168.2.100:5000")
        #expect(
            mirror.endpoints[0].location
                == SourceLocation(file: "kind.yaml", line: line(of: "endpoint", in: lab.kind), column: 17))
    }

    @Test func containerlabExecCommandsAndLinks() {
        let lab = TestLab()
        var diagnostics = DiagnosticList()
        let clab = ContainerlabReader.read(lab.clab, file: "demo.clab.yaml", diagnostics: &diagnostics)!
        let server3 = clab.nodes.first { $0.name.value == "server3" }!
        #expect(server3.addresses.map(\.address.description) == ["10.1.8.10/24"])
        #expect(server3.addresses[0].interface == "net0")
        #expect(server3.addresses[0].location == SourceLocation(file: "demo.clab.yaml", line: 29, column: 21))
        #expect(server3.defaultRoutes.map(\.value) == [IPv4Address("10.1.8.1")!])
        #expect(server3.defaultRoutes[0].location.column == 38)
        #expect(clab.links.count == 5)
        #expect(clab.links[0].mtu?.value == 1500)
        #expect(clab.links[0].endpoints.map(\.key) == ["br-pool0:br-pool0-net0", "server1:net0"])
    }

    @Test func vyosBothDialectsAndSetCommands() {
        var diagnostics = DiagnosticList()
        let crux = VyOSFactsReader.read(
            "interfaces {\n    ethernet eth1 {\n        address 10.1.5.1/24\n        mtu 1500\n    }\n}\nnat {\n    source {\n        rule 100 {\n            outbound-interface eth0\n            source {\n                address 10.1.0.0/16\n            }\n            translation {\n                address masquerade\n            }\n        }\n    }\n}\n",
            file: "gw.boot", diagnostics: &diagnostics)!
        #expect(crux.interfaces[0].addresses[0].location == SourceLocation(file: "gw.boot", line: 3, column: 17))
        #expect(crux.interfaces[0].mtu?.value == 1500)
        #expect(crux.natRules[0].outboundInterface?.value == "eth0")
        #expect(crux.natRules[0].masquerade)
        let set = VyOSFactsReader.read(
            "set interfaces ethernet eth2 address '10.1.8.1/24'\nset nat source rule 100 outbound-interface 'eth0'\nset nat source rule 100 source address '10.1.0.0/16'\nset nat source rule 100 translation address 'masquerade'\n",
            file: "gw.cfg", diagnostics: &diagnostics)!
        #expect(set.isSetCommands)
        #expect(set.interfaces[0].addresses[0].value.description == "10.1.8.1/24")
        #expect(set.natRules[0].source?.value == IPv4Prefix("10.1.0.0/16"))
        #expect(diagnostics.isEmpty)
    }

    @Test func discoveryClassifiesByContent() {
        let lab = TestLab()
        #expect(ArtifactDiscovery.classify(lab.kind) == [.kindConfig])
        #expect(ArtifactDiscovery.classify(lab.clab) == [.containerlab])
        #expect(ArtifactDiscovery.classify(lab.vyos) == [.vyos])
        #expect(ArtifactDiscovery.classify("set interfaces ethernet eth1 address '10.1.5.1/24'\n") == [.vyos])
        #expect(ArtifactDiscovery.classify(lab.pool) == [.calicoPools])
        #expect(
            ArtifactDiscovery.classify("kind: IPPoolList\nitems:\n- kind: IPPool\n  spec:\n    cidr: 10.244.0.0/16\n")
                == [.calicoPools])
        #expect(ArtifactDiscovery.classify(lab.calicoNode) == [.calicoNode])
        #expect(ArtifactDiscovery.classify(lab.bridges) == [.bridgeScript])
        #expect(ArtifactDiscovery.classify("#!/bin/sh\nbrctl addbr br-pool0\n") == [.bridgeScript])
        #expect(ArtifactDiscovery.classify("kind: JoinConfiguration\n") == [.kubeadmPatch])
        #expect(ArtifactDiscovery.classify("{\"name\": \"x\", \"topology\": {}}") == [])
        #expect(ArtifactDiscovery.classify("just: some\nyaml: here\n") == [])
        #expect(ArtifactDiscovery.classify("# README\n\nnot yaml: [\n") == [])
    }

    @Test func bridgeScriptForms() {
        let facts = BridgeScriptReader.read(
            "BRIDGES=\"a b\"\nbrctl addbr br-x\nip link add br-y type bridge\nip link add name \"$br\" type bridge\n",
            file: "s.sh")
        #expect(facts.bridges.map(\.value) == ["a", "b", "br-x", "br-y"])
        #expect(facts.bridges[1].location == SourceLocation(file: "s.sh", line: 1, column: 12))
        // A function that creates the bridge named by its first argument, called once per bridge.
        let calls = BridgeScriptReader.read(
            "mk() {\n    ip link add name \"$1\" type bridge\n}\nother() {\n    echo \"$1\"\n}\nmk 'br-a'\nother 'br-b'\n  mk br-c\n",
            file: "f.sh")
        #expect(calls.bridges.map(\.value) == ["br-a", "br-c"])
        #expect(calls.bridges[0].location == SourceLocation(file: "f.sh", line: 7, column: 5))
    }

    @Test func strictKubeadmPatchStandalone() {
        var diagnostics = DiagnosticList()
        let patches = KubeadmPatchReader.read(
            "kind: JoinConfiguration\nnodeRegistration:\n  kubeIetExtraArgs:\n    node-ip: 10.1.5.11\n  taints: 3\n",
            origin: TextOrigin(file: "p.yaml"), diagnostics: &diagnostics)
        #expect(patches.count == 1)
        #expect(
            diagnostics.map(\.description) == [
                "p.yaml:3:3: error: unknown field 'kubeIetExtraArgs' in NodeRegistrationOptions (a kubeadm patch is decoded strictly); did you mean 'kubeletExtraArgs'? [LG015]",
                "p.yaml:5:11: error: 'taints' in NodeRegistrationOptions must be a list, not the integer 3 (a kubeadm patch is decoded strictly) [LG015]",
            ])
    }

    @Test func kindContainerNames() {
        #expect(
            Verifier.kindContainerNames(
                cluster: "c", roles: ["control-plane", "worker", "control-plane", "worker", "worker"])
                == ["c-control-plane", "c-worker", "c-control-plane2", "c-worker2", "c-worker3"])
    }
}

@Suite struct PipelineVerificationTests {
    @Test(arguments: templateLabs.map(\.file))
    func templateLabsVerifyClean(file: String) throws {
        let template = try #require(templateLabs.first { $0.file == file })
        let compiled = Pipeline.compile(template.lab.spec)
        let rendered = try #require(compiled.rendered)
        let facts = LabFacts.read(rendered)
        #expect(facts.kind != nil || template.lab.spec.clusters.isEmpty)
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.description) == [])
        // The 2022 template reproduces the short container names on purpose: only LG001 warnings.
        #expect(compiled.diagnostics.allSatisfy { $0.severity != .error })
    }

    @Test func tenThousandNodesVerifyQuickly() {
        var kind = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nname: big\nnodes:\n"
        var nodes =
            "name: big\ntopology:\n  nodes:\n    gw0:\n      kind: linux\n      binds:\n        - ./gw0.boot:/opt/vyatta/etc/config/config.boot\n"
        var links = "  links:\n"
        var vyos = "interfaces {\n"
        let racks = 100
        for rack in 0..<racks {
            nodes += "    br\(rack):\n      kind: bridge\n"
            vyos +=
                "    ethernet eth\(rack + 1) {\n        address \"10.\(rack / 200 + 2).\(rack % 200).1/24\"\n    }\n"
            links += "    - endpoints: [\"gw0:eth\(rack + 1)\", \"br\(rack):p\(rack)-gw\"]\n"
        }
        vyos += "}\n"
        for index in 0..<10_000 {
            let rack = index % racks
            let host = index / racks + 10
            let address = "10.\(rack / 200 + 2).\(rack % 200).\(host)"
            kind +=
                "- role: \(index == 0 ? "control-plane" : "worker")\n  kubeadmConfigPatches:\n  - |\n    kind: \(index == 0 ? "InitConfiguration" : "JoinConfiguration")\n    nodeRegistration:\n      kubeletExtraArgs:\n        node-ip: \(address)\n"
            let name = index == 0 ? "big-control-plane" : "big-worker" + (index == 1 ? "" : String(index))
            nodes +=
                "    s\(index):\n      network-mode: container:\(name)\n      exec:\n      - ip addr add \(address)/24 dev net0\n      - ip route replace default via 10.\(rack / 200 + 2).\(rack % 200).1\n"
            links += "    - endpoints: [\"br\(rack):p\(index)\", \"s\(index):net0\"]\n"
        }
        let facts = LabFacts.read([("kind.yaml", kind), ("big.clab.yaml", nodes + links), ("gw0.boot", vyos)])
        let diagnostics = Verifier.verify(facts)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description).prefix(3) == [])
    }
}
