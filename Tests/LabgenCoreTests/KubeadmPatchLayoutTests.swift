import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// The standalone kubeadm patches: one multi-document kubeadm.yaml by default, a file per node
/// with `Cluster(..., kubeadmPatches: .perNode)`.
@Suite struct KubeadmPatchLayoutTests {
    func lab(_ layout: KubeadmPatchLayout) -> Lab {
        Lab("layout") {
            Cluster("layout", kubeadmPatches: layout) { Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet)) }
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24") {
                Node(.controlPlane)
                Node(.worker)
            }
            Rack("rack1", subnet: "10.1.8.0/24") { Node(.worker) }
        }
    }

    @Test func oneFileByDefault() throws {
        let (plan, rendered) = try renderedWithoutDiagnostics(lab(.oneFile))
        #expect(plan.cluster?.kubeadmPatches == nil)  // the default is not recorded in lab.json
        #expect(!rendered.artifacts.contains { $0.path.hasPrefix("kubeadm/") })
        let file = try #require(rendered.artifact(at: "kubeadm.yaml")).contents
        #expect(
            file == """
                kind: InitConfiguration
                nodeRegistration:
                  name: layout-control-plane
                  kubeletExtraArgs:
                    node-ip: 10.1.5.10
                    node-labels: rack=rack0
                ---
                kind: JoinConfiguration
                nodeRegistration:
                  name: layout-worker
                  kubeletExtraArgs:
                    node-ip: 10.1.5.11
                    node-labels: rack=rack0
                ---
                kind: JoinConfiguration
                nodeRegistration:
                  name: layout-worker2
                  kubeletExtraArgs:
                    node-ip: 10.1.8.10
                    node-labels: rack=rack1

                """)
        // kind.yaml embeds the patches without the name (kind names the node itself).
        let kind = try #require(rendered.artifact(at: "kind.yaml")).contents
        #expect(!kind.contains("name: layout-worker"))
        // Read back, each document is tied to its node by name.
        let facts = LabFacts.read(rendered)
        #expect(
            facts.kubeadmPatches.map(\.patch.nodeName?.value) == [
                "layout-control-plane", "layout-worker", "layout-worker2",
            ])
        #expect(Set(facts.kubeadmPatches.map(\.file)) == ["kubeadm.yaml"])
    }

    @Test func perNodeFiles() throws {
        let (plan, rendered) = try renderedWithoutDiagnostics(lab(.perNode))
        #expect(plan.cluster?.kubeadmPatches == .perNode)
        #expect(rendered.artifact(at: "kubeadm.yaml") == nil)
        let paths = rendered.artifacts.map(\.path).filter { $0.hasPrefix("kubeadm/") }
        #expect(
            paths == ["kubeadm/layout-control-plane.yaml", "kubeadm/layout-worker.yaml", "kubeadm/layout-worker2.yaml"])
        let worker2 = try #require(rendered.artifact(at: "kubeadm/layout-worker2.yaml")).contents
        #expect(
            worker2
                == "kind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: 10.1.8.10\n    node-labels: rack=rack1\n"
        )
    }

    /// A node name that would need quoting is written through the YAML scalar rules.
    @Test func nameIsAScalar() {
        #expect(
            KubeadmPatchRenderer.oneFile(
                for: plan(nodeNamed: "a: b"),
                texts: ["kind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs: {}\n"])
                == "kind: JoinConfiguration\nnodeRegistration:\n  name: 'a: b'\n  kubeletExtraArgs: {}\n")
    }

    func plan(nodeNamed name: String) -> LabPlan {
        var plan = try! renderedWithoutDiagnostics(lab(.oneFile)).0
        var node = plan.nodes[1]
        node.name = name
        plan.cluster?.nodes = [node]
        return plan
    }
}
