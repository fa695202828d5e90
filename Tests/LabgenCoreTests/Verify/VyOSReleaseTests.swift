import LabFormats
import LabKit
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// VyOS 1.3 and 1.5 beside 1.2 and 1.4: the release of a gateway (its `vyos:` or its image tag),
/// the dialect of what is rendered, and the release `labgen verify` reads from a config's footer.
@Suite("VyOS releases: resolve, render, read back")
struct VyOSReleaseTests {
    static func lab(_ gateway: Gateway) -> Lab {
        Lab("test") {
            Cluster("test")
            gateway
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
    }

    @Test func releaseFromVyOSOrFromTheImageTag() throws {
        let rolling = "1.5-rolling-202412060007"
        let tagged = try resolvedPlan(Self.lab(Gateway("gw0", image: "registry:5000/vyos/vyos:\(rolling)")))
        #expect(tagged.gateways[0].release.series == "1.5")
        #expect(tagged.gateways[0].release.version == "1.5-rolling-202412060007")
        let written = try resolvedPlan(Self.lab(Gateway("gw0", vyos: "1.3.8")))
        #expect(written.gateways[0].release.series == "1.3")
        #expect(written.gateways[0].image == "vyos/vyos:1.3.8")
        // vyos: wins over a tag of the same series.
        let both = try resolvedPlan(Self.lab(Gateway("gw0", vyos: "1.5.0", image: "vyos/vyos:\(rolling)")))
        #expect(both.gateways[0].release.version == "1.5.0")
    }

    @Test func releaseProblems() {
        let mismatch = diagnostics(Self.lab(Gateway("gw0", vyos: "1.4.9", image: "vyos/vyos:1.5.0")))
        #expect(mismatch.map(\.id.rawValue) == ["LG145"])
        #expect(diagnostics(Self.lab(Gateway("gw0", image: "vyos/vyos"))).map(\.id.rawValue) == ["LG116"])
        #expect(diagnostics(Self.lab(Gateway("gw0", image: "vyos/vyos:latest"))).map(\.id.rawValue) == ["LG116"])
        #expect(diagnostics(Self.lab(Gateway("gw0"))).map(\.id.rawValue) == ["LG116"])
        // A rolling build named by date names no series: vyos: decides, and without it LG116 says so.
        let dated = "vyos/vyos:2025.07.01-0813-rolling"
        #expect(diagnostics(Self.lab(Gateway("gw0", vyos: "1.5", image: dated))).isEmpty)
        let undated = diagnostics(Self.lab(Gateway("gw0", image: dated)))
        #expect(undated.map(\.id.rawValue) == ["LG116"])
        #expect(undated.first?.message.contains("named by date") == true)
        let old = diagnostics(Self.lab(Gateway("gw0", vyos: "1.1.8")))
        #expect(old.map(\.id.rawValue) == ["LG116"])
        #expect(old.first?.message.contains("1.2, 1.3, 1.4, 1.5") == true)
    }

    @Test func imageTags() {
        #expect(GatewayRelease.tag(of: "vyos/vyos:1.5.0") == "1.5.0")
        #expect(GatewayRelease.tag(of: "192.168.2.100:5000/vyos/vyos:1.3.8") == "1.3.8")
        #expect(GatewayRelease.tag(of: "192.168.2.100:5000/vyos/vyos") == nil)
        #expect(GatewayRelease.tag(of: "vyos/vyos:1.4.9@sha256:abcd") == "1.4.9")
        #expect(GatewayRelease.tag(of: "vyos/vyos:") == nil)
    }

    /// What each release writes for the nodes labgen renders, read back from the rendered text.
    @Test(arguments: [
        ("1.2.8", VyOSDialect.crux), ("1.3.8", .equuleus), ("1.4.9", .sagitta), ("1.5.0", .circinus),
    ])
    func renderedDialects(release: String, dialect: VyOSDialect) throws {
        let gateway = Gateway("gw0", vyos: release) { Masquerade(source: "10.1.5.0/24") }
        let compiled = Pipeline.compile(Self.lab(gateway).spec)
        #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.description))")
        let rendered = try #require(compiled.rendered)
        let boot = try #require(rendered.artifacts.first { $0.path == "startup-conf/gw0-boot.cfg" }).contents
        let config = try VyOSReader.readBootConfig(boot)
        let rule = try #require(config["nat"].first?["source"].first?["rule"].first)
        let outbound = try #require(rule["outbound-interface"].first)
        let system = try #require(config["system"].first)
        switch dialect {
        case .crux, .equuleus:
            #expect(outbound.value == "eth0" && outbound.children == nil)
            #expect(!system["ntp"].isEmpty && config["service"].isEmpty)
            #expect(boot.contains("address 10.1.5.1/24"))
        case .sagitta, .circinus:
            #expect(outbound["name"].first?.value == "eth0")
            #expect(system["ntp"].isEmpty)
            #expect(boot.contains("address \"10.1.5.1/24\""))
        }
        #expect(
            (config["service"].first?["ntp"].isEmpty ?? true) == (dialect != .circinus),
            "1.5's default configuration has service ntp; the 1.4 reference has none")
        let hasLevel = system["login"].first?["user"].first?["level"].isEmpty == false
        #expect(hasLevel == (dialect == .crux))
        let hasSmpAffinity = boot.contains("smp-affinity")
        #expect(hasSmpAffinity == (dialect == .crux))
        #expect(boot.hasPrefix("interfaces {"))
        let releaseLine = dialect == .crux ? "/* Release version: \(release) */" : "// Release version: \(release)"
        #expect(boot.contains(releaseLine))

        var read = DiagnosticList()
        let facts = try #require(VyOSFactsReader.read(boot, file: "gw0-boot.cfg", diagnostics: &read))
        #expect(read.isEmpty)
        #expect(facts.release?.value.dialect == dialect)
        #expect(facts.natRules.first?.outboundInterface?.value == "eth0")
        let commands = try #require(rendered.artifacts.first { $0.path == "startup-conf/gw0.cfg" }).contents
        let setFacts = try #require(VyOSFactsReader.read(commands, file: "gw0.cfg", diagnostics: &read))
        #expect(setFacts.release?.value.dialect == dialect)
        #expect(setFacts.release?.location.line == 1)
    }

    @Test func theTemplateLabsOnVyOS13And15() throws {
        let templates = [
            ("calico-ipip-crosssubnet-vyos13", VyOSDialect.equuleus), ("calico-ipip-crosssubnet-vyos15", .circinus),
        ]
        for (template, dialect) in templates {
            let lab = try #require(templateLabs.first { $0.lab.spec.name == template })
            let compiled = Pipeline.compile(lab.lab.spec)
            #expect(compiled.diagnostics.isEmpty)
            let facts = LabFacts.read(try #require(compiled.rendered))
            let boot = try #require(facts.vyos["startup-conf/gw0-boot.cfg"])
            #expect(boot.release?.value.dialect == dialect)
            let summary = dialect == .equuleus ? "1.3.8 equuleus" : "1.5.0 circinus"
            #expect(VyOSFactsReader.releaseSummary(facts.vyos) == summary)
        }
    }

    /// LG146 on a hand-written config: syntax of another release than the footer names.
    static func releaseSyntax(_ text: String) -> [Diagnostic] {
        Verifier.verify(LabFacts.read([(path: "config.boot", text: text)])).filter { $0.id == RuleID.vyosReleaseSyntax }
    }

    static let equuleusBody = """
        nat {
            source {
                rule 100 {
                    outbound-interface eth0
                }
            }
        }
        system {
            login {
                user vyos {
                    level admin
                }
            }
            ntp {
                server time1.vyos.net {
                }
            }
        }


        """

    @Test func syntaxOfAnOlderReleaseThanTheFooterSays() throws {
        let claimsSagitta =
            Self.equuleusBody + """
                // Warning: Do not remove the following line.
                // vyos-config-version: "nat@7:ntp@3:system@26"
                // Release version: 1.4.9
                """
        let found = Self.releaseSyntax(claimsSagitta)
        #expect(found.map { $0.location?.line } == [4, 11, 14], "\(found.map(\.description))")
        #expect(found.allSatisfy { $0.severity == .error && $0.notes.first?.location?.line == 20 })
        #expect(found[0].message.contains("nat@7"))
        // The same body with the 1.3 footer labgen writes is clean but for 1.2's `level`.
        let equuleus =
            Self.equuleusBody + """
                // Warning: Do not remove the following line.
                // vyos-config-version: "nat@5:ntp@1:system@21"
                // Release version: 1.3.8
                """
        #expect(Self.releaseSyntax(equuleus).map { $0.location?.line } == [11])
        // A 1.4 footer with old component versions: VyOS migrates the leaf and system ntp at boot.
        let migrated =
            Self.equuleusBody.replacingOccurrences(of: "            level admin\n", with: "") + """
                // Warning: Do not remove the following line.
                // vyos-config-version: "nat@5:ntp@1:system@21"
                // Release version: 1.4-rolling-202307070317
                """
        #expect(Self.releaseSyntax(migrated).isEmpty)
    }

    @Test func syntaxOfANewerReleaseThanTheFooterSays() throws {
        let circinusBody = try #require(
            Pipeline.compile(
                Self.lab(
                    Gateway("gw0", vyos: "1.5.0") {
                        Masquerade(source: "10.1.5.0/24")
                    }
                ).spec
            ).rendered?.artifacts.first { $0.path == "startup-conf/gw0-boot.cfg" }?.contents)
        #expect(Self.releaseSyntax(circinusBody).isEmpty)
        let claimsEquuleus = circinusBody.replacingOccurrences(
            of: "Release version: 1.5.0", with: "Release version: 1.3.8")
        let found = Self.releaseSyntax(claimsEquuleus)
        #expect(found.count == 2, "\(found.map(\.description))")
        #expect(found.contains { $0.message.contains("'service ntp'") })
        #expect(found.contains { $0.message.contains("'outbound-interface { ... }'") })
    }

    @Test func summaryOfSeveralReleases() {
        func facts(_ file: String, _ release: String?, set: Bool = false) -> VyOSFacts {
            var facts = VyOSFacts(file: file, isSetCommands: set, interfaces: [], natRules: [])
            facts.release = release.map {
                Located(
                    VyOSReleaseEvidence(dialect: VyOSDialect(release: $0), release: $0, source: "test"),
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
            return facts
        }
        let same = ["a": facts("a", "1.2.8"), "b": facts("b", "1.2.8", set: true)]
        #expect(VyOSFactsReader.releaseSummary(same) == "1.2.8 crux")
        let mixed = ["a": facts("a", "1.5.0"), "b": facts("b", "1.3.8")]
        #expect(VyOSFactsReader.releaseSummary(mixed) == "a 1.5.0 circinus, b 1.3.8 equuleus")
        #expect(VyOSFactsReader.releaseSummary(["a": facts("a", "1.3.8"), "b": facts("b", nil)]) == "a 1.3.8 equuleus")
        #expect(VyOSFactsReader.releaseSummary(["a": facts("a", nil)]) == nil)
    }
}
