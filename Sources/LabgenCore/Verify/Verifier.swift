import LabModel

/// Checks the cross-artifact rules of `Rule.catalogue` on facts read from a lab's artifacts.
///
/// The lab's view (`LabView`) is built once; every rule (`allRules`) is a pure check over it. Every
/// rule works with dictionaries keyed by name, address or prefix, so a lab with 10,000 nodes
/// verifies in linear time (no rule compares every pair of nodes or subnets).
public enum Verifier {
    /// The diagnostics of `facts` (reader diagnostics included), sorted by file, line and column.
    public static func verify(_ facts: LabFacts) -> [Diagnostic] {
        let lab = LabView(facts)
        var found = facts.readDiagnostics
        // The rules are independent pure checks of one view: on the machine's cores, their results
        // joined in catalogue order (the order they had one after another).
        let rules = allRules
        for diagnostics in Parallel.map(Array(rules.indices), minimumCount: 2, { rules[$0].check(lab) }) {
            found += diagnostics
        }
        return found.uniqueSortedByLocation
    }

    /// kind's node container names for the given roles: `<cluster>-control-plane`,
    /// `<cluster>-control-plane2`, `<cluster>-worker`, `<cluster>-worker2`, ...
    public static func kindContainerNames(cluster: String, roles: [String]) -> [String] {
        Names.kindContainerNames(cluster: cluster, roleNames: roles)
    }
}
