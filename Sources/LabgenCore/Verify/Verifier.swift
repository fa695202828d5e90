import LabModel

/// Checks the cross-artifact rules of `Rule.catalogue` on facts read from a lab's artifacts.
///
/// The lab's view (`LabView`) is built once; every rule (`allRules`) is a pure check over it. Every
/// rule works with dictionaries keyed by name, address or prefix, so a lab with 10,000 nodes
/// verifies in linear time (no rule compares every pair of nodes or subnets).
public enum Verifier {
    /// The diagnostics of `facts` (reader diagnostics included), sorted by file, line and column.
    public static func verify(_ facts: consuming LabFacts) -> [Diagnostic] {
        var found = facts.readDiagnostics
        let lab = LabView(consume facts, parts: [])
        // The rules are independent pure checks of one view: on the machine's cores, their results
        // joined in catalogue order (the order they had one after another). The rules that read an
        // optional part of the view are one job that builds the part first (the fabric view of 10,000
        // nodes takes longer than most rules), started before the others.
        let rules = allRules
        let groups = Dictionary(grouping: rules.indices, by: { rules[$0].reads })
        let jobs =
            groups.filter { !$0.key.isEmpty }.sorted { $0.value[0] < $1.value[0] }.map { ($0.key, $0.value) }
            + (groups[[]] ?? []).map { (Set<LabView.Part>(), [$0]) }
        var byRule = [[Diagnostic]](repeating: [], count: rules.count)
        let results = Parallel.queue(jobs) { parts, indices in
            var view = lab
            view.build(parts)
            return indices.map { (index: $0, diagnostics: rules[$0].check(view)) }
        }
        for result in results.joined() { byRule[result.index] = result.diagnostics }
        for diagnostics in byRule { found += diagnostics }
        // The view (and the facts in it) is freed on another thread: at 10,000 nodes, tens of milliseconds.
        Parallel.dropInBackground(consume lab)
        return found.uniqueSortedByLocation
    }

    /// kind's node container names for the given roles: `<cluster>-control-plane`,
    /// `<cluster>-control-plane2`, `<cluster>-worker`, `<cluster>-worker2`, ...
    public static func kindContainerNames(cluster: String, roles: [String]) -> [String] {
        Names.kindContainerNames(cluster: cluster, roleNames: roles)
    }
}
