import LabFormats
import LabKit
import LabModel
import LabgenTestSupport
import Testing

@testable import LabgenCore

/// Property: any valid model renders, and its artifacts read back (through the same readers
/// `labgen verify` uses) to the facts of the model: node addresses and labels, server
/// addresses and routes, gateway interfaces and NAT, pools, including strings made of every kind
/// of special character where the model allows them (Calico selectors, label values, MTUs).
@Suite("Models round-trip through their artifacts")
struct ModelRoundTripTests {
    /// Characters that YAML, shells and VyOS treat specially, plus non-ASCII text.
    static let special: [Character] = Array(##"'"\#:{}[],&*!|>%@`?- ~=/;$()<>+^"##) + ["é", "ü", "中", "🙂", " "]

    static func word(_ random: inout SeededRandom, _ alphabet: [Character], _ count: ClosedRange<Int>) -> String {
        String((0..<Int.random(in: count, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }

    static let lower = Array("abcdefghijklmnopqrstuvwxyz")

    /// A random valid lab: 1-4 racks of 1-4 nodes, an optional gateway of either dialect, an
    /// optional registry and MTU, a pool whose selector is made of special characters.
    static func randomLab(_ seed: UInt64) -> Lab {
        var random = SeededRandom(seed: seed)
        let name = "lab" + word(&random, lower, 1...8)
        let racks = Int.random(in: 1...4, using: &random)
        let nodes = (0..<racks).map { _ in Int.random(in: 1...4, using: &random) }
        let gateway = Bool.random(using: &random) ? (Bool.random(using: &random) ? "1.2.9" : "1.4.9") : nil
        let registry = Bool.random(using: &random)
        let mtu: Int? = Bool.random(using: &random) ? Int.random(in: 1280...9000, using: &random) : nil
        // Inside '...' every character but ' itself is a valid Calico selector value.
        let selector = "zone == '" + word(&random, (special + lower).filter { $0 != "'" }, 1...20) + "'"
        let labelValue = word(&random, lower + Array("0123456789-_."), 0...10)
        let labelValueSafe =
            labelValue.isEmpty || (labelValue.first!.isLetter && labelValue.last!.isLetter) ? labelValue : "v"
        let ipip: EncapsulationMode = [.always, .crossSubnet, .never].randomElement(using: &random)!
        return Lab(name) {
            // Clear of 10.96/16 and 10.244/16.
            NodePool("10.\(Int.random(in: 1...90, using: &random)).0.0/16", rackPrefix: 24)
            if registry { Registry(mirror: "registry.lab:5000", insecure: true) }
            if let mtu { Topology(mtu: mtu) }
            Cluster(name) {
                PodPool("10.244.0.0/16", ipip: ipip, nodeSelector: selector)
            }
            if let gateway { Gateway("gw0", vyos: gateway) }
            for r in 0..<racks {
                Rack("rack\(r)") {
                    for n in 0..<nodes[r] {
                        Node(r == 0 && n == 0 ? .controlPlane : .worker, labels: ["example.com/tier": labelValueSafe])
                    }
                }
            }
        }
    }

    @Test(arguments: 0..<150)
    func randomModelReadsBackToItsFacts(seed: UInt64) throws {
        let lab = Self.randomLab(seed)
        let compiled = Pipeline.compile(lab.spec)
        #expect(!compiled.diagnostics.contains { $0.severity == .error }, "\(compiled.diagnostics.map(\.description))")
        let plan = try #require(compiled.plan)
        let rendered = try #require(compiled.rendered)
        let facts = LabFacts.read(rendered)
        #expect(facts.readDiagnostics.isEmpty, "\(facts.readDiagnostics)")

        // kind: one node per planned node, in order, with its node-ip and labels.
        let kind = try #require(facts.kind)
        #expect(kind.name?.value == plan.cluster?.name)
        #expect(kind.nodes.map(\.role.value) == plan.nodes.map(\.role.rawValue))
        for (node, read) in zip(plan.nodes, kind.nodes) {
            let patch = try #require(read.patches.first)
            #expect(patch.nodeIP?.value == node.attachment?.address.address)
            #expect(
                patch.nodeLabels.map { "\($0.value.key)=\($0.value.value)" }
                    == node.labels.map { "\($0.key)=\($0.value)" })
        }
        #expect(kind.mirrors.map(\.host) == (plan.registry.map { [$0.host] } ?? []))

        // containerlab: each server assigns its node's address and routes via its gateway.
        let clab = try #require(facts.clab)
        let servers = Dictionary(uniqueKeysWithValues: clab.nodes.map { ($0.name.value, $0) })
        for node in plan.nodes {
            let attachment = try #require(node.attachment)
            let server = try #require(servers[attachment.server])
            #expect(server.networkMode?.value == "container:\(node.name)")
            #expect(server.addresses.map(\.address) == [attachment.address])
            #expect(server.defaultRoutes.map(\.value) == (attachment.defaultGateway.map { [$0] } ?? []))
        }
        #expect(Set(clab.links.compactMap(\.mtu?.value)) == Set(plan.topology?.mtu.map { [$0] } ?? []))

        // VyOS: the rack interfaces and the NAT rules, in both forms.
        for gateway in plan.gateways {
            for path in [
                ArtifactPaths.vyosBoot(gateway: gateway.name), ArtifactPaths.vyosCommands(gateway: gateway.name),
            ] {
                let vyos = try #require(facts.vyos[path])
                let addressed = vyos.interfaces.filter { !$0.addresses.isEmpty }
                #expect(addressed.map(\.name.value) == gateway.interfaces.map(\.name), "\(path)")
                #expect(addressed.flatMap { $0.addresses.map(\.value) } == gateway.interfaces.map(\.address), "\(path)")
                #expect(vyos.natRules.compactMap(\.source?.value) == gateway.masquerades.map(\.source), "\(path)")
            }
        }

        // Calico: the selector with its special characters comes back exactly.
        // Operator labs (the default) have the pools in the Installation, manifest labs in ippool.yaml.
        let selectors: [YAMLValue?]
        if let poolText = rendered.artifact(at: ArtifactPaths.calicoPools)?.contents {
            selectors = try YAMLReader.read(poolText).map { $0["spec"]?["nodeSelector"]?.value }
        } else {
            let installation = try #require(rendered.artifact(at: ArtifactPaths.calicoInstallation)).contents
            let document = try #require(try YAMLReader.read(installation).first)
            guard case .sequence(let items)? = document["spec"]?["calicoNetwork"]?["ipPools"]?.content else {
                Issue.record("no ipPools in the Installation")
                return
            }
            selectors = items.map { $0["nodeSelector"]?.value }
        }
        #expect(selectors == plan.cluster?.pools.map { .string($0.nodeSelector) })
        #expect(facts.pools.map { $0.cidr?.value } == plan.cluster?.pools.map(\.cidr))
    }
}
