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
        // The jobs are independent: each core takes the next job when it is done with one, the
        // heaviest first (`renderWeight`: the picture, lab.json, the kind side, ...), so that neither
        // core is left with a large one at the end. The order of the artifacts does not depend on
        // timing: they are put back in table order.
        let entries = ArtifactTable.entries
        var kindJob: [Int] = []
        var jobs: [[Int]] = []
        for (index, entry) in entries.enumerated() where entry.render != nil {
            if entry.lane == .kind { kindJob.append(index) } else { jobs.append([index]) }
        }
        if !kindJob.isEmpty { jobs.append(kindJob) }
        func weight(_ job: [Int]) -> Int { job.map { entries[$0].renderWeight }.max() ?? 0 }
        jobs.sort { a, b in weight(a) != weight(b) ? weight(a) > weight(b) : a[0] < b[0] }
        let results = Parallel.queue(jobs) { job -> Result<[(Int, [Artifact])], any Error> in
            var context = RenderContext(plan)
            do {
                return .success(try job.map { index in (index, try entries[index].render!(&context)) })
            } catch {
                return .failure(error)
            }
        }
        var byEntry: [Int: [Artifact]] = [:]
        for result in results {
            for (index, artifacts) in try result.get() { byEntry[index] = artifacts }
        }
        return RenderedLab(name: plan.name, artifacts: entries.indices.flatMap { byEntry[$0] ?? [] })
    }
}
