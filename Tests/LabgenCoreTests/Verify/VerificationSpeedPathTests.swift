import LabModel
import TemplateLabs
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
        let parallel = Self.verifiedAsOneAfterAnother(lab.facts)
        #expect(parallel.count >= 2)
    }

    /// `Verifier.verify(facts)`, expected to report what every rule reports, one after another, on a view
    /// with every part.
    static func verifiedAsOneAfterAnother(_ facts: LabFacts) -> [Diagnostic] {
        let view = LabView(facts)
        var oneByOne = facts.readDiagnostics
        for rule in allRules { oneByOne += rule.check(view) }
        let verified = Verifier.verify(facts)
        #expect(verified.map(\.description) == oneByOne.uniqueSortedByLocation.map(\.description))
        return verified
    }

    /// The rules that read an optional part of the view (the fabric view) run
    /// as one job that builds the part: on a BGP fabric with faults for those rules and for others, the
    /// verification reports what every rule reports on a view with every part, in the same order.
    @Test func rulesOfAnOptionalPartReportAsOnTheWholeView() {
        var lab = BGPFabricLab()
        lab.replace("neighbor 10.1.11.1 {", with: "neighbor 10.1.11.3 {", in: \.spine)
        lab.replace("remote-as \"500\"", with: "remote-as \"600\"", in: \.leaf0)
        let facts = lab.facts
        let grouped = Self.verifiedAsOneAfterAnother(facts)
        #expect(grouped.contains { $0.id == RuleID.bgpNeighborLink })
        #expect(grouped.contains { $0.id == RuleID.bgpRemoteAS })
        let whole = LabView(facts)
        // Each rule sees what it reads on a view built with only its parts.
        for rule in allRules {
            let own = LabView(facts, parts: rule.reads)
            #expect(rule.check(own).map(\.description) == rule.check(whole).map(\.description), "\(rule.rule.id)")
        }
        #expect(allRules.filter { $0.reads.contains(.fabric) }.count == 7)
    }

    /// The byte search of artifact discovery answers as `String.contains` does for the needles it is given.
    @Test(arguments: [
        ("kind: Cluster\n", "kind: Cluster", true), ("x kind: Cluste", "kind: Cluster", false), ("", "a", false),
        ("abc", "", true), ("ab", "abc", false), ("naïve topology:", "topology:", true), ("aaab", "aab", true),
        ("InitConfiguratio", "InitConfiguration", false),
    ])
    func containsBytesIsContains(text: String, needle: String, expected: Bool) {
        #expect(text.containsBytes(needle) == expected)
        #expect(text.containsBytes(needle) == (needle.isEmpty || text.contains(needle)))
    }

    /// `ip` commands in exec, read with slices of their words: abbreviations, options, wrappers and chains.
    @Test func execCommandsAreReadWordByWord() throws {
        func read(_ commands: [String]) -> ClabNodeFacts? {
            let exec = commands.map { "      - \($0)" }.joined(separator: "\n")
            let text = """
                name: t
                topology:
                  nodes:
                    h:
                      kind: linux
                      exec:
                \(exec)
                """
            return LabFacts.read([("t.clab.yaml", text)]).clab?.nodes.first
        }
        let node = try #require(
            read([
                "ip a a 10.0.0.2/24 dev net0", "ip -4 addr add dev net1 10.0.1.2/24 brd + scope global",
                "bash -c 'ip r r default via 10.0.0.1'", "ip -6 addr add fd00::2/64 dev net0",
                "ip addr add 10.0.2.2 peer 10.0.2.1 dev net2", "ip -n other addr add 10.0.3.2/24 dev net3",
                "ip link set dev net0 mtu 1450 && ip route add 10.9.0.0/16 via 10.0.0.1",
                "ip addrlabel add prefix ::/0 label 1", "ip route add default via 10.0.1.1 table 7",
            ]))
        #expect(node.addresses.map(\.interface) == ["net0", "net1"])
        #expect(node.addresses.map(\.address.description) == ["10.0.0.2/24", "10.0.1.2/24"])
        #expect(node.defaultRoutes.map(\.value.description) == ["10.0.0.1"])
        #expect(node.mtus["net0"]?.value == 1450)
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

/// The readers' work done ahead, in parallel with the parsing (`prepareDocument`), gives the facts
/// and diagnostics of reading every document in `add`.
@Suite struct PreparedReadTests {
    static func sameOutcome(
        _ files: [(path: String, text: String)], _ what: String, expected: [String: ArtifactDiscovery.Kind] = [:]
    ) {
        let prepared = LabFacts.read(files, expected: expected, preparing: true)
        let plain = LabFacts.read(files, expected: expected, preparing: false)
        #expect(prepared.readDiagnostics == plain.readDiagnostics, "\(what)")
        #expect(prepared.vyos == plain.vyos, "\(what)")
        #expect(prepared.vethMTU == plain.vethMTU, "\(what)")
        #expect(prepared.bridgeScripts.count == plain.bridgeScripts.count, "\(what)")
        #expect(prepared.kind?.nodes.count == plain.kind?.nodes.count, "\(what)")
        #expect(prepared.otherKindConfigs.count == plain.otherKindConfigs.count, "\(what)")
        #expect(prepared.clab?.nodes == plain.clab?.nodes, "\(what)")
        #expect(prepared.kubeadmPatches.map(\.0) == plain.kubeadmPatches.map(\.0), "\(what)")
        #expect(prepared.images == plain.images, "\(what)")
        #expect(
            Verifier.verify(prepared).map(\.description) == Verifier.verify(plain).map(\.description), "\(what)")
    }

    /// A large stream of documents is parsed and read ahead as two pieces (`ArtifactDiscovery.pieces`):
    /// the facts, their positions and the diagnostics are those of reading it whole, faults in either
    /// piece included; pieces of different kinds, or one that does not parse, are read whole.
    @Test(arguments: ["uniform", "mixed kinds", "a piece that does not parse"])
    func aLargeStreamReadInTwoPiecesReadsAsWhole(shape: String) throws {
        var documents: [String] = []
        for index in 0..<2_400 {
            let field = index == 10 || index == 2_000 ? "nodeRegistrashun" : "nodeRegistration"
            documents.append(
                """
                kind: JoinConfiguration
                \(field):
                  name: big-worker\(index)
                  kubeletExtraArgs:
                    node-ip: \(index == 2_300 && shape == "a piece that does not parse" ? "[" : "")10.\(index / 250).\(index % 250).10
                    node-labels: rack=rack\(index / 40)

                """)
        }
        if shape == "mixed kinds" {
            documents.append(
                "apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: p\nspec:\n  cidr: 10.244.0.0/16\n")
        }
        let text = documents.joined(separator: "---\n")
        let file = (path: "kubeadm.yaml", text: text)
        let pieces = try #require(ArtifactDiscovery.pieces(of: file))
        #expect(pieces.count == 2)
        #expect(pieces.map(\.text).joined() == text)
        let prepared = LabFacts.read([file], preparing: true)
        let plain = LabFacts.read([file], preparing: false)
        #expect(prepared.readDiagnostics == plain.readDiagnostics)
        // The first patch that differs (comparing the lists whole prints 2,400 patches on a failure).
        #expect(prepared.kubeadmPatches.count == plain.kubeadmPatches.count)
        let different = zip(prepared.kubeadmPatches, plain.kubeadmPatches).first { $0.0.patch != $0.1.patch }
        #expect(different == nil, "\(String(describing: different))")
        #expect(prepared.pools == plain.pools)
        #expect(prepared.pools.count == (shape == "mixed kinds" ? 1 : 0))
        if shape == "a piece that does not parse" {
            #expect(prepared.kubeadmPatches.isEmpty)
            #expect(prepared.readDiagnostics.contains { $0.message.contains("does not parse") })
            return
        }
        #expect(prepared.kubeadmPatches.count == 2_400)
        #expect(prepared.readDiagnostics.count == 2)
        let last = try #require(prepared.kubeadmPatches.last?.patch.nodeIP)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(last.location.line == lines.firstIndex { $0.contains("node-ip: 10.9.149.10") }! + 1)
    }

    @Test func everyTemplateLab() throws {
        for lab in templateLabs {
            guard let plan = Pipeline.compile(lab.lab.spec).plan else { continue }
            let rendered = try Renderer.render(plan)
            Self.sameOutcome(
                rendered.artifacts.filter { $0.kind.isReadBack }.map { ($0.path, $0.contents) }, plan.name)
        }
    }

    /// Faults in the kind config, the topology and a second topology: reader diagnostics included.
    @Test func labsWithFaultsAndASecondTopology() {
        var lab = TestLab()
        lab.replace("container:demo-worker2", with: "container:demo-wroker2", in: \.clab)
        lab.replace("ip addr add 10.1.8.10/24 dev net0", with: "ip addr add 10.1.5.11/24 dev net9", in: \.clab)
        // Faults the readers themselves report: a pod subnet that is no CIDR, a link MTU that is no
        // integer, an unknown field of a kubeadm patch.
        lab.replace("podSubnet: \"10.244.0.0/16\"", with: "podSubnet: \"10.244.0.0/99\"", in: \.kind)
        lab.replace(
            "- endpoints: [\"br-pool0:br-pool0-net0\", \"server1:net0\"]\n      mtu: 1500",
            with: "- endpoints: [\"br-pool0:br-pool0-net0\", \"server1:net0\"]\n      mtu: big", in: \.clab)
        lab.extra = [
            (
                "kubeadm.yaml",
                "kind: JoinConfiguration\nnodeRegistration:\n  name: demo-worker\n  bogusField: 1\n"
                    + "  kubeletExtraArgs:\n    node-ip: 10.1.5.11\n---\nkind: JoinConfiguration\n"
                    + "nodeRegistration:\n  name: demo-worker2\n  kubeletExtraArgs:\n    node-ip: 10.1.8.10\n"
            )
        ]
        let reported = LabFacts.read(lab.files).readDiagnostics.map(\.message)
        #expect(reported.contains { $0.contains("is not an IPv4 CIDR") }, "\(reported)")
        #expect(reported.contains { $0.contains("link mtu must be an integer") }, "\(reported)")
        #expect(reported.contains { $0.contains("unknown field") }, "\(reported)")
        Self.sameOutcome(lab.files, "faults")
        let second =
            lab.files + lab.files.filter { $0.path.hasSuffix(".clab.yaml") }.map { ("other.clab.yaml", $0.text) }
        Self.sameOutcome(second, "two topologies")
        let broken = lab.files.map { ($0.path, $0.path.hasSuffix(".clab.yaml") ? $0.text + "\n  bad: [\n" : $0.text) }
        Self.sameOutcome(broken, "a topology that does not parse")
    }

    /// A file whose documents were all read ahead gives up its documents on the core that parsed
    /// them (`releaseReadDocuments`), and keeps calico-config's veth_mtu; a file with a document of a
    /// reader that reads nothing ahead, or named on the command line, keeps them.
    @Test func documentsReadAheadAreReleased() throws {
        let patches =
            "kind: JoinConfiguration\nnodeRegistration:\n  name: demo-worker\n  kubeletExtraArgs:\n    node-ip: 10.1.5.11\n"
            + "---\nkind: JoinConfiguration\nnodeRegistration:\n  name: demo-worker2\n  bogus: 1\n"
        let calicoConfig =
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: calico-config\n  namespace: kube-system\n"
            + "data:\n  veth_mtu: \"1400\"\n"
        func readAhead(_ text: String, kinds: Set<ArtifactDiscovery.Kind>? = nil) -> ArtifactDiscovery.Classification {
            var classified = ArtifactDiscovery.classifyAndParse(text, path: "kubeadm.yaml")
            if let kinds { classified.kinds = kinds }
            classified.prepared = ArtifactDiscovery.prepareReads(classified, path: "kubeadm.yaml")
            classified.releaseReadDocuments(path: "kubeadm.yaml")
            return classified
        }
        let plain = readAhead(patches)
        #expect(plain.kinds == [.kubeadmPatch])
        #expect(plain.documents == nil && plain.readAhead?.count == 2 && plain.readAhead?.vethMTU == nil)
        // The ConfigMap makes it a Calico manifest too, whose reader reads nothing ahead: kept.
        let mixed = readAhead(patches + calicoConfig)
        #expect(mixed.kinds.contains(.calicoNode) && mixed.documents?.count == 3 && mixed.readAhead == nil)
        // Read as kubeadm patches only, the veth_mtu is kept from the freed documents.
        let carried = try #require(readAhead(patches + calicoConfig, kinds: [.kubeadmPatch]).readAhead)
        #expect(carried.count == 3 && carried.vethMTU?.value == 1400 && carried.vethMTU?.location.line == 18)

        for extra in [patches, patches + calicoConfig] {
            var lab = TestLab()
            lab.extra = [("kubeadm.yaml", extra)]
            Self.sameOutcome(lab.files, "kubeadm.yaml")
            Self.sameOutcome(lab.files, "named on the command line", expected: ["kubeadm.yaml": .kubeadmPatch])
        }
        // Every template: the topology and the kind config are read ahead and released.
        for lab in templateLabs {
            guard let plan = Pipeline.compile(lab.lab.spec).plan else { continue }
            for artifact in try Renderer.render(plan).artifacts
            where artifact.path.hasSuffix(".clab.yaml") || artifact.path == "kind.yaml" {
                var file = ArtifactDiscovery.classifyAndParse(artifact.contents, path: artifact.path)
                file.prepared = ArtifactDiscovery.prepareReads(file, path: artifact.path)
                file.releaseReadDocuments(path: artifact.path)
                #expect(file.readAhead != nil && file.documents == nil, "\(plan.name): \(artifact.path)")
            }
        }
    }

    /// A VyOS config read ahead (`prepareText`): with faults its reader reports, and named on the
    /// command line as another kind, where the file is read as that kind instead.
    @Test func vyosConfigsReadAhead() {
        var lab = TestLab()
        lab.replace("address \"10.1.8.1/24\"", with: "address \"10.1.8.1/33\"", in: \.vyos)
        lab.extra = [
            ("startup-conf/gw1-boot.cfg", "interfaces {\n    ethernet eth1 {\n        address \"10.9.0.1/24\"\n")
        ]
        let facts = LabFacts.read(lab.files)
        #expect(facts.vyos.count >= 1)
        #expect(!facts.readDiagnostics.isEmpty, "\(facts.readDiagnostics.map(\.message))")
        Self.sameOutcome(lab.files, "VyOS faults")
        Self.sameOutcome(
            lab.files, "a VyOS config named as a bridge script", expected: ["startup-conf/gw0-boot.cfg": .bridgeScript])
        Self.sameOutcome(lab.files, "a VyOS config named as one", expected: ["startup-conf/gw0-boot.cfg": .vyos])
    }
}
