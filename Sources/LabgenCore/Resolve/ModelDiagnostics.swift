import LabModel

/// The diagnostics of the model checks (`LG1nn`), found while resolving a lab description,
/// before anything is rendered. Verification rules of the artifacts are `LG0nn` (see `Rules`).
public enum ModelCheck: String, CaseIterable, Sendable {
    case invalidName = "LG100"
    case invalidAddress = "LG101"
    case invalidPrefix = "LG102"
    case addressOutsideSubnet = "LG103"
    case duplicateAddress = "LG104"
    case duplicateName = "LG105"
    case overlappingSubnets = "LG106"
    case poolOverlap = "LG107"
    case reservedAddress = "LG108"
    case interfaceNameTooLong = "LG109"
    case unknownGateway = "LG110"
    case emptyRack = "LG111"
    case noControlPlane = "LG112"
    case conflictingEncapsulation = "LG113"
    case poolSmallerThanBlock = "LG114"
    case misplacedElement = "LG115"
    case unsupportedRelease = "LG116"
    case addressesExhausted = "LG117"
    case missingCluster = "LG118"
    case invalidLabel = "LG119"
    case invalidNumber = "LG120"
    case invalidImage = "LG121"
    case noEnabledPool = "LG130"
    case releaseMismatch = "LG145"
    case invalidCalicoInstall = "LG140"
    case conflictingCNI = "LG150"
    case invalidFlannel = "LG151"
    case invalidCilium = "LG152"
    case invalidTopologyName = "LG122"
    case invalidVyOSValue = "LG123"
    case registryReadAsUser = "LG124"
    case invalidSelector = "LG125"
    case selectorMatchesNoRack = "LG126"
    case kubeletRefusedLabel = "LG127"
    case unknownRouter = "LG160"
    case invalidASNumber = "LG161"
    case invalidLinkAddressing = "LG162"
    case routerInterfaceConflict = "LG163"
    case rackLeafMissing = "LG164"
    case sharedASNumber = "LG165"
    case overlappingFabricSubnets = "LG166"
    case invalidRouterID = "LG167"
    case invalidHost = "LG168"
    case invalidMTU = "LG169"

    public var id: DiagnosticID { DiagnosticID(rawValue) }

    /// One line: what the check rejects.
    public var summary: String {
        switch self {
        case .invalidName: "a name that kind, DNS, Linux or VyOS would reject"
        case .invalidAddress: "an IPv4 address that does not parse"
        case .invalidPrefix: "an IPv4 prefix that does not parse or has host bits set"
        case .addressOutsideSubnet: "an address outside its rack's subnet"
        case .duplicateAddress: "two nodes or gateway interfaces with the same address"
        case .duplicateName: "two elements with the same name"
        case .overlappingSubnets: "rack subnets that overlap"
        case .poolOverlap: "a pod pool that overlaps a node subnet, the service subnet or another pool"
        case .reservedAddress: "a node or gateway on a network or broadcast address"
        case .interfaceNameTooLong: "an interface or bridge name longer than Linux's 15 characters"
        case .unknownGateway: "a rack whose gateway is missing or ambiguous"
        case .emptyRack: "a rack with no nodes"
        case .noControlPlane: "a cluster without a control-plane node"
        case .conflictingEncapsulation: "IPIP and VXLAN both enabled on a pool"
        case .poolSmallerThanBlock: "a pod pool smaller than its block size, or a bad block size"
        case .misplacedElement: "an element written where it does not belong (a second Cluster, ...)"
        case .unsupportedRelease: "a VyOS release labgen has no stock configuration for (it has 1.2, 1.3, 1.4, 1.5)"
        case .addressesExhausted: "a rack or node pool that runs out of addresses"
        case .missingCluster: "a lab without a Cluster"
        case .invalidLabel: "a Kubernetes label that the API server would reject"
        case .invalidNumber: "a number out of range (MTU, rule number, prefix length)"
        case .noEnabledPool: "a cluster whose pod pools are all disabled (Calico assigns pod addresses from none)"
        case .releaseMismatch: "a gateway whose vyos: release and image tag name different VyOS series"
        case .invalidCalicoInstall: "a Calico install with a malformed release or manifest, or written twice"
        case .conflictingCNI: "a cluster with more than one CNI (Calico pools beside Flannel or Cilium, or two of them)"
        case .invalidFlannel:
            "a Flannel setting Flannel rejects or ignores (DirectRouting with host-gw, a malformed release)"
        case .invalidCilium:
            "a Cilium setting Cilium rejects (a malformed release or CIDR, a mask size outside the pool, "
                + "kube-proxy replacement with kube-proxy running)"
        case .invalidImage: "a container image reference outside the distribution reference grammar"
        case .invalidTopologyName: "a bridge name containerlab or 'ip link' would reject or misread"
        case .invalidVyOSValue: "a VyOS interface name or host-name that VyOS rejects or reads as a pattern"
        case .registryReadAsUser: "a registry host that Docker and containerd read as a Docker Hub user"
        case .invalidSelector: "a Calico node selector that does not parse"
        case .selectorMatchesNoRack: "a node selector that names a rack the lab does not declare (warning)"
        case .kubeletRefusedLabel: "a node label kubelet refuses in --node-labels"
        case .unknownRouter:
            "a link or plain host that names a router the lab does not declare (or links a router to itself)"
        case .invalidASNumber: "a BGP AS number out of range or reserved (0, 23456, 65535, 4294967295)"
        case .invalidLinkAddressing:
            "a point-to-point link without a usable subnet or with bad addresses (outside it, equal ends, no LinkPool)"
        case .routerInterfaceConflict: "a router interface written twice, or named eth0 or other than ethN"
        case .rackLeafMissing: "a rack of a BGP cluster whose router (its leaf) has no AS number"
        case .sharedASNumber: "two rack routers that share an AS number without a link between them (warning)"
        case .overlappingFabricSubnets: "link or host subnets that overlap one another or a rack subnet"
        case .invalidRouterID: "a BGP router-id that is no IPv4 address or is used twice, or BGP settings without an AS"
        case .invalidHost: "a plain host without a usable address, or with a gateway outside its subnet"
        case .invalidMTU: "an MTU outside VyOS's 68 to 16000"
        }
    }
}

extension DiagnosticList {
    mutating func error(
        _ check: ModelCheck, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []
    ) {
        error(check.id, message, at: location, notes: notes)
    }

    mutating func warning(
        _ check: ModelCheck, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []
    ) {
        warning(check.id, message, at: location, notes: notes)
    }
}
