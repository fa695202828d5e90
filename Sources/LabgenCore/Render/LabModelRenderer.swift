import Foundation
import LabModel

/// lab.json: the resolved model, so that `labgen check` can summarize what changed in a lab
/// (nodes, addresses, racks, pools, gateway interfaces) by comparing models, not text.
enum LabModelRenderer {
    static func render(_ plan: LabPlan) -> Artifact {
        Artifact(path: ArtifactPaths.labModel, kind: .labModel, contents: encode(plan))
    }

    static func encode(_ plan: LabPlan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types with string keys cannot fail.
        let data = try! encoder.encode(plan)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func decode(_ text: String) throws -> LabPlan {
        try JSONDecoder().decode(LabPlan.self, from: Data(text.utf8))
    }
}

/// Renders every artifact of a resolved lab, in a fixed order.
public enum Renderer {
    public static func render(_ plan: LabPlan) throws -> RenderedLab {
        // The kind side (kind.yaml and a kubeadm patch per node) with the picture (topology.md and
        // .svg), and the rest, are independent: render them on two cores. The order of the artifacts
        // does not depend on timing.
        let (kindSide, rest) = Parallel.both(
            { () -> (kind: [Artifact], picture: [Artifact]) in
                var artifacts: [Artifact] = []
                let patches = KubeadmPatchRenderer.texts(for: plan)
                if let kind = KindConfigRenderer.render(plan, patches: patches) { artifacts.append(kind) }
                artifacts += KubeadmPatchRenderer.artifacts(for: plan, texts: patches)
                return (artifacts, TopologyPicture.artifacts(plan))
            },
            { () -> Result<[Artifact], any Error> in
                do {
                    var artifacts: [Artifact] = []
                    if let clab = ContainerlabRenderer.render(plan) { artifacts.append(clab) }
                    artifacts += try VyOSRenderer.artifacts(for: plan)
                    if let calico = CalicoRenderer.render(plan) { artifacts.append(calico) }
                    if let patch = CalicoNodePatchRenderer.render(plan) { artifacts.append(patch) }
                    if let installation = CalicoInstallationRenderer.render(plan) { artifacts.append(installation) }
                    if let bgp = CalicoBGPRenderer.render(plan) { artifacts.append(bgp) }
                    if let server = CalicoBGPRenderer.apiServer(plan) { artifacts.append(server) }
                    if let flannel = FlannelRenderer.render(plan) { artifacts.append(flannel) }
                    if let cilium = CiliumValuesRenderer.render(plan) { artifacts.append(cilium) }
                    if let bgp = CiliumBGPRenderer.render(plan) { artifacts.append(bgp) }
                    if let script = BridgeScriptRenderer.render(plan) { artifacts.append(script) }
                    if let script = LabScriptRenderer.render(plan) { artifacts.append(script) }
                    artifacts.append(LabModelRenderer.render(plan))
                    return .success(artifacts)
                } catch {
                    return .failure(error)
                }
            })
        return RenderedLab(name: plan.name, artifacts: kindSide.kind + (try rest.get()) + kindSide.picture)
    }
}
