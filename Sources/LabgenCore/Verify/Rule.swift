import LabModel

/// The stable IDs of the cross-artifact rules. IDs never change meaning once published.
/// Each rule's file under `Verify/Rules/` (or `CNI/<Name>/Verify/Rules/`) adds its ID here.
public enum RuleID {}

/// A cross-artifact rule's descriptor: what `labgen explain` prints and `labgen verify --help` lists.
public struct Rule: Sendable, Hashable {
    public var id: DiagnosticID
    /// One line.
    public var summary: String
    /// What the rule checks and what breaks in a real lab when it is violated.
    public var explanation: String
    public var severity: Severity

    /// All rules, in ID order: the descriptors of `allRules`.
    public static let catalogue: [Rule] = allRules.map { $0.rule }.sorted { $0.id.rawValue < $1.id.rawValue }

    /// The rule with that ID.
    public static func rule(_ id: DiagnosticID) -> Rule? { catalogue.first { $0.id == id } }
}

/// A cross-artifact rule: its descriptor beside a pure check over the lab's view.
///
/// A rule is one file: an `enum` conforming to this protocol, holding its `RuleID`, its descriptor
/// and its check, listed in `allRules`. The check reads the `LabView` (never `LabFacts` alone, never
/// another rule's result) and returns its diagnostics in the order it finds them; `Verifier.verify`
/// sorts them by position. A rule whose problems only a reader can see (LG015, LG030) has an empty
/// check and its reader reports with its ID.
protocol VerificationRule {
    static var rule: Rule { get }
    /// The optional parts of the view the check reads (`LabView.Part`); none unless told. Reading a part
    /// not listed here stops the program (a precondition); a test runs every rule on a view with only its parts.
    static var reads: Set<LabView.Part> { get }
    static func check(_ lab: LabView) -> [Diagnostic]
}

extension VerificationRule {
    static var reads: Set<LabView.Part> { [] }
}

/// Every cross-artifact rule, in ID order. A new rule is added here (a CNI's rule: in its `CNIDriver.rules`).
let allRules: [any VerificationRule.Type] =
    [
        UnreadableRule.self,  // LG000
        NetworkModeRule.self,  // LG001
        NodeIPRule.self,  // LG002
        GatewaySubnetRule.self,  // LG003
        DefaultRouteRule.self,  // LG004
        GatewayInterfacesRule.self,  // LG005
        RackLabelsRule.self,  // LG006
        PodSubnetRule.self,  // LG007
        EncapsulationRule.self,  // LG008
        RegistryMirrorRule.self,  // LG009
        VyOSBindRule.self,  // LG010
        MasqueradeRule.self,  // LG011
        AddressesRule.self,  // LG012
        InterfaceNamesRule.self,  // LG013
        LinkEndpointsRule.self,  // LG014
        StrictDecodingRule.self,  // LG015
        MTURule.self,  // LG016
        AutodetectionRule.self,  // LG017
        ServiceSubnetRule.self,  // LG018
        PatchKindRule.self,  // LG019
        StandalonePatchRule.self,  // LG020
        VyOSFormsRule.self,  // LG021
        GatewayRoutesRule.self,  // LG022
        ExecInterfaceRule.self,  // LG023
        RackRouterRule.self,  // LG024
        LinkSubnetRule.self,  // LG025
    ] + CNIDrivers.rules  // LG030-LG046: each CNI's rules, listed in its `CNIDriver`
    + [
        BGPNeighborLinkRule.self,  // LG050
        BGPRemoteASRule.self,  // LG051
        BGPReverseNeighborRule.self,  // LG052
        RackAnnouncementRule.self,  // LG053
        NodePeerAddressRule.self,  // LG054
        RouterNodeNeighborsRule.self,  // LG055
        LinkMTURule.self,  // LG056
        VyOSReleaseSyntaxRule.self,  // LG146
    ]
