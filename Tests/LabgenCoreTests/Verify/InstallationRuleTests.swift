import LabModel
import Testing

@testable import LabgenCore

/// The operator's Installation is checked like an IPPool and calico-node's environment (LG007,
/// LG008, LG017), plus what only it has (LG030). Each test makes one fault at a known line.
@Suite struct InstallationRuleTests {
    static let installation = """
        apiVersion: operator.tigera.io/v1
        kind: Installation
        metadata:
          name: default
        spec:
          registry: 192.168.2.100:5000/
          imagePath: calico
          calicoNetwork:
            ipPools:
            - name: default-ipv4-ippool
              cidr: 10.244.0.0/16
              blockSize: 26
              encapsulation: IPIPCrossSubnet
              natOutgoing: Enabled
              nodeSelector: all()
            nodeAddressAutodetectionV4:
              cidrs:
              - 10.1.5.0/24
              - 10.1.8.0/24

        """

    /// The test lab with the Installation in place of the IPPool and the calico-node patch.
    static func lab(_ change: (inout String) -> Void = { _ in }) -> (TestLab, String) {
        var lab = TestLab()
        lab.pool = "# no IPPool in an operator lab\n"
        lab.calicoNode = "# no calico-node patch in an operator lab\n"
        var text = installation
        change(&text)
        lab.extra = [("calico/installation.yaml", text)]
        return (lab, text)
    }

    static func replacing(_ old: String, _ new: String) -> (inout String) -> Void {
        { text in
            #expect(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
            text = text.replacingOccurrences(of: old, with: new)
        }
    }

    @Test func aConsistentInstallationHasNoDiagnostics() {
        let (lab, _) = Self.lab()
        let facts = lab.facts
        #expect(facts.pools.count == 1)
        #expect(facts.pools.first?.ipip == "CrossSubnet")
        #expect(facts.calicoNode.first?.autodetection?.value == "cidr=10.1.5.0/24,10.1.8.0/24")
        #expect(lab.diagnostics.isEmpty, "\(lab.diagnostics)")
    }

    @Test func discoveryFindsTheInstallationByContent() {
        #expect(ArtifactDiscovery.classify(Self.installation) == [.calicoInstallation])
    }

    @Test func lg007PoolDiffersFromPodSubnet() {
        let (lab, text) = Self.lab(Self.replacing("cidr: 10.244.0.0/16", "cidr: 10.245.0.0/16"))
        expectDiagnostic(
            lab.diagnostics, RuleID.podSubnet, file: "calico/installation.yaml",
            line: line(of: "10.245.0.0/16", in: text))
    }

    @Test func lg008UnknownEncapsulation() {
        let (lab, text) = Self.lab(Self.replacing("encapsulation: IPIPCrossSubnet", "encapsulation: IPIPCrossSubnett"))
        expectDiagnostic(
            lab.diagnostics, RuleID.encapsulation, file: "calico/installation.yaml",
            line: line(of: "IPIPCrossSubnett", in: text))
    }

    @Test func lg017AutodetectionMissesARack() {
        let (lab, text) = Self.lab(Self.replacing("      - 10.1.8.0/24\n", ""))
        // At the list of cidrs (its first entry).
        expectDiagnostic(
            lab.diagnostics, RuleID.autodetection, file: "calico/installation.yaml",
            line: line(of: "- 10.1.5.0/24", in: text))
    }

    @Test func lg017NoAutodetectionWithCrossSubnetWarns() {
        let (lab, text) = Self.lab(
            Self.replacing(
                "    nodeAddressAutodetectionV4:\n      cidrs:\n      - 10.1.5.0/24\n      - 10.1.8.0/24\n", ""))
        expectDiagnostic(
            lab.diagnostics, RuleID.autodetection, file: "calico/installation.yaml",
            line: line(of: "IPIPCrossSubnet", in: text),
            severity: .warning)
    }

    @Test func lg030NotNamedDefault() {
        let (lab, text) = Self.lab(Self.replacing("  name: default\n", "  name: calico\n"))
        expectDiagnostic(
            lab.diagnostics, RuleID.calicoInstallation, file: "calico/installation.yaml",
            line: line(of: "name: calico", in: text))
    }

    @Test func lg030NatOutgoingIsNotABoolean() {
        let (lab, text) = Self.lab(Self.replacing("natOutgoing: Enabled", "natOutgoing: true"))
        expectDiagnostic(
            lab.diagnostics, RuleID.calicoInstallation, file: "calico/installation.yaml",
            line: line(of: "natOutgoing", in: text))
    }

    @Test func lg030RegistryWithoutSlash() {
        let (lab, text) = Self.lab(Self.replacing("registry: 192.168.2.100:5000/", "registry: 192.168.2.100:5000"))
        expectDiagnostic(
            lab.diagnostics, RuleID.calicoInstallation, file: "calico/installation.yaml",
            line: line(of: "registry:", in: text))
    }

    @Test func lg030TwoAutodetectionMethods() {
        let (lab, text) = Self.lab(
            Self.replacing("      - 10.1.8.0/24\n", "      - 10.1.8.0/24\n      interface: net0\n"))
        expectDiagnostic(
            lab.diagnostics, RuleID.calicoInstallation, file: "calico/installation.yaml",
            line: line(of: "interface: net0", in: text))
    }
}

/// LG031: in a manifest install, the calico-node patch's `CALICO_IPV4POOL_*` create the pool that the
/// IPPool file describes.
@Suite struct PoolEnvironmentRuleTests {
    static func lab(ipip: String) -> TestLab {
        var lab = TestLab()
        lab.replace(
            "          value: cidr=10.1.5.0/24,10.1.8.0/24\n",
            with:
                "          value: cidr=10.1.5.0/24,10.1.8.0/24\n        - name: CALICO_IPV4POOL_CIDR\n          value: 10.244.0.0/16\n"
                + "        - name: CALICO_IPV4POOL_IPIP\n          value: \(ipip)\n",
            in: \.calicoNode)
        return lab
    }

    @Test func agreeingEnvironmentIsClean() {
        #expect(Self.lab(ipip: "CrossSubnet").diagnostics.isEmpty)
    }

    @Test func lg031EnvironmentDiffersFromTheIPPool() {
        let lab = Self.lab(ipip: "Always")
        expectDiagnostic(
            lab.diagnostics, RuleID.poolEnvironment, file: "calico/calico-node-patch.yaml",
            line: line(of: "value: Always", in: lab.calicoNode))
        let diagnostic = lab.diagnostics.first { $0.id == RuleID.poolEnvironment }
        #expect(diagnostic?.notes.first?.location?.file == "calico/ippool.yaml")
        #expect(diagnostic?.notes.first?.location?.line == line(of: "ipipMode", in: lab.pool))
    }
}
