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
        let lab = LabView(consume facts)
        // The rules are independent pure checks of one view: on the machine's cores, their results
        // joined in catalogue order (the order they had one after another).
        let rules = allRules
        for diagnostics in Parallel.queue(Array(rules.indices), { rules[$0].check(lab) }) {
            found += diagnostics
        }
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
