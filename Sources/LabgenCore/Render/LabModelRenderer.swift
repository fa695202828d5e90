import Foundation
import LabModel

/// lab.json: the resolved model, so that `labgen check` can summarize what changed in a lab
/// (nodes, addresses, racks, pools, gateway interfaces) by comparing models, not text.
enum LabModelRenderer {
    static func render(_ plan: LabPlan) -> Artifact {
        Artifact(path: ArtifactPaths.labModel, kind: .labModel, contents: encode(plan))
    }

    static func encode(_ plan: LabPlan) -> String {
        // What `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte
        // for byte (`LabModelJSON`). Encoding plain value types with string keys cannot fail.
        try! LabModelJSON.encode(plan) + "\n"
    }

    static func decode(_ text: String) throws -> LabPlan {
        try JSONDecoder().decode(LabPlan.self, from: Data(text.utf8))
    }
}

/// Renders every artifact of a resolved lab, in the order of `ArtifactTable.entries`.
public enum Renderer {
    public static func render(_ plan: LabPlan) throws -> RenderedLab {
        // The kind side (kind.yaml and a kubeadm patch per node) with the picture (topology.md and
        // .svg), and the rest, are independent: render them on two cores. The order of the artifacts
        // does not depend on timing.
        let entries = ArtifactTable.entries
        @Sendable func lane(_ lane: RenderLane) -> Result<[Int: [Artifact]], any Error> {
            var context = RenderContext(plan)
            var rendered: [Int: [Artifact]] = [:]
            do {
                for (index, entry) in entries.enumerated() where entry.lane == lane {
                    if let render = entry.render { rendered[index] = try render(&context) }
                }
                return .success(rendered)
            } catch {
                return .failure(error)
            }
        }
        let (kindSide, rest) = Parallel.both({ lane(.kindAndPicture) }, { lane(.other) })
        let byEntry = try kindSide.get().merging(try rest.get()) { first, _ in first }
        return RenderedLab(name: plan.name, artifacts: entries.indices.flatMap { byEntry[$0] ?? [] })
    }
}
