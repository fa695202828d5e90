import LabModel
import Testing

@testable import LabgenCore

/// The fast paths of the verification (issue 17) give what the general code gives: the rules run on
/// several cores but report in catalogue order, byte-level splits of ASCII text equal the Character
/// splits, and the copy-on-write node facts keep value semantics.
@Suite struct VerificationSpeedPathTests {
    /// A lab with faults for several rules, checked in parallel and one rule after another.
    @Test func parallelRulesReportAsOneAfterAnother() {
        var lab = TestLab()
        lab.replace("container:demo-worker2", with: "container:demo-wroker2", in: \.clab)
        lab.replace("ip addr add 10.1.8.10/24 dev net0", with: "ip addr add 10.1.5.11/24 dev net9", in: \.clab)
        let facts = lab.facts
        let view = LabView(facts)
        var oneByOne = facts.readDiagnostics
        for rule in allRules { oneByOne += rule.check(view) }
        let parallel = Verifier.verify(facts)
        #expect(parallel.count >= 2)
        #expect(parallel.map(\.description) == oneByOne.uniqueSortedByLocation.map(\.description))
    }

    /// node-ip and node-labels of ASCII text (byte path) and the same with a non-ASCII character (the
    /// Character path) give the same values, offsets and positions.
    @Test(arguments: [
        ("10.1.5.11", "rack=r0"), (" 10.1.5.11 ,2001:db8::1", "a=b,,c,d=e=f,"), ("2001:db8::1,10.1.5.12", "=x,y="),
        ("fd00::1", ""), ("", "k=v"),
    ])
    func kubeadmPatchByteSplitsEqualCharacterSplits(nodeIP: String, labels: String) {
        func read(_ labels: String) -> (KubeadmPatchFacts?, [String]) {
            var diagnostics = DiagnosticList()
            let text = """
                kind: JoinConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-ip: "\(nodeIP)"
                    node-labels: "\(labels)"

                """
            let patches = KubeadmPatchReader.read(text, origin: TextOrigin(file: "p.yaml"), diagnostics: &diagnostics)
            return (patches.first, diagnostics.map(\.description))
        }
        // "é" is two bytes and one scalar: the label text is no longer ASCII, and offsets after it shift by one
        // scalar either way; compare the labels before it.
        let (ascii, asciiDiagnostics) = read(labels)
        let (general, generalDiagnostics) = read(labels + ",é=é")
        #expect(ascii?.nodeIP == general?.nodeIP)
        #expect(asciiDiagnostics == generalDiagnostics)
        let generalLabels = general?.nodeLabels.filter { $0.value.key != "é" }
        #expect(ascii?.nodeLabels == generalLabels)
    }

    @Test func clabNodeFactsCopiesAreIndependent() {
        let location = SourceLocation(file: "t.clab.yaml", line: 1, column: 1)
        var node = ClabNodeFacts(
            name: Located("a", at: location), kind: nil, image: nil, networkMode: nil, binds: [], addresses: [],
            defaultRoutes: [])
        let copy = node
        node.name = Located("b", at: location)
        node.exec.append(Located("ip link set eth1 mtu 9000", at: location))
        node.mtus["eth1"] = Located(9000, at: location)
        #expect(copy.name.value == "a" && copy.exec.isEmpty && copy.mtus.isEmpty)
        #expect(node.name.value == "b" && node.exec.count == 1 && node.mtus["eth1"]?.value == 9000)
        #expect(copy != node)
        var same = copy
        same.name = Located("a", at: location)
        #expect(same == copy && same.hashValue == copy.hashValue)
    }

    @Test func execAddressBaseInterfaceAndVLAN() {
        let location = SourceLocation(file: "t", line: 1, column: 1)
        let address = IPv4Interface("10.0.0.1/24")!
        let plain = ExecAddress(interface: "net0", address: address, location: location)
        let vlan = ExecAddress(interface: "net1.5", address: address, location: location)
        #expect(plain.baseInterface == "net0" && plain.vlan == nil)
        #expect(vlan.baseInterface == "net1" && vlan.vlan == "5")
    }
}
