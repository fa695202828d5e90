import LabModel

/// What every resolver pass shares: the lab description, the diagnostics found so far, and the
/// names and addresses claimed so far (a duplicate is found wherever its second use is written).
///
/// Everything else a pass needs is an input it is given, and everything it finds is its output
/// (see `ResolverPass` and the pass list in `Resolver.resolve`).
struct ResolveContext {
    let spec: LabSpec
    var diagnostics = DiagnosticList()
    /// Every name in the containerlab topology (gateways, bridges, servers).
    var topologyNames = Claims<String>(check: .duplicateName)
    /// Every address of a node or gateway interface.
    var addresses = Claims<IPv4Address>(check: .duplicateAddress)
    /// What the label checks said of each label key so far (labs repeat a few keys on every node).
    var labelKeyVerdicts: [String: LabelKeyVerdict] = [:]

    init(spec: LabSpec) { self.spec = spec }

    /// Claims a containerlab name (`what` is `gateway`, `server`, `bridge of rack 'rack0'`, ...).
    mutating func claimTopologyName(_ name: String, what: String, at location: SourceLocation) {
        topologyNames.claim(name, what: what, at: location, into: &diagnostics) { first in
            ("\(what) '\(name)' has the same name as \(first.what)", "'\(name)' is first used here")
        }
    }

    /// Claims an address of a node or gateway interface (`what` is `server 'server1'`, ...).
    mutating func claimAddress(_ address: IPv4Address, what: String, at location: SourceLocation) {
        addresses.claim(address, what: what, at: location, into: &diagnostics) { first in
            ("\(what) uses \(address), which \(first.what) already uses", "\(address) is first used here")
        }
    }

    /// Reports every element after the first as a duplicate of the first (an element written at
    /// most once: a lab's Cluster, a cluster's CNI, Calico's install): `duplicate` gives the message
    /// and the note at the first.
    mutating func reportAllButFirst(
        _ locations: [SourceLocation], as check: ModelCheck,
        duplicate: (_ index: Int) -> (message: String, note: String?)
    ) {
        var claims = Claims<Int>(check: check)
        for (index, location) in locations.enumerated() {
            claims.claim(0, at: location, into: &diagnostics) { _ in duplicate(index) }
        }
    }

    /// Whether `image` is a valid image reference; reports LG121 when not.
    @discardableResult
    mutating func checkImage(_ image: String, at location: SourceLocation) -> Bool {
        guard let problem = ToolGrammars.imageReferenceProblem(image) else { return true }
        diagnostics.error(.invalidImage, problem, at: location)
        return false
    }
}

/// One step of the resolver: its inputs are its stored properties, its output the value `run`
/// returns. It reports into the shared context and reads nothing else.
protocol ResolverPass {
    associatedtype Output
    func run(_ context: inout ResolveContext) -> Output
}

/// What the checks of a label key found (`NodeChecks.checkedLabels`), by key.
enum LabelKeyVerdict {
    case valid
    case notALabelKey
    case refusedByKubelet(String)
}
